import {
  CloudFormationClient,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStackEventsCommand,
  DescribeStackResourcesCommand,
  DescribeStacksCommand,
  type Stack,
  type StackEvent,
} from '@aws-sdk/client-cloudformation';
import {
  DescribeVpcEndpointServiceConfigurationsCommand,
  DescribeVpcEndpointServicePermissionsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import {
  DescribeListenersCommand,
  DescribeLoadBalancerAttributesCommand,
  DescribeLoadBalancersCommand,
  DescribeTargetGroupAttributesCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  DescribeRuleCommand,
  EventBridgeClient,
  ListTargetsByRuleCommand,
  TestEventPatternCommand,
} from '@aws-sdk/client-eventbridge';
import {
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListRolePoliciesCommand,
} from '@aws-sdk/client-iam';
import {
  GetFunctionCommand,
  GetFunctionConcurrencyCommand,
  InvokeCommand,
  LambdaClient,
} from '@aws-sdk/client-lambda';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createAwsClient } from '../../../main/aws/clientFactory';
import {
  CLUSTER_ADDRESS_EVENT_CATEGORIES,
  INSTANCE_ADDRESS_EVENT_CATEGORIES,
  RDS_CLUSTER_EVENT,
  RDS_INSTANCE_EVENT,
  rdsEventArn,
  rdsSourceIdentifier,
} from '../../../shared/stack/rdsEvents';
import {
  buildStackParameters,
  type StackOutputName,
  type StackParameterValues,
  type UpdaterPlacement,
} from '../../../shared/stack/templateParameters';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';
import { resetMoto } from '../../support/motoServer';
import {
  addInterfaceEndpoint,
  inCidr,
  seedCustomerVpc,
  seedIsolatedVpc,
  setVpcDns,
  type CustomerVpc,
} from './customerVpc';
import {
  ACCOUNT,
  IDENTIFIER_FORMS,
  MOVING_EVENTS,
  putRdsEvent,
  rdsEvent,
  REGION,
  STILL_EVENTS,
} from './rdsEventSamples';

const TEMPLATE = readFileSync(
  join(import.meta.dirname, '..', '..', '..', 'templates', 'smooz-privatelink.yaml'),
  'utf8',
);
const SMOOZ_ACCOUNT = '210987654321';
const SMOOZ_ROLE = `arn:aws:iam::${SMOOZ_ACCOUNT}:role/smooz-privatelink`;

const endpoint = inject('motoEndpoint');
const config = motoAppConfig(endpoint);
const cfn = createAwsClient(CloudFormationClient, config, motoContext);
const ec2 = createAwsClient(EC2Client, config, motoContext);
const elb = createAwsClient(ElasticLoadBalancingV2Client, config, motoContext);
const events = createAwsClient(EventBridgeClient, config, motoContext);
const iam = createAwsClient(IAMClient, config, motoContext);
const lambda = createAwsClient(LambdaClient, config, motoContext);

async function waitForStack(name: string): Promise<Stack> {
  for (let i = 0; i < 240; i++) {
    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: name }))).Stacks?.[0];
    if (stack && !stack.StackStatus?.endsWith('_IN_PROGRESS')) return stack;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`stack ${name} still in progress after 60 s`);
}

async function deploy(name: string, values: StackParameterValues): Promise<Stack> {
  await cfn.send(
    new CreateStackCommand({
      StackName: name,
      TemplateBody: TEMPLATE,
      Parameters: buildStackParameters(values),
      Capabilities: ['CAPABILITY_IAM'],
    }),
  );
  return waitForStack(name);
}

function outputsOf(stack: Stack): Partial<Record<StackOutputName, string>> {
  return Object.fromEntries((stack.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));
}

async function physicalIds(stackName: string): Promise<Record<string, string>> {
  const out = await cfn.send(new DescribeStackResourcesCommand({ StackName: stackName }));
  return Object.fromEntries(
    (out.StackResources ?? [])
      .filter((r) => r.LogicalResourceId)
      .map((r) => [r.LogicalResourceId, r.PhysicalResourceId ?? '']),
  );
}

async function targetsOf(targetGroupArn: string) {
  const out = await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }));
  return (out.TargetHealthDescriptions ?? [])
    .map((d) => ({ id: d.Target?.Id, port: d.Target?.Port }))
    .sort((a, b) => String(a.id).localeCompare(String(b.id)));
}

