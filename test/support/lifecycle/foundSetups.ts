import type { FoundSetup } from '../../../shared/lifecycle/foundSetup';

const SMOOZ_ACCOUNT = '210987654321';

export const loadBalancer: NonNullable<FoundSetup['loadBalancer']> = {
  arn: 'arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/net/m/1',
  name: 'm',
  zones: [{ name: 'ap-northeast-1a', subnetId: 'subnet-a' }],
  crossZone: false,
  securityGroupIds: [],
  subnetCidrs: ['10.20.1.0/24'],
};
export const database: NonNullable<FoundSetup['database']> = {
  kind: 'instance',
  identifier: 'customer-postgres',
  arn: 'arn:aws:rds:ap-northeast-1:123456789012:db:customer-postgres',
  endpoint: 'customer-postgres.abc.ap-northeast-1.rds.amazonaws.com',
  port: 5432,
  engine: 'postgres',
  multiAz: true,
  zones: ['ap-northeast-1a'],
  securityGroupIds: ['sg-db'],
  addresses: ['10.20.1.50'],
};
export const targetGroup: FoundSetup['targetGroups'][number] = {
  arn: 'arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/m/1',
  name: 'm',
  port: 5432,
  healthCheckProtocol: 'TCP',
  targets: [{ address: '10.20.1.50', port: 5432, state: 'healthy' }],
};

export const updater: NonNullable<FoundSetup['updater']> = {
  functionName: 'smooz-privatelink-function',
  functionArn: 'arn:aws:lambda:ap-northeast-1:123456789012:function:smooz-privatelink-function',
  runtime: 'python3.9',
  inVpc: true,
  subnetIds: ['subnet-a'],
  securityGroupIds: ['sg-lambda'],
  egress: 'nat',
  triggers: [
    { ruleName: 'failover', enabled: true, kind: 'rdsEvent', eventCategories: ['failover'] },
  ],
};
export const smooz: NonNullable<FoundSetup['smooz']> = {
  connectionId: 'conn-0123456789',
  name: 'prod',
  status: 'available',
};

/**
 * A setup as the manual makes it, as the finder would gather it: one subnet in one AZ, a Python
 * 3.9 updater in the VPC behind a NAT gateway, only a failover rule, the endpoint service open to
 * SMOOZ's account root, no cross-zone, in front of a Multi-AZ PostgreSQL instance.
 */
export function manualSetup(overrides: Partial<FoundSetup> = {}): FoundSetup {
  return {
    key: 'vpce-svc-0123456789abcdef0',
    profile: 'dev',
    region: 'ap-northeast-1',
    accountId: '123456789012',
    origin: 'handMade',
    stack: { name: 'smooz-privatelink', status: 'CREATE_COMPLETE' },
    endpointService: {
      id: 'vpce-svc-0123456789abcdef0',
      name: 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0',
      zones: ['ap-northeast-1a'],
      acceptanceRequired: false,
      allowedPrincipals: [`arn:aws:iam::${SMOOZ_ACCOUNT}:root`],
      loadBalancerArns: [
        'arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/net/m/1',
      ],
    },
    loadBalancer,
    targetGroups: [targetGroup],
    database,
    databaseIngress: [
      { groupId: 'sg-db', protocol: 'tcp', fromPort: 5432, toPort: 5432, source: 'sg-lambda' },
      { groupId: 'sg-db', protocol: 'tcp', fromPort: 5432, toPort: 5432, source: '10.20.1.0/24' },
    ],
    updater,
    smooz,
    connectivity: {
      ran: true,
      outcome: 'succeeded',
      checked: 'query',
      checkedAt: '2026-12-02T03:00:00Z',
    },
    scannedAt: '2026-12-02T03:00:00Z',
    ...overrides,
  };
}

export { SMOOZ_ACCOUNT };
