import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ADDITIONAL_PARAMETERS,
  buildStackParameters,
  DB_AUTH_METHODS,
  DEFAULT_LAMBDA_FUNCTION_NAME,
  MANUAL_PARAMETERS,
  manualStepOf,
  MAX_ADDITIONAL_SUBNET_IDS,
  MAX_LAMBDA_FUNCTION_NAME_LENGTH,
  RDS_TYPES,
  UPDATER_PLACEMENTS,
  STACK_OUTPUT_NAMES,
  TEMPLATE_PARAMETER_NAMES,
  type StackParameterValues,
} from '../../../shared/stack/templateParameters';
import {
  CLUSTER_ADDRESS_EVENT_CATEGORIES,
  INSTANCE_ADDRESS_EVENT_CATEGORIES,
  RDS_CLUSTER_EVENT,
  RDS_INSTANCE_EVENT,
} from '../../../shared/stack/rdsEvents';
import {
  UPDATER_VPC_API_CALLS,
  updaterEndpointServiceNames,
} from '../../../shared/stack/updaterApis';
import {
  SMOOZ_TEMPLATE_VERSION,
  TEMPLATE_VERSION_OUTPUT,
  templateVersionFromOutputs,
} from '../../../shared/stack/templateVersion';
import { loadTemplate, type Json, type JsonObject } from './cfnYaml';

const t = loadTemplate();
const props = (logicalId: string) => {
  const resource = t.Resources[logicalId];
  if (!resource) throw new Error(`no resource ${logicalId}`);
  return resource.Properties;
};

interface Statement {
  Sid?: string;
  Action: string | string[];
  Resource: Json;
  Principal?: JsonObject;
  Condition?: JsonObject;
}
/** Every statement the role can have: a conditional one (`Fn::If`) as it is when it holds. */
function statements(roleId: string): Statement[] {
  const policies = props(roleId).Policies as unknown as {
    PolicyDocument: { Statement: (Statement | { 'Fn::If': [string, Statement, Json] })[] };
  }[];
  return policies
    .flatMap((p) => p.PolicyDocument.Statement)
    .map((s) => ('Fn::If' in s ? s['Fn::If'][1] : s));
}
const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

/** CloudFormation's own checks of a parameter value (AllowedPattern is a full match). */
function parameterProblem(name: string, value: string): string | undefined {
  const p = t.Parameters[name];
  if (!p) return 'unknown parameter';
  if (p.Type === 'Number') {
    const n = Number(value);
    if (!Number.isFinite(n)) return 'not a number';
    if (typeof p.MinValue === 'number' && n < p.MinValue) return 'below MinValue';
    if (typeof p.MaxValue === 'number' && n > p.MaxValue) return 'above MaxValue';
    return undefined;
  }
  if (Array.isArray(p.AllowedValues) && !p.AllowedValues.includes(value)) return 'not allowed';
  if (typeof p.MinLength === 'number' && value.length < p.MinLength) return 'too short';
  if (typeof p.MaxLength === 'number' && value.length > p.MaxLength) return 'too long';
  if (typeof p.AllowedPattern === 'string' && !new RegExp(p.AllowedPattern).test(value)) {
    return 'pattern';
  }
  return undefined;
}

const INSTANCE_PASSWORD: StackParameterValues = {
  lambdaFunctionName: DEFAULT_LAMBDA_FUNCTION_NAME,
  rdsType: 'instance',
  rdsEndpoint: 'mydb.c1a2b3c4d5e6.ap-northeast-1.rds.amazonaws.com',
  rdsPort: 3306,
  vpcId: 'vpc-0123456789abcdef0',
  subnetId: 'subnet-0123456789abcdef0',
  updaterPlacement: 'outsideVpc',
  lambdaSecurityGroupIds: ['sg-0123456789abcdef0'],
  smoozRoleArn: 'arn:aws:iam::210987654321:role/smooz-privatelink',
  dbAuthMethod: 'password',
  dbUser: 'ignored-for-password',
};
const CLUSTER_IAM: StackParameterValues = {
  ...INSTANCE_PASSWORD,
  rdsType: 'cluster',
  rdsEndpoint: 'aurora.cluster-c1a2b3c4d5e6.ap-northeast-1.rds.amazonaws.com',
  rdsPort: 5432,
  additionalSubnetIds: ['subnet-0123456789abcdef0', 'subnet-1111111111abcdef0', 'subnet-22222222'],
  updaterPlacement: 'insideVpc',
  lambdaSecurityGroupIds: ['sg-0123456789abcdef0', 'sg-11111111'],
  dbAuthMethod: 'iam',
  dbUser: 'smooz_reader',
  dbResourceId: 'cluster-ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  externalId: 'smooz-6f1c2a9e-8d3b-4c55-9a77-0e4d2b1f3c88',
  connectionId: 'conn_01HZX3',
};