async function inlinePolicy(roleArn: string) {
  const roleName = roleArn.split('/').pop() ?? '';
  const role = await iam.send(new GetRoleCommand({ RoleName: roleName }));
  const names = await iam.send(new ListRolePoliciesCommand({ RoleName: roleName }));
  const docs = await Promise.all(
    (names.PolicyNames ?? []).map(async (PolicyName) => {
      const p = await iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName }));
      const text = decodeURIComponent(p.PolicyDocument ?? '{}');
      return JSON.parse(text) as { Statement: { Action: string | string[]; Resource: unknown }[] };
    }),
  );
  const trustText = decodeURIComponent(role.Role?.AssumeRolePolicyDocument ?? '{}');
  return { trust: JSON.parse(trustText) as unknown, statements: docs.flatMap((d) => d.Statement) };
}

const actions = (s: { Action: string | string[] }) =>
  Array.isArray(s.Action) ? s.Action : [s.Action];

let vpc: CustomerVpc;

beforeAll(async () => {
  await resetMoto(endpoint);
  vpc = await seedCustomerVpc(endpoint, 'tpl', 61);
});

interface Case {
  name: string;
  rdsType: 'instance' | 'cluster';
  auth: 'password' | 'iam';
  multiAz: boolean;
  placement: UpdaterPlacement;
}

const CASES: Case[] = [
  {
    name: 'instance-password',
    rdsType: 'instance',
    auth: 'password',
    multiAz: false,
    placement: 'outsideVpc',
  },
  { name: 'cluster-iam', rdsType: 'cluster', auth: 'iam', multiAz: true, placement: 'insideVpc' },
  {
    name: 'instance-iam',
    rdsType: 'instance',
    auth: 'iam',
    multiAz: true,
    placement: 'outsideVpc',
  },
  {
    name: 'cluster-password',
    rdsType: 'cluster',
    auth: 'password',
    multiAz: false,
    placement: 'insideVpc',
  },
];

/** The cluster-iam stack is told its member instance; the cluster-password one is not. */
const followsMembers = (c: Case) => c.name === 'cluster-iam';
const MEMBER = 'aurora-instance-2';
const MEMBER_ARN = `arn:aws:rds:${REGION}:${ACCOUNT}:db:${MEMBER}`;

function valuesFor(c: Case): StackParameterValues {
  const db = c.rdsType === 'instance' ? vpc.instance : vpc.cluster;
  return {
    lambdaFunctionName: `smooz-updater-${c.name}`,
    rdsType: c.rdsType,
    rdsEndpoint: db.endpoint,
    rdsPort: db.port,
    vpcId: vpc.vpcId,
    subnetId: vpc.subnets[0]?.id ?? '',
    additionalSubnetIds: c.multiAz ? [vpc.subnets[1]?.id ?? ''] : [],
    clusterMemberArns: followsMembers(c) ? [MEMBER_ARN] : [],
    updaterPlacement: c.placement,
    lambdaSecurityGroupIds: [vpc.lambdaSecurityGroupId],
    smoozRoleArn: SMOOZ_ROLE,
    dbAuthMethod: c.auth,
    dbUser: c.auth === 'iam' ? 'smooz_app' : undefined,
    dbResourceId: c.auth === 'iam' ? db.resourceId : undefined,
    externalId: c.auth === 'iam' ? `ext-${c.name}-0123456789` : undefined,
    connectionId: `conn-${c.name}`,
  };
}

