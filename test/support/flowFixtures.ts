import type { PreflightFix, PreflightReport } from '../../shared/flow/preflight';
import type { SetupPlan, StackOutputs } from '../../shared/flow/plan';
import type { CreatedResource } from '../../shared/flow/resources';

/** A plan as the engine derives it for a Multi-AZ instance; values are shaped like AWS's. */
export const samplePlan: SetupPlan = {
  connectionId: 'c-0001',
  connectionName: 'prod-db',
  profile: 'dev',
  region: 'ap-northeast-1',
  accountId: '123456789012',
  database: {
    kind: 'instance',
    identifier: 'prod-db',
    engine: 'postgres',
    status: 'available',
    endpoint: 'prod-db.abc.ap-northeast-1.rds.amazonaws.com',
    port: 5432,
    vpcId: 'vpc-1',
    availabilityZone: 'ap-northeast-1a',
    availabilityZones: ['ap-northeast-1a', 'ap-northeast-1c'],
    multiAz: true,
    securityGroupIds: ['sg-rds'],
    publiclyAccessible: false,
    resourceId: 'db-ABC',
    subnetIds: ['subnet-a', 'subnet-c'],
  },
  subnetIds: ['subnet-a', 'subnet-c'],
  authMethod: 'password',
  smoozAccountId: '210987654321',
  smoozRoleArn: 'arn:aws:iam::210987654321:role/smooz-privatelink',
  updaterPlacement: 'insideVpc',
  lambdaFunctionName: 'smooz-privatelink-updater',
  stackName: 'smooz-privatelink-prod-db',
  lambdaSecurityGroupName: 'smooz-privatelink-lambda-c-0001',
};

export const passingReport: PreflightReport = {
  checkedAt: '2026-01-01T00:00:00.000Z',
  checks: [{ id: 'subnetInDatabaseAz', status: 'pass', explanation: 'ok', params: {} }],
};

export const egressFix: PreflightFix = {
  kind: 'createInterfaceEndpoints',
  serviceNames: ['com.amazonaws.ap-northeast-1.elasticloadbalancing'],
  s3Gateway: false,
  subnetIds: ['subnet-a'],
  cost: {
    natGatewayMonthlyUsd: 45,
    interfaceEndpointsMonthlyUsd: 10,
    natGatewayPerGbUsd: 0.062,
    interfaceEndpointPerGbUsd: 0.01,
  },
};

export const failingEgressReport: PreflightReport = {
  checkedAt: '2026-01-01T00:00:00.000Z',
  checks: [
    {
      id: 'lambdaEgress',
      status: 'fail',
      explanation: 'lambdaEgress.none',
      params: {},
      fix: egressFix,
    },
  ],
};

export const lambdaSg: CreatedResource = {
  kind: 'securityGroup',
  purpose: 'lambda',
  groupId: 'sg-lambda',
  groupName: 'smooz-privatelink-lambda-c-0001',
  vpcId: 'vpc-1',
};
export const rdsRule: CreatedResource = {
  kind: 'ingressRule',
  groupId: 'sg-rds',
  port: 5432,
  source: { type: 'securityGroup', groupId: 'sg-lambda' },
};
export const stack: Extract<CreatedResource, { kind: 'stack' }> = {
  kind: 'stack',
  stackName: 'smooz-privatelink-prod-db',
  stackId: 'arn:aws:cloudformation:ap-northeast-1:123456789012:stack/x/1',
};

/** The outputs of a completed stack in one AZ. */
export const sampleOutputs: StackOutputs = {
  endpointServiceName: 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0',
  endpointServiceId: 'vpce-svc-0123456789abcdef0',
  availabilityZones: ['ap-northeast-1a'],
  availabilityZoneIds: ['apne1-az4'],
  loadBalancerArn: 'arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/net/x/1',
  targetGroupArn: 'arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/x/1',
};