describe('template parameters (the manual interface, shared/stack/templateParameters.ts)', () => {
  it('declares the parameters in the manual order, then the additional ones', () => {
    expect(Object.keys(t.Parameters)).toEqual([...TEMPLATE_PARAMETER_NAMES]);
    expect(TEMPLATE_PARAMETER_NAMES.slice(8)).toEqual([...ADDITIONAL_PARAMETERS]);
  });

  it('labels ①–⑧ in the console, in Japanese and English, in the first group', () => {
    const ui = t.Metadata['AWS::CloudFormation::Interface'] as {
      ParameterGroups: { Parameters: string[] }[];
      ParameterLabels: Record<string, { default: string }>;
    };
    expect(ui.ParameterGroups[0]?.Parameters).toEqual(MANUAL_PARAMETERS.map((p) => p.name));
    expect(ui.ParameterGroups.flatMap((g) => g.Parameters).sort()).toEqual(
      [...TEMPLATE_PARAMETER_NAMES].sort(),
    );
    for (const { name, step } of MANUAL_PARAMETERS) {
      const label = ui.ParameterLabels[name]?.default ?? '';
      expect(label.startsWith(`${step} `), name).toBe(true);
      expect(label, name).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/u);
      expect(label, name).toMatch(/[A-Za-z]{3}/);
    }
    expect(manualStepOf('SubnetId')).toBe('⑥');
    expect(manualStepOf('ExternalId')).toBeUndefined();
  });

  it('uses AWS-specific types so the console offers only existing VPCs and subnets; ⑦ may stay empty', () => {
    expect(t.Parameters.VpcId?.Type).toBe('AWS::EC2::VPC::Id');
    expect(t.Parameters.SubnetId?.Type).toBe('AWS::EC2::Subnet::Id');
    // No AWS-specific type allows an empty value, which ⑦ is outside the VPC.
    expect(t.Parameters.LambdaSecurityGroupIds).toMatchObject({ Type: 'String', Default: '' });
    expect(t.Parameters.RDSPort?.Type).toBe('Number');
    expect(t.Parameters.ExternalId?.NoEcho).toBe(true);
  });

  it('agrees with the shared constants on defaults, choices and limits', () => {
    expect(t.Parameters.LambdaFunctionName?.Default).toBe(DEFAULT_LAMBDA_FUNCTION_NAME);
    expect(t.Parameters.RDSType?.AllowedValues).toEqual([...RDS_TYPES]);
    expect(t.Parameters.DbAuthMethod?.AllowedValues).toEqual([...DB_AUTH_METHODS]);
    expect(t.Parameters.UpdaterPlacement?.AllowedValues).toEqual([...UPDATER_PLACEMENTS]);
    expect(t.Parameters.UpdaterPlacement?.Default).toBe('outsideVpc');
    const groups = (n: number) =>
      Array.from({ length: n }, (_, i) => `sg-${String(i).padStart(8, '0')}`).join(',');
    expect(parameterProblem('LambdaSecurityGroupIds', '')).toBeUndefined();
    expect(parameterProblem('LambdaSecurityGroupIds', groups(5))).toBeUndefined();
    expect(parameterProblem('LambdaSecurityGroupIds', groups(6))).toBe('pattern');
    const name = (n: number) => 'f'.repeat(n);
    expect(
      parameterProblem('LambdaFunctionName', name(MAX_LAMBDA_FUNCTION_NAME_LENGTH)),
    ).toBeUndefined();
    expect(parameterProblem('LambdaFunctionName', name(MAX_LAMBDA_FUNCTION_NAME_LENGTH + 1))).toBe(
      'pattern',
    );
    const subnets = (n: number) =>
      Array.from({ length: n }, (_, i) => `subnet-${String(i).padStart(8, '0')}`).join(',');
    expect(
      parameterProblem('AdditionalSubnetIds', subnets(MAX_ADDITIONAL_SUBNET_IDS)),
    ).toBeUndefined();
    expect(parameterProblem('AdditionalSubnetIds', subnets(MAX_ADDITIONAL_SUBNET_IDS + 1))).toBe(
      'pattern',
    );
  });

  it.each([
    ['an RDS instance with password authentication', INSTANCE_PASSWORD],
    ['an Aurora cluster with IAM authentication over three AZs', CLUSTER_IAM],
  ])('builds CreateStack parameters the template accepts for %s', (_name, values) => {
    const list = buildStackParameters(values);
    expect(list.map((p) => p.ParameterKey)).toEqual([...TEMPLATE_PARAMETER_NAMES]);
    for (const { ParameterKey, ParameterValue } of list) {
      if (ParameterKey === 'VpcId' || ParameterKey === 'SubnetId') continue;
      expect(parameterProblem(ParameterKey, ParameterValue), ParameterKey).toBeUndefined();
    }
  });

  it('drops the main subnet from the additional ones and blanks IAM values for passwords', () => {
    const byKey = (v: StackParameterValues) =>
      Object.fromEntries(buildStackParameters(v).map((p) => [p.ParameterKey, p.ParameterValue]));
    expect(byKey(CLUSTER_IAM).AdditionalSubnetIds).toBe('subnet-1111111111abcdef0,subnet-22222222');
    expect(byKey(CLUSTER_IAM).LambdaSecurityGroupIds).toBe('sg-0123456789abcdef0,sg-11111111');
    expect(byKey(CLUSTER_IAM).UpdaterPlacement).toBe('insideVpc');
    expect(byKey(INSTANCE_PASSWORD)).toMatchObject({
      UpdaterPlacement: 'outsideVpc',
      // ⑦ outside the VPC is sent empty, whatever the values held.
      LambdaSecurityGroupIds: '',
      DbUser: '',
      DbResourceId: '',
      ExternalId: '',
    });
  });

  it.each([
    ['RDSEndpoint', 'mydb.abc.ap-northeast-1.rds.amazonaws.com:3306'],
    ['RDSEndpoint', 'https://mydb.abc.ap-northeast-1.rds.amazonaws.com'],
    ['RDSPort', '70000'],
    ['SmoozRoleArn', '210987654321'],
    ['SmoozRoleArn', 'arn:aws:iam::210987654321:root'],
    ['SmoozRoleArn', 'arn:aws:iam::210987654321:user/smooz'],
    ['AdditionalSubnetIds', 'subnet-11111111, subnet-22222222'],
    ['DbResourceId', 'mydb'],
    ['ConnectionId', 'has space'],
    ['UpdaterPlacement', 'vpc'],
    ['LambdaSecurityGroupIds', 'sg-11111111, sg-22222222'],
  ])('rejects %s = %j before any resource is created', (name, value) => {
    expect(parameterProblem(name, value)).toBeDefined();
  });

  it('asserts in Rules that subnets are in the VPC, insideVpc has ⑦ and IAM values are present', () => {
    const rules = JSON.stringify(t.Rules);
    expect(rules).toContain('"Fn::ValueOfAll":["AWS::EC2::Subnet::Id","VpcId"]');
    expect(t.Rules.SecurityGroupsInsideVpc).toEqual({
      RuleCondition: { 'Fn::Equals': [{ Ref: 'UpdaterPlacement' }, 'insideVpc'] },
      Assertions: [
        {
          Assert: { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'LambdaSecurityGroupIds' }, ''] }] },
          AssertDescription: expect.stringContaining('⑦'),
        },
      ],
    });
    for (const name of ['DbUser', 'DbResourceId', 'ExternalId']) {
      expect(rules).toContain(`{"Ref":"${name}"}`);
    }
  });
});