describe.each(CASES)('the real template deployed to moto: $name', (c) => {
  let stack: Stack;
  let out: Partial<Record<StackOutputName, string>>;
  let ids: Record<string, string>;
  const subnets = () => (c.multiAz ? vpc.subnets : vpc.subnets.slice(0, 1));
  const db = () => (c.rdsType === 'instance' ? vpc.instance : vpc.cluster);

  beforeAll(async () => {
    stack = await deploy(`smooz-${c.name}`, valuesFor(c));
    out = outputsOf(stack);
    ids = await physicalIds(`smooz-${c.name}`);
  });

  it('reaches CREATE_COMPLETE with a target already registered on the RDS port', async () => {
    expect(stack.StackStatus).toBe('CREATE_COMPLETE');
    const targets = await targetsOf(out.TargetGroupArn ?? '');
    expect(targets).toHaveLength(1);
    expect(targets[0]?.port).toBe(db().port);
    // The emulated VPC resolver answers an address in the database's subnet.
    expect(vpc.subnets.some((s) => inCidr(targets[0]?.id ?? '', s.cidr))).toBe(true);
  });

  it('outputs the endpoint service name and the AZ names and AZ IDs of its subnets', async () => {
    expect(out.EndpointServiceName).toBe(
      `com.amazonaws.vpce.ap-northeast-1.${out.EndpointServiceId}`,
    );
    expect(out.AvailabilityZones).toBe(
      subnets()
        .map((s) => s.zoneName)
        .join(','),
    );
    expect(out.AvailabilityZoneIds).toBe(
      subnets()
        .map((s) => s.zoneId)
        .join(','),
    );
    expect(out.AvailabilityZoneIds).toMatch(/^apne1-az\d/);
    expect(out.UpdaterFunctionName).toBe(`smooz-updater-${c.name}`);
    expect(out.IamRoleArn !== undefined).toBe(c.auth === 'iam');
  });

  it('creates an internal NLB with cross-zone load balancing, a TCP listener and an IP target group', async () => {
    const lb = (
      await elb.send(
        new DescribeLoadBalancersCommand({ LoadBalancerArns: [out.LoadBalancerArn ?? ''] }),
      )
    ).LoadBalancers?.[0];
    expect(lb).toMatchObject({ Type: 'network', Scheme: 'internal' });
    expect(lb?.LoadBalancerArn).toContain(':loadbalancer/net/');
    expect(lb?.AvailabilityZones?.map((z) => z.SubnetId).sort()).toEqual(
      subnets()
        .map((s) => s.id)
        .sort(),
    );
    const lbAttrs = await elb.send(
      new DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: out.LoadBalancerArn }),
    );
    expect(lbAttrs.Attributes).toContainEqual({
      Key: 'load_balancing.cross_zone.enabled',
      Value: 'true',
    });

    const listeners = await elb.send(
      new DescribeListenersCommand({ LoadBalancerArn: out.LoadBalancerArn }),
    );
    expect(listeners.Listeners).toHaveLength(1);
    expect(listeners.Listeners?.[0]).toMatchObject({
      Protocol: 'TCP',
      Port: db().port,
      DefaultActions: [
        expect.objectContaining({ Type: 'forward', TargetGroupArn: out.TargetGroupArn }),
      ],
    });

    const tg = (
      await elb.send(
        new DescribeTargetGroupsCommand({ TargetGroupArns: [out.TargetGroupArn ?? ''] }),
      )
    ).TargetGroups?.[0];
    expect(tg).toMatchObject({
      TargetType: 'ip',
      Protocol: 'TCP',
      Port: db().port,
      HealthCheckProtocol: 'TCP',
      VpcId: vpc.vpcId,
    });
    const tgAttrs = await elb.send(
      new DescribeTargetGroupAttributesCommand({ TargetGroupArn: out.TargetGroupArn }),
    );
    expect(tgAttrs.Attributes).toContainEqual({
      Key: 'deregistration_delay.timeout_seconds',
      Value: '30',
    });
  });

  it("offers the endpoint service with acceptance required, its allowed principal SMOOZ's role ARN (not the account root)", async () => {
    const svc = (
      await ec2.send(
        new DescribeVpcEndpointServiceConfigurationsCommand({
          ServiceIds: [out.EndpointServiceId ?? ''],
        }),
      )
    ).ServiceConfigurations?.[0];
    expect(svc).toMatchObject({
      AcceptanceRequired: true,
      NetworkLoadBalancerArns: [out.LoadBalancerArn],
      ServiceName: out.EndpointServiceName,
    });
    const permissions = await ec2.send(
      new DescribeVpcEndpointServicePermissionsCommand({ ServiceId: out.EndpointServiceId }),
    );
    expect(permissions.AllowedPrincipals?.map((p) => p.Principal)).toEqual([SMOOZ_ROLE]);
  });

  it('configures the updater where the placement says, without reserved concurrency, and the setup helper outside the VPC', async () => {
    const fn = await lambda.send(new GetFunctionCommand({ FunctionName: out.UpdaterFunctionName }));
    expect(fn.Configuration).toMatchObject({
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Timeout: 60,
      Environment: {
        Variables: {
          RDS_ENDPOINT: db().endpoint,
          RDS_PORT: String(db().port),
          TARGET_GROUP_ARN: out.TargetGroupArn,
        },
      },
    });
    if (c.placement === 'insideVpc') {
      expect(fn.Configuration?.VpcConfig?.SubnetIds?.sort()).toEqual(
        subnets()
          .map((s) => s.id)
          .sort(),
      );
      expect(fn.Configuration?.VpcConfig?.SecurityGroupIds).toEqual([vpc.lambdaSecurityGroupId]);
    } else {
      expect(fn.Configuration?.VpcConfig?.SubnetIds ?? []).toEqual([]);
      expect(fn.Configuration?.VpcConfig?.SecurityGroupIds ?? []).toEqual([]);
    }
    const concurrency = await lambda.send(
      new GetFunctionConcurrencyCommand({ FunctionName: out.UpdaterFunctionName }),
    );
    expect(concurrency.ReservedConcurrentExecutions).toBeUndefined();

    const setup = await lambda.send(
      new GetFunctionCommand({ FunctionName: `${out.UpdaterFunctionName}-setup` }),
    );
    expect(setup.Configuration?.Runtime).toBe('nodejs24.x');
    expect(setup.Configuration?.VpcConfig?.SubnetIds ?? []).toEqual([]);
  });

  it('limits the updater role to this target group for register/deregister', async () => {
    const fn = await lambda.send(new GetFunctionCommand({ FunctionName: out.UpdaterFunctionName }));
    const { statements } = await inlinePolicy(fn.Configuration?.Role ?? '');
    const register = statements.filter((s) =>
      actions(s).includes('elasticloadbalancing:RegisterTargets'),
    );
    expect(register).toHaveLength(1);
    expect(register[0]?.Resource).toBe(out.TargetGroupArn);
    expect(actions(register[0] ?? { Action: [] })).toContain(
      'elasticloadbalancing:DeregisterTargets',
    );
    // Network-interface rights only for an updater that Lambda puts into the VPC.
    const eni = statements.filter((s) => actions(s).includes('ec2:CreateNetworkInterface'));
    expect(eni).toHaveLength(c.placement === 'insideVpc' ? 1 : 0);
  });

  it('triggers the updater from RDS events for this database and from a 1-minute schedule', async () => {
    const updaterArn = (
      await lambda.send(new GetFunctionCommand({ FunctionName: out.UpdaterFunctionName }))
    ).Configuration?.FunctionArn;
    const rdsRule = await events.send(new DescribeRuleCommand({ Name: ids.RdsEventRule }));
    expect(JSON.parse(rdsRule.EventPattern ?? '{}')).toEqual({
      source: ['aws.rds'],
      'detail-type': [c.rdsType === 'cluster' ? RDS_CLUSTER_EVENT : RDS_INSTANCE_EVENT],
      resources: [rdsEventArn(c.rdsType, db().endpoint, { region: REGION, account: ACCOUNT })],
      detail: {
        EventCategories: [
          ...(c.rdsType === 'cluster'
            ? CLUSTER_ADDRESS_EVENT_CATEGORIES
            : INSTANCE_ADDRESS_EVENT_CATEGORIES),
        ],
      },
    });
    const schedule = await events.send(new DescribeRuleCommand({ Name: ids.ScheduleRule }));
    expect(schedule.ScheduleExpression).toBe('rate(1 minute)');
    const rules = [ids.RdsEventRule, ids.ScheduleRule];
    if (followsMembers(c)) rules.push(ids.RdsMemberInstanceEventRule);
    else expect(ids.RdsMemberInstanceEventRule).toBeUndefined();
    for (const rule of rules) {
      expect(rule).toBeDefined();
      const targets = await events.send(new ListTargetsByRuleCommand({ Rule: rule }));
      expect(targets.Targets?.map((t) => t.Arn)).toEqual([updaterArn]);
    }
  });

  it("matches every address-changing event of this database, and not other databases' or other kinds", async () => {
    const patterns = [ids.RdsEventRule, ids.RdsMemberInstanceEventRule]
      .filter((name): name is string => name !== undefined)
      .map(async (name) => {
        const rule = await events.send(new DescribeRuleCommand({ Name: name }));
        return rule.EventPattern ?? '';
      });
    const deployed = await Promise.all(patterns);
    const matches = async (event: object) => {
      const results = await Promise.all(
        deployed.map(async (EventPattern) => {
          const out = await events.send(
            new TestEventPatternCommand({ EventPattern, Event: JSON.stringify(event) }),
          );
          return out.Result === true;
        }),
      );
      return results.some(Boolean);
    };
    const identifier = rdsSourceIdentifier(db().endpoint);
    for (const identifierForm of IDENTIFIER_FORMS) {
      for (const sample of MOVING_EVENTS[c.rdsType]) {
        const label = `${sample.category} (${identifierForm})`;
        expect(await matches(rdsEvent({ ...sample, identifier, identifierForm })), label).toBe(
          true,
        );
        const other = rdsEvent({ ...sample, identifier: 'another-db', identifierForm });
        expect(await matches(other), label).toBe(false);
      }
      for (const sample of STILL_EVENTS) {
        expect(await matches(rdsEvent({ ...sample, identifier, identifierForm }))).toBe(false);
      }
      // An event of the other source type with the same name (an instance named like the
      // cluster) is not this database's.
      const otherKind = c.rdsType === 'cluster' ? 'instance' : 'cluster';
      const sameName = MOVING_EVENTS[otherKind].find((e) => e.category === 'failover');
      if (!sameName) throw new Error('no failover sample');
      const twin = rdsEvent({ ...sameName, identifier, identifierForm });
      expect(await matches(twin)).toBe(false);
      // A cluster's writer is an instance named apart from the cluster: a known member's restart
      // counts too; an unrelated instance's never does (the schedule covers unknown members).
      const restart = MOVING_EVENTS.instance.find((e) => e.category === 'availability');
      if (!restart) throw new Error('no restart sample');
      const member = rdsEvent({ ...restart, identifier: MEMBER, identifierForm });
      expect(await matches(member)).toBe(followsMembers(c));
      const stranger = rdsEvent({ ...restart, identifier: 'unrelated-instance', identifierForm });
      expect(await matches(stranger)).toBe(false);
    }
  });

  if (c.auth === 'iam') {
    it('creates a role SMOOZ assumes with the external id, allowing rds-db:connect for the DB user only', async () => {
      const { trust, statements } = await inlinePolicy(out.IamRoleArn ?? '');
      expect(trust).toMatchObject({
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: SMOOZ_ROLE },
            Action: 'sts:AssumeRole',
            Condition: { StringEquals: { 'sts:ExternalId': `ext-${c.name}-0123456789` } },
          },
        ],
      });
      expect(statements).toEqual([
        {
          Effect: 'Allow',
          Action: 'rds-db:connect',
          Resource: `arn:aws:rds-db:ap-northeast-1:123456789012:dbuser:${db().resourceId}/smooz_app`,
        },
      ]);
    });
  } else {
    it('creates no database role for password authentication', () => {
      expect(ids.SmoozDbConnectRole).toBeUndefined();
      expect(out.IamRoleArn).toBeUndefined();
      expect(Object.keys(ids)).toContain('UpdaterRole');
    });
  }
});