describe('template resources', () => {
  it('creates an internal network load balancer with cross-zone load balancing and no security group', () => {
    expect(props('LoadBalancer')).toMatchObject({ Type: 'network', Scheme: 'internal' });
    expect(props('LoadBalancer').SecurityGroups).toBeUndefined();
    expect(props('LoadBalancer').LoadBalancerAttributes).toContainEqual({
      Key: 'load_balancing.cross_zone.enabled',
      Value: 'true',
    });
  });

  it('listens on the RDS port over TCP and forwards to an IP target group with TCP health checks', () => {
    expect(props('Listener')).toMatchObject({
      Protocol: 'TCP',
      Port: { Ref: 'RDSPort' },
      DefaultActions: [{ Type: 'forward', TargetGroupArn: { Ref: 'TargetGroup' } }],
    });
    expect(props('TargetGroup')).toMatchObject({
      TargetType: 'ip',
      Protocol: 'TCP',
      Port: { Ref: 'RDSPort' },
      HealthCheckProtocol: 'TCP',
    });
    const delay = (
      props('TargetGroup').TargetGroupAttributes as { Key: string; Value: string }[]
    ).find((a) => a.Key === 'deregistration_delay.timeout_seconds');
    expect(Number(delay?.Value)).toBeLessThanOrEqual(60);
  });

  it("offers the endpoint service with acceptance required, to SMOOZ's role only (not its account root)", () => {
    expect(props('EndpointService')).toMatchObject({
      AcceptanceRequired: true,
      NetworkLoadBalancerArns: [{ Ref: 'LoadBalancer' }],
    });
    expect(props('EndpointServicePermissions')).toEqual({
      ServiceId: { Ref: 'EndpointService' },
      AllowedPrincipals: [{ Ref: 'SmoozRoleArn' }],
    });
  });

  it('runs the updater on a supported runtime without reserved concurrency, with kept logs', () => {
    const fn = props('UpdaterFunction');
    expect(fn).toMatchObject({
      FunctionName: { Ref: 'LambdaFunctionName' },
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Environment: {
        Variables: {
          RDS_ENDPOINT: { Ref: 'RDSEndpoint' },
          RDS_PORT: { Ref: 'RDSPort' },
          TARGET_GROUP_ARN: { Ref: 'TargetGroup' },
        },
      },
    });
    expect(fn.ReservedConcurrentExecutions).toBeUndefined();
    expect(t.Resources.UpdaterFunction?.DependsOn).toBe('UpdaterLogGroup');
    expect(props('UpdaterLogGroup')).toMatchObject({
      LogGroupName: { 'Fn::Sub': '/aws/lambda/${LambdaFunctionName}' },
      RetentionInDays: expect.any(Number),
    });
  });

  it('runs the setup helper outside the VPC, so its answer to CloudFormation always gets out', () => {
    expect(props('SetupFunction').VpcConfig).toBeUndefined();
    expect(props('SetupFunction').Runtime).toBe('nodejs24.x');
    expect(props('TargetRegistration')).toMatchObject({
      ServiceToken: { 'Fn::GetAtt': ['SetupFunction', 'Arn'] },
      UpdaterFunctionName: { Ref: 'UpdaterFunction' },
    });
    const wait = props('TargetRegistration').ServiceTimeout as number;
    expect(wait).toBeGreaterThan(props('SetupFunction').Timeout as number);
    expect(props('SetupFunction').Timeout as number).toBeGreaterThan(
      props('UpdaterFunction').Timeout as number,
    );
  });

  it('scopes the updater role: register/deregister on this target group, "*" only for describe actions', () => {
    const all = statements('UpdaterRole');
    const targetActions = all.filter((s) => actionsOf(s).some((a) => /RegisterTargets$/.test(a)));
    expect(targetActions).toHaveLength(1);
    expect(targetActions[0]?.Resource).toEqual({ Ref: 'TargetGroup' });
    for (const s of [...all, ...statements('SetupRole')]) {
      if (s.Resource === '*') {
        for (const action of actionsOf(s)) expect(action).toMatch(/^[a-z0-9-]+:Describe/);
      }
    }
    const setupActions = statements('SetupRole').flatMap(actionsOf).sort();
    expect(setupActions).toEqual(
      [
        'ec2:DescribeSubnets',
        'lambda:InvokeFunction',
        'logs:CreateLogStream',
        'logs:PutLogEvents',
      ].sort(),
    );
  });

  it('triggers the updater on the address-changing RDS events of the database, per source type', () => {
    const pattern = props('RdsEventRule').EventPattern as JsonObject;
    expect(pattern.source).toEqual(['aws.rds']);
    expect(pattern['detail-type']).toEqual({
      'Fn::If': ['IsCluster', [RDS_CLUSTER_EVENT], [RDS_INSTANCE_EVENT]],
    });
    // By ARN (resources), never by SourceIdentifier, whose form varies.
    expect(pattern.resources).toEqual([
      {
        'Fn::Sub': [
          'arn:${AWS::Partition}:rds:${AWS::Region}:${AWS::AccountId}:${Kind}:${Id}',
          {
            Kind: { 'Fn::If': ['IsCluster', 'cluster', 'db'] },
            Id: { 'Fn::Select': [0, { 'Fn::Split': ['.', { Ref: 'RDSEndpoint' }] }] },
          },
        ],
      },
    ]);
    const detail = pattern.detail as JsonObject;
    expect(detail.SourceIdentifier).toBeUndefined();
    expect(detail.EventCategories).toEqual({
      'Fn::If': [
        'IsCluster',
        [...CLUSTER_ADDRESS_EVENT_CATEGORIES],
        [...INSTANCE_ADDRESS_EVENT_CATEGORIES],
      ],
    });
    // Stop/start (notification) moves the address as surely as a failover does.
    for (const list of [INSTANCE_ADDRESS_EVENT_CATEGORIES, CLUSTER_ADDRESS_EVENT_CATEGORIES]) {
      for (const c of [
        'failover',
        'failure',
        'maintenance',
        'configuration change',
        'notification',
      ]) {
        expect(list).toContain(c);
      }
    }
    expect(INSTANCE_ADDRESS_EVENT_CATEGORIES).toEqual(
      expect.arrayContaining(['availability', 'recovery']),
    );
    expect(CLUSTER_ADDRESS_EVENT_CATEGORIES).toContain('global-failover');
  });

  it("for a cluster whose members are known, also on those instances' events, by ARN", () => {
    expect(t.Resources.RdsMemberInstanceEventRule?.Condition).toBe('FollowsMembers');
    expect(props('RdsMemberInstanceEventRule').EventPattern).toEqual({
      source: ['aws.rds'],
      'detail-type': [RDS_INSTANCE_EVENT],
      resources: { 'Fn::Split': [',', { Ref: 'ClusterMemberArns' }] },
      detail: { EventCategories: [...INSTANCE_ADDRESS_EVENT_CATEGORIES] },
    });
    expect(t.Resources.RdsMemberInstanceEventPermission?.Condition).toBe('FollowsMembers');
    const conditions = t.Conditions as JsonObject;
    expect((conditions.FollowsMembers as JsonObject)['Fn::And']).toEqual([
      { Condition: 'IsCluster' },
      { Condition: 'HasClusterMembers' },
    ]);
    expect(conditions.HasClusterMembers).toEqual({
      'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'ClusterMemberArns' }, ''] }],
    });
  });

  it('runs the updater every minute as a backstop, each rule allowed to invoke it', () => {
    expect(props('ScheduleRule').ScheduleExpression).toBe('rate(1 minute)');
    const rules = Object.keys(t.Resources).filter(
      (id) => t.Resources[id]?.Type === 'AWS::Events::Rule',
    );
    expect(rules.sort()).toEqual(['RdsEventRule', 'RdsMemberInstanceEventRule', 'ScheduleRule']);
    const permissions = Object.values(t.Resources).filter(
      (r) => r.Type === 'AWS::Lambda::Permission',
    );
    for (const rule of rules) {
      expect(props(rule).Targets).toEqual([
        { Id: 'updater', Arn: { 'Fn::GetAtt': ['UpdaterFunction', 'Arn'] } },
      ]);
      const permission = permissions.filter(
        (p) =>
          JSON.stringify(p.Properties.SourceArn) ===
          JSON.stringify({ 'Fn::GetAtt': [rule, 'Arn'] }),
      );
      expect(permission, rule).toHaveLength(1);
      expect(permission[0]?.Properties).toMatchObject({
        FunctionName: { Ref: 'UpdaterFunction' },
        Action: 'lambda:InvokeFunction',
        Principal: 'events.amazonaws.com',
      });
      expect(permission[0]?.Condition, rule).toEqual(t.Resources[rule]?.Condition);
    }
  });

  it("creates the IAM-auth role only for IAM, assumable by SMOOZ's role with the external id, for rds-db:connect only", () => {
    const role = t.Resources.SmoozDbConnectRole;
    expect(role?.Condition).toBe('UseIam');
    const trust = (
      props('SmoozDbConnectRole').AssumeRolePolicyDocument as unknown as { Statement: Statement[] }
    ).Statement;
    expect(trust).toEqual([
      {
        Effect: 'Allow',
        Principal: { AWS: { Ref: 'SmoozRoleArn' } },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': { Ref: 'ExternalId' } } },
      },
    ]);
    const allowed = statements('SmoozDbConnectRole');
    expect(allowed.flatMap(actionsOf)).toEqual(['rds-db:connect']);
    expect(allowed[0]?.Resource).toEqual({
      'Fn::Sub':
        'arn:${AWS::Partition}:rds-db:${AWS::Region}:${AWS::AccountId}:dbuser:${DbResourceId}/${DbUser}',
    });
  });

  it('outputs exactly the shared output names, the role ARN only for IAM', () => {
    expect(Object.keys(t.Outputs).sort()).toEqual([...STACK_OUTPUT_NAMES].sort());
    expect(t.Outputs.IamRoleArn?.Condition).toBe('UseIam');
    expect(t.Outputs.EndpointServiceName?.Value).toEqual({
      'Fn::Sub': 'com.amazonaws.vpce.${AWS::Region}.${EndpointService}',
    });
    expect(t.Outputs.AvailabilityZoneIds?.Value).toEqual({
      'Fn::GetAtt': ['TargetRegistration', 'AvailabilityZoneIds'],
    });
  });
});

describe('the in-VPC updater API list (preflight egress)', () => {
  const SDK_SERVICE: Record<string, string> = {
    'elastic-load-balancing-v2': 'elasticloadbalancing',
    ec2: 'ec2',
    lambda: 'lambda',
  };
  const sourceDir = join(import.meta.dirname, '..', '..', '..', 'lambda', 'src', 'updater');

  it('is written in the template Metadata exactly as shared/stack/updaterApis.ts exports it', () => {
    const egress = (t.Metadata.SmoozUpdater as { VpcEgress: Json }).VpcEgress;
    expect(egress).toEqual(
      UPDATER_VPC_API_CALLS.map((api) => ({ Service: api.service, Actions: [...api.actions] })),
    );
    expect(updaterEndpointServiceNames('ap-northeast-1')).toEqual([
      'com.amazonaws.ap-northeast-1.elasticloadbalancing',
    ]);
  });

  it('matches the AWS SDK commands the updater source imports', () => {
    const used = new Map<string, Set<string>>();
    for (const file of readdirSync(sourceDir).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(join(sourceDir, file), 'utf8');
      for (const m of text.matchAll(
        /import\s*{([^}]*)}\s*from\s*'@aws-sdk\/client-([a-z0-9-]+)'/g,
      )) {
        const service = SDK_SERVICE[m[2] ?? ''] ?? `unknown:${m[2]}`;
        const commands = [...(m[1] ?? '').matchAll(/\b([A-Z]\w+)Command\b/g)].map(
          (c) => c[1] ?? '',
        );
        const set = used.get(service) ?? new Set<string>();
        commands.forEach((c) => set.add(c));
        used.set(service, set);
      }
    }
    expect(
      [...used].map(([service, actions]) => ({ service, actions: [...actions].sort() })),
    ).toEqual(
      UPDATER_VPC_API_CALLS.map((a) => ({ service: a.service, actions: [...a.actions].sort() })),
    );
  });

  it('grants the updater role every listed action and no other AWS API call', () => {
    const granted = statements('UpdaterRole')
      .flatMap(actionsOf)
      .filter(
        (a) =>
          !a.startsWith('logs:') && !/NetworkInterface|PrivateIpAddresses|DescribeSubnets/.test(a),
      );
    expect(granted.sort()).toEqual(
      UPDATER_VPC_API_CALLS.flatMap((api) => api.actions.map((a) => `${api.service}:${a}`)).sort(),
    );
  });
});