describe('the deployed updater function against moto’s target group', () => {
  let out: Partial<Record<StackOutputName, string>>;
  const invoke = async () => {
    const res = await lambda.send(
      new InvokeCommand({
        FunctionName: out.UpdaterFunctionName,
        Payload: JSON.stringify({ source: 'aws.events', 'detail-type': 'Scheduled Event' }),
      }),
    );
    expect(res.FunctionError).toBeUndefined();
    return JSON.parse(Buffer.from(res.Payload ?? []).toString()) as { status: string };
  };

  beforeAll(async () => {
    out = outputsOf(await waitForStack('smooz-instance-password'));
  });

  it('moves the target to the new address after a failover and drops the old one', async () => {
    const [before] = await targetsOf(out.TargetGroupArn ?? '');
    await setVpcDns(endpoint, vpc.instance.endpoint, ['10.61.2.77']);
    try {
      expect(await invoke()).toMatchObject({ status: 'updated' });
      expect(await targetsOf(out.TargetGroupArn ?? '')).toEqual([
        { id: '10.61.2.77', port: vpc.instance.port },
      ]);
      expect(before?.id).not.toBe('10.61.2.77');
      expect(await invoke()).toMatchObject({ status: 'unchanged' });
    } finally {
      await setVpcDns(endpoint, vpc.instance.endpoint, null);
    }
  });

  it('keeps the registered target when the endpoint does not resolve', async () => {
    const before = await targetsOf(out.TargetGroupArn ?? '');
    await setVpcDns(endpoint, vpc.instance.endpoint, []);
    try {
      expect(await invoke()).toMatchObject({ status: 'unresolved' });
      expect(await targetsOf(out.TargetGroupArn ?? '')).toEqual(before);
    } finally {
      await setVpcDns(endpoint, vpc.instance.endpoint, null);
    }
  });
});