/** Fn::If, Conditions and AWS::NoValue as CloudFormation resolves them for these parameters. */
function resolveFor(parameters: Record<string, string>) {
  const memo = new Map<string, boolean>();
  const value = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(value).filter((v) => v !== NO_VALUE);
    if (node === null || typeof node !== 'object') return node;
    if ('Ref' in node && typeof node.Ref === 'string' && node.Ref in parameters) {
      return parameters[node.Ref] ?? null;
    }
    if ('Ref' in node && node.Ref === 'AWS::NoValue') return NO_VALUE;
    if ('Fn::If' in node) {
      const [name, yes, no] = node['Fn::If'] as [string, Json, Json];
      return value(holds(name) ? yes : no);
    }
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(node)) {
      const resolved = value(v);
      if (resolved !== NO_VALUE) out[k] = resolved;
    }
    return out;
  };
  const condition = (node: Json): boolean => {
    const o = node as JsonObject;
    if ('Condition' in o) return holds(o.Condition as string);
    if ('Fn::Equals' in o) {
      const [a, b] = (o['Fn::Equals'] as Json[]).map(value);
      return a === b;
    }
    if ('Fn::Not' in o) return !condition((o['Fn::Not'] as Json[])[0] ?? null);
    if ('Fn::And' in o) return (o['Fn::And'] as Json[]).every(condition);
    if ('Fn::Or' in o) return (o['Fn::Or'] as Json[]).some(condition);
    throw new Error(`unsupported condition ${JSON.stringify(o)}`);
  };
  const holds = (name: string): boolean => {
    if (!memo.has(name)) memo.set(name, condition(t.Conditions[name] ?? null));
    return memo.get(name) as boolean;
  };
  return { value, holds };
}
const NO_VALUE = '\u0000NoValue';

describe('where the updater runs (UpdaterPlacement)', () => {
  const defaults = Object.fromEntries(
    Object.entries(t.Parameters).map(([name, p]) => [name, String(p.Default ?? '')]),
  );
  const resolved = (placement: string, groups: string) => {
    const r = resolveFor({
      ...defaults,
      UpdaterPlacement: placement,
      LambdaSecurityGroupIds: groups,
    });
    const fn = r.value(props('UpdaterFunction')) as JsonObject;
    const role = r.value(props('UpdaterRole')) as unknown as {
      Policies: { PolicyDocument: { Statement: Statement[] } }[];
    };
    const actions = role.Policies.flatMap((p) => p.PolicyDocument.Statement).flatMap(actionsOf);
    return { fn, actions };
  };

  it('outside the VPC (the default): no VpcConfig, no network-interface rights, ⑦ not needed', () => {
    expect(t.Parameters.UpdaterPlacement?.Default).toBe('outsideVpc');
    const { fn, actions } = resolved('outsideVpc', '');
    expect(fn.VpcConfig).toBeUndefined();
    expect(actions.filter((a) => a.startsWith('ec2:'))).toEqual([]);
    expect(actions).toContain('elasticloadbalancing:RegisterTargets');
  });

  it('inside the VPC: the subnets and ⑦ as VpcConfig, and the rights Lambda needs for its ENIs', () => {
    const { fn, actions } = resolved('insideVpc', 'sg-0123456789abcdef0,sg-11111111');
    expect(fn.VpcConfig).toEqual({
      SubnetIds: [''],
      SecurityGroupIds: { 'Fn::Split': [',', 'sg-0123456789abcdef0,sg-11111111'] },
    });
    expect(actions).toEqual(
      expect.arrayContaining([
        'ec2:CreateNetworkInterface',
        'ec2:DeleteNetworkInterface',
        'ec2:DescribeNetworkInterfaces',
      ]),
    );
  });

  it('ignores ⑦ outside the VPC, so a stale group can never put the updater into the VPC', () => {
    expect(resolved('outsideVpc', 'sg-0123456789abcdef0').fn.VpcConfig).toBeUndefined();
  });

  it('lists the placement in its own console group, after ①–⑧', () => {
    const ui = t.Metadata['AWS::CloudFormation::Interface'] as {
      ParameterGroups: { Parameters: string[] }[];
    };
    expect(ui.ParameterGroups[1]?.Parameters).toEqual(['UpdaterPlacement']);
  });
});

describe('template version (shared/stack/templateVersion.ts)', () => {
  it('is written in the Metadata and the SmoozTemplateVersion output as the shared constant', () => {
    expect((t.Metadata.SmoozTemplate as { Version: Json }).Version).toBe(SMOOZ_TEMPLATE_VERSION);
    expect(t.Outputs[TEMPLATE_VERSION_OUTPUT]?.Value).toBe(String(SMOOZ_TEMPLATE_VERSION));
  });

  it('reads a stack’s version from its outputs, 1 for an app stack made before versions existed', () => {
    expect(
      templateVersionFromOutputs([{ OutputKey: 'SmoozTemplateVersion', OutputValue: '7' }]),
    ).toBe(7);
    expect(templateVersionFromOutputs([{ OutputKey: 'EndpointServiceId', OutputValue: 'x' }])).toBe(
      1,
    );
    expect(
      templateVersionFromOutputs([{ OutputKey: 'SmoozTemplateVersion', OutputValue: 'x' }]),
    ).toBe(1);
  });
});