interface EventDelivery {
  rule: string;
  target: string;
  eventId: string;
  status: 'pending' | 'invoked' | 'denied' | 'error';
  result?: { status: string };
}

/** What moto's EventBridge delivered to Lambda targets (plug-in smooz_events_lambda_targets.py). */
async function deliveriesOf(eventId: string): Promise<EventDelivery[]> {
  const res = await fetch(`${endpoint}/moto-api/smooz/event-deliveries`);
  return ((await res.json()) as EventDelivery[]).filter((d) => d.eventId === eventId);
}

async function settledDeliveries(eventId: string): Promise<EventDelivery[]> {
  for (let i = 0; i < 120; i++) {
    const found = await deliveriesOf(eventId);
    if (found.length > 0 && found.every((d) => d.status !== 'pending')) return found;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`event ${eventId} was not delivered within 30 s`);
}

describe('an RDS event delivered by EventBridge to the deployed updater', () => {
  let out: Partial<Record<StackOutputName, string>>;
  let ids: Record<string, string>;
  let updaterArn: string;

  beforeAll(async () => {
    out = outputsOf(await waitForStack('smooz-instance-password'));
    ids = await physicalIds('smooz-instance-password');
    const fn = await lambda.send(new GetFunctionCommand({ FunctionName: out.UpdaterFunctionName }));
    updaterArn = fn.Configuration?.FunctionArn ?? '';
  });

  it('moves the target at once after a Multi-AZ failover of this database', async () => {
    const failover = MOVING_EVENTS.instance.find((e) => e.category === 'failover');
    if (!failover) throw new Error('no failover sample');
    await setVpcDns(endpoint, vpc.instance.endpoint, ['10.61.2.88']);
    try {
      const eventId = await putRdsEvent(
        events,
        rdsEvent({ ...failover, identifier: rdsSourceIdentifier(vpc.instance.endpoint) }),
      );
      // Other stacks on the same database (or clusters' member-instance rules) get it too.
      const delivered = (await settledDeliveries(eventId)).filter((d) => d.target === updaterArn);
      const ruleArn = (await events.send(new DescribeRuleCommand({ Name: ids.RdsEventRule }))).Arn;
      expect(delivered).toEqual([
        expect.objectContaining({
          rule: ruleArn,
          status: 'invoked',
          result: expect.objectContaining({ status: 'updated' }),
        }),
      ]);
      expect(await targetsOf(out.TargetGroupArn ?? '')).toEqual([
        { id: '10.61.2.88', port: vpc.instance.port },
      ]);
    } finally {
      await setVpcDns(endpoint, vpc.instance.endpoint, null);
    }
  });

  it("ignores another database's failover", async () => {
    const failover = MOVING_EVENTS.instance.find((e) => e.category === 'failover');
    if (!failover) throw new Error('no failover sample');
    const eventId = await putRdsEvent(events, rdsEvent({ ...failover, identifier: 'another-db' }));
    // No rule of any stack takes another database's event: after the time a matching delivery
    // takes (well under a second here), none was made.
    await new Promise((r) => setTimeout(r, 1500));
    const delivered = await deliveriesOf(eventId);
    expect(delivered.filter((d) => d.target === updaterArn)).toEqual([]);
  });
});

const registrationStatuses = (list: StackEvent[]) =>
  list.filter((e) => e.LogicalResourceId === 'TargetRegistration').map((e) => e.ResourceStatus);

describe('a stack whose first registration fails', () => {
  it('rolls back with the custom resource reason instead of hanging', async () => {
    const host = 'gone.c1a2b3c4d5e6.ap-northeast-1.rds.amazonaws.com';
    await setVpcDns(endpoint, host, []);
    try {
      const stack = await deploy('smooz-unresolvable', {
        ...valuesFor(CASES[0] as Case),
        lambdaFunctionName: 'smooz-updater-unresolvable',
        rdsEndpoint: host,
      });
      expect(stack.StackStatus).toBe('ROLLBACK_COMPLETE');
      const stackEvents = await cfn.send(
        new DescribeStackEventsCommand({ StackName: 'smooz-unresolvable' }),
      );
      const failed = stackEvents.StackEvents?.find((e) => e.ResourceStatus === 'CREATE_FAILED');
      expect(failed?.LogicalResourceId).toBe('TargetRegistration');
      expect(failed?.ResourceStatusReason).toContain(`DNS lookup of ${host} failed`);
      // The rollback sends Delete for the resource that failed; it is answered SUCCESS.
      expect(registrationStatuses(stackEvents.StackEvents ?? [])).toContain('DELETE_COMPLETE');
      expect(registrationStatuses(stackEvents.StackEvents ?? [])).not.toContain('DELETE_FAILED');
    } finally {
      await setVpcDns(endpoint, host, null);
    }
  });
});

describe('a stack whose updater subnet has no way out to the AWS APIs', () => {
  const valuesIn = (
    isolated: Awaited<ReturnType<typeof seedIsolatedVpc>>,
    name: string,
    updaterPlacement: UpdaterPlacement = 'insideVpc',
  ) => ({
    ...valuesFor(CASES[0] as Case),
    updaterPlacement,
    lambdaFunctionName: `smooz-updater-${name}`,
    vpcId: isolated.vpcId,
    subnetId: isolated.subnetId,
    additionalSubnetIds: [],
    lambdaSecurityGroupIds: [isolated.lambdaSecurityGroupId],
  });

  it('fails the registration with the egress hint and rolls back instead of hanging', async () => {
    const isolated = await seedIsolatedVpc(endpoint, 'no-egress', 62);
    const stack = await deploy('smooz-no-egress', valuesIn(isolated, 'no-egress'));
    expect(stack.StackStatus).toBe('ROLLBACK_COMPLETE');
    const stackEvents =
      (await cfn.send(new DescribeStackEventsCommand({ StackName: stack.StackId }))).StackEvents ??
      [];
    const failed = stackEvents.find((e) => e.ResourceStatus === 'CREATE_FAILED');
    expect(failed?.LogicalResourceId).toBe('TargetRegistration');
    expect(failed?.ResourceStatusReason).toContain('The updater failed');
    expect(failed?.ResourceStatusReason).toContain('Elastic Load Balancing API');
    expect(registrationStatuses(stackEvents)).toContain('DELETE_COMPLETE');
  });

  it('completes there with the updater outside the VPC, which needs no way out of the subnet', async () => {
    const isolated = await seedIsolatedVpc(endpoint, 'outside-vpc', 64);
    const stack = await deploy(
      'smooz-outside-vpc',
      valuesIn(isolated, 'outside-vpc', 'outsideVpc'),
    );
    expect(stack.StackStatus).toBe('CREATE_COMPLETE');
    expect(await targetsOf(outputsOf(stack).TargetGroupArn ?? '')).toHaveLength(1);
  });

  it('completes with only an elasticloadbalancing interface endpoint, the one API it calls', async () => {
    const isolated = await seedIsolatedVpc(endpoint, 'elb-endpoint', 63);
    await addInterfaceEndpoint(endpoint, isolated, 'elasticloadbalancing');
    const stack = await deploy('smooz-elb-endpoint', valuesIn(isolated, 'elb-endpoint'));
    expect(stack.StackStatus).toBe('CREATE_COMPLETE');
    const targets = await targetsOf(outputsOf(stack).TargetGroupArn ?? '');
    expect(targets).toEqual([{ id: expect.any(String), port: vpc.instance.port }]);
  });
});

describe('deleting a stack', () => {
  it('answers the registration Delete at once and removes the load balancer and the functions', async () => {
    const stack = await waitForStack('smooz-cluster-password');
    const out = outputsOf(stack);
    await cfn.send(new DeleteStackCommand({ StackName: 'smooz-cluster-password' }));
    const deleted = await waitForStack(stack.StackId ?? '');
    expect(deleted.StackStatus).toBe('DELETE_COMPLETE');
    const stackEvents = await cfn.send(
      new DescribeStackEventsCommand({ StackName: stack.StackId }),
    );
    expect(registrationStatuses(stackEvents.StackEvents ?? [])).toContain('DELETE_COMPLETE');
    expect(registrationStatuses(stackEvents.StackEvents ?? [])).not.toContain('DELETE_FAILED');
    await expect(
      elb.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: [out.LoadBalancerArn ?? ''] })),
    ).rejects.toThrow();
    await expect(
      lambda.send(new GetFunctionCommand({ FunctionName: out.UpdaterFunctionName })),
    ).rejects.toThrow();
  });
});
