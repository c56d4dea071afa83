import { DescribeStacksCommand, CloudFormationClient } from '@aws-sdk/client-cloudformation';
import {
  AuthorizeSecurityGroupIngressCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  EC2Client,
  RevokeSecurityGroupIngressCommand,
} from '@aws-sdk/client-ec2';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { GetFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { createAwsClient } from '../../../main/aws/clientFactory';
import type { EngineEvent } from '../../../main/engine/setupEngine';
import type { SetupState } from '../../../shared/flow/state';
import { accountSnapshot, type AccountSnapshot } from '../../support/accountSnapshot';
import { loadBalancerInterfaces } from '../../support/loadBalancerInterfaces';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';
import { createEngineHarness } from '../../support/engineHarness';
import {
  auroraIamRequest,
  driveToEnd,
  postgresRequest,
  tearDownFully,
} from '../../support/engineFlows';
import { resetMoto } from '../../support/motoServer';
import { readTestWorld } from '../../support/realDatabases/world';
import { seedCustomerAccount, type SeededAccount } from '../../support/seedAccount';

describe('setup engine against moto: from the profile to the stack outputs', () => {
  const endpoint = inject('motoEndpoint');
  const ec2 = createAwsClient(EC2Client, motoAppConfig(endpoint), motoContext);
  const cfn = createAwsClient(CloudFormationClient, motoAppConfig(endpoint), motoContext);
  const lambda = createAwsClient(LambdaClient, motoAppConfig(endpoint), motoContext);
  const elb = createAwsClient(ElasticLoadBalancingV2Client, motoAppConfig(endpoint), motoContext);
  let seeded: SeededAccount;

  beforeAll(async () => {
    await resetMoto(endpoint);
    seeded = await seedCustomerAccount(endpoint);
  });

  const worldAddress = (server: 'postgres' | 'mariadb') =>
    readTestWorld(inject('testWorldFile')).databases[server].address;
  const group = async (id: string) =>
    (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [id] }))).SecurityGroups?.[0];
  const inbound = async (id: string) =>
    ((await group(id))?.IpPermissions ?? [])
      .flatMap((p) => [
        ...(p.IpRanges ?? []).map((r) => `${p.FromPort}-${p.ToPort} ${r.CidrIp}`),
        ...(p.UserIdGroupPairs ?? []).map((g) => `${p.FromPort}-${p.ToPort} ${g.GroupId}`),
      ])
      .sort();

  /** The flow announced exactly these steps; its teardown removed these kinds and gave the account back. */
  async function expectStepsThenTeardown(
    engine: ReturnType<typeof createEngineHarness>['engine'],
    events: readonly EngineEvent[],
    id: string,
    expected: { steps: string[]; removed: string[]; before: AccountSnapshot },
  ) {
    const steps = events
      .filter((e): e is Extract<EngineEvent, { type: 'stateChanged' }> => e.type === 'stateChanged')
      .map((e) => e.state.step);
    expect([...new Set(steps)]).toEqual(expected.steps);
    const torn = await tearDownFully(engine, id);
    expect(torn.step).toBe('tornDown');
    if (torn.step === 'tornDown') {
      expect(torn.teardown.removed.map((r) => r.kind)).toEqual(expected.removed);
    }
    expect(await accountSnapshot(endpoint)).toEqual(expected.before);
  }

  it('lists the Multi-AZ instance and the Aurora cluster with what the stack needs', async () => {
    const { engine } = createEngineHarness(endpoint);
    const dbs = await engine.listDatabases('moto', seeded.region);
    expect(dbs).toEqual([
      expect.objectContaining({
        kind: 'cluster',
        identifier: 'customer-aurora',
        engine: 'aurora-mysql',
        port: 3306,
        vpcId: seeded.vpcId,
        availabilityZone: seeded.azs[1],
        availabilityZones: [seeded.azs[0], seeded.azs[1]],
        multiAz: true,
        securityGroupIds: [seeded.aurora.securityGroupId],
        publiclyAccessible: false,
      }),
      expect.objectContaining({
        kind: 'instance',
        identifier: 'customer-postgres',
        engine: 'postgres',
        port: 5432,
        vpcId: seeded.vpcId,
        availabilityZone: seeded.azs[0],
        availabilityZones: [...seeded.azs],
        multiAz: true,
        securityGroupIds: [seeded.postgres.securityGroupId],
      }),
    ]);
    expect(dbs.every((db) => db.resourceId.length > 0)).toBe(true);
  });

  it('resolves a typed endpoint (any case, with a port, or a reader endpoint) to the listed record', async () => {
    const { engine } = createEngineHarness(endpoint);
    const [cluster, instance] = await engine.listDatabases('moto', seeded.region);
    const typed = `${instance?.endpoint.toUpperCase()}:5432`;
    expect(await engine.resolveEndpoint('moto', seeded.region, typed)).toEqual(instance);
    const reader = cluster?.endpoint.replace('.cluster-', '.cluster-ro-') ?? '';
    expect(await engine.resolveEndpoint('moto', seeded.region, reader)).toEqual(cluster);
    await expect(
      engine.resolveEndpoint('moto', seeded.region, 'nope.example.com'),
    ).rejects.toMatchObject({ code: 'setup.endpointNotFound' });
  });

  it('outside the VPC (recommended for a private database): no Lambda SG, no VPC config, the load balancer’s own addresses admitted (/32 each), the private address registered; teardown restores the account', async () => {
    const before = await accountSnapshot(endpoint);
    const { engine } = createEngineHarness(endpoint);
    const events: EngineEvent[] = [];
    engine.subscribe((e) => events.push(e));
    const created = await engine.create(postgresRequest(seeded));
    const id = created.plan.connectionId;
    expect(created.plan.updaterPlacement).toBe('outsideVpc');
    expect(created.plan.subnetIds).toEqual([...seeded.subnets.private]);

    const end = await driveToEnd(engine, id);
    expect(end.step).toBe('complete');
    if (end.step !== 'complete') return;
    expect(end.outputs.availabilityZones).toEqual([...seeded.azs]);
    const checks = (end.step === 'complete' ? events : [])
      .flatMap((e) => (e.type === 'stateChanged' && e.state.step === 'ready' ? [e.state] : []))
      .at(-1)?.preflight.checks;
    expect(checks?.find((c) => c.id === 'lambdaEgress')?.explanation).toBe(
      'lambdaEgress.outsideVpc',
    );
    expect(checks?.find((c) => c.id === 'publicDatabase')).toMatchObject({
      status: 'pass',
      explanation: 'publicDatabase.private',
    });

    // No security group of this connection anywhere; the database's SG admits the NLB's own
    // address in each of its three subnets, /32 each, nothing wider.
    expect(end.created.filter((r) => r.kind === 'securityGroup')).toEqual([]);
    const tagged = await ec2.send(
      new DescribeSecurityGroupsCommand({
        Filters: [{ Name: 'tag:smooz:connection-id', Values: [id] }],
      }),
    );
    expect(tagged.SecurityGroups ?? []).toEqual([]);
    const nlb = await loadBalancerInterfaces(endpoint, end.outputs.loadBalancerArn);
    expect(nlb.map((eni) => eni.subnetId).sort()).toEqual([...seeded.subnets.private].sort());
    expect(await inbound(seeded.postgres.securityGroupId)).toEqual(
      ['5432-5432 10.20.50.0/24', ...nlb.map((eni) => `5432-5432 ${eni.address}/32`)].sort(),
    );

    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: end.plan.stackName })))
      .Stacks?.[0];
    const param = (key: string) =>
      stack?.Parameters?.find((p) => p.ParameterKey === key)?.ParameterValue;
    expect(param('UpdaterPlacement')).toBe('outsideVpc');
    expect(param('LambdaSecurityGroupIds') ?? '').toBe('');
    const fn = await lambda.send(
      new GetFunctionCommand({ FunctionName: end.plan.lambdaFunctionName }),
    );
    expect(fn.Configuration?.VpcConfig?.SubnetIds ?? []).toEqual([]);
    expect(fn.Configuration?.VpcConfig?.SecurityGroupIds ?? []).toEqual([]);

    // Outside the VPC the private database's name still resolves to its private address: the
    // target is the test world's PostgreSQL, as from inside.
    const targets = await elb.send(
      new DescribeTargetHealthCommand({ TargetGroupArn: end.outputs.targetGroupArn }),
    );
    expect(targets.TargetHealthDescriptions?.map((d) => d.Target?.Id)).toEqual([
      worldAddress('postgres'),
    ]);

    await expectStepsThenTeardown(engine, events, id, {
      steps: [
        'preflight',
        'ready',
        'authorizingRules',
        'creatingStack',
        'authorizingLoadBalancer',
        'complete',
      ],
      removed: ['stack', 'ingressRule', 'ingressRule', 'ingressRule'],
      before,
    });
  });

  it('inside the VPC (switched before confirming): creates the Lambda SG, least-privilege RDS rules and the stack with the updater in the VPC; teardown restores the account', async () => {
    const before = await accountSnapshot(endpoint);
    const { engine } = createEngineHarness(endpoint);
    const events: EngineEvent[] = [];
    engine.subscribe((e) => events.push(e));
    const created = await engine.create(postgresRequest(seeded, 'inside-vpc'));
    const id = created.plan.connectionId;
    expect(created.plan.subnetIds).toEqual([...seeded.subnets.private]);
    await engine.updatePlan(id, { updaterPlacement: 'insideVpc' });

    const end = await driveToEnd(engine, id);
    expect(end.step).toBe('complete');
    if (end.step !== 'complete') return;

    const subnets = await ec2.send(
      new DescribeSubnetsCommand({ SubnetIds: [...seeded.subnets.private] }),
    );
    const zoneIds = seeded.subnets.private.map(
      (sid) => subnets.Subnets?.find((s) => s.SubnetId === sid)?.AvailabilityZoneId,
    );
    expect(end.outputs).toMatchObject({
      endpointServiceName: expect.stringMatching(
        /^com\.amazonaws\.vpce\.ap-northeast-1\.vpce-svc-/,
      ),
      availabilityZones: [...seeded.azs],
      availabilityZoneIds: zoneIds,
    });

    // The Lambda SG: tagged with the connection, no inbound rules.
    const lambdaSg = end.created.find((r) => r.kind === 'securityGroup');
    const lambdaGroupId = lambdaSg?.kind === 'securityGroup' ? lambdaSg.groupId : '';
    const lambdaGroup = await group(lambdaGroupId);
    expect(lambdaGroup?.IpPermissions ?? []).toEqual([]);
    expect(lambdaGroup?.Tags).toContainEqual({ Key: 'smooz:connection-id', Value: id });

    // The database's SG: its own rule untouched, plus the RDS port from the Lambda SG and the
    // NLB's own address in each of its three subnets, /32 each, nothing wider.
    const nlb = await loadBalancerInterfaces(endpoint, end.outputs.loadBalancerArn);
    expect(nlb.map((eni) => eni.subnetId).sort()).toEqual([...seeded.subnets.private].sort());
    expect(await inbound(seeded.postgres.securityGroupId)).toEqual(
      [
        '5432-5432 10.20.50.0/24',
        `5432-5432 ${lambdaGroupId}`,
        ...nlb.map((eni) => `5432-5432 ${eni.address}/32`),
      ].sort(),
    );

    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: end.plan.stackName })))
      .Stacks?.[0];
    expect(stack?.StackStatus).toBe('CREATE_COMPLETE');
    const param = (key: string) =>
      stack?.Parameters?.find((p) => p.ParameterKey === key)?.ParameterValue;
    expect(param('SubnetId')).toBe(seeded.subnets.private[0]);
    expect(param('AdditionalSubnetIds')).toBe(seeded.subnets.private.slice(1).join(','));
    // moto echoes a List<> parameter in its own notation; AWS gives the comma-separated ids.
    expect(param('LambdaSecurityGroupIds')).toContain(lambdaGroupId);
    expect(param('UpdaterPlacement')).toBe('insideVpc');
    const fn = await lambda.send(
      new GetFunctionCommand({ FunctionName: end.plan.lambdaFunctionName }),
    );
    expect(fn.Configuration?.VpcConfig?.SecurityGroupIds).toEqual([lambdaGroupId]);
    expect(fn.Configuration?.VpcConfig?.SubnetIds?.sort()).toEqual(
      [...seeded.subnets.private].sort(),
    );
    expect(param('RDSEndpoint')).toBe(end.plan.database.endpoint);
    expect(param('ConnectionId')).toBe(id);

    // Progress reached every resource of the template, and each transition was announced.
    const progress = events.filter((e) => e.type === 'stackEvents');
    const last = progress.at(-1);
    expect(last?.type === 'stackEvents' && last.done).toBe(
      last?.type === 'stackEvents' && last.total,
    );
    expect(last?.type === 'stackEvents' && last.total).toBeGreaterThan(10);
    await expectStepsThenTeardown(engine, events, id, {
      steps: [
        'preflight',
        'ready',
        'creatingSecurityGroup',
        'authorizingRules',
        'creatingStack',
        'authorizingLoadBalancer',
        'complete',
      ],
      removed: [
        'stack',
        'ingressRule',
        'ingressRule',
        'ingressRule',
        'ingressRule',
        'securityGroup',
      ],
      before,
    });
  });

  it('deploys an Aurora cluster with IAM authentication and hands over the role SMOOZ assumes', async () => {
    const before = await accountSnapshot(endpoint);
    const { engine } = createEngineHarness(endpoint);
    const created = await engine.create(auroraIamRequest(seeded));
    expect(created.plan.subnetIds).toEqual([seeded.subnets.private[1], seeded.subnets.private[0]]);
    const end = await driveToEnd(engine, created.plan.connectionId);
    expect(end.step).toBe('complete');
    expect(end.step === 'complete' && end.outputs.iamRoleArn).toMatch(
      /^arn:aws:iam::123456789012:role\//,
    );
    // Its own rule and the two NLB subnets; no updater group (outside the VPC by default).
    expect(await inbound(seeded.aurora.securityGroupId)).toHaveLength(3);
    expect((await tearDownFully(engine, created.plan.connectionId)).step).toBe('tornDown');
    expect(await accountSnapshot(endpoint)).toEqual(before);
  });

  it('running the whole flow a second time for the same connection creates nothing twice', async () => {
    const { engine } = createEngineHarness(endpoint);
    let ready: SetupState | undefined;
    engine.subscribe((e) => {
      if (e.type === 'stateChanged' && e.state.step === 'ready') ready = e.state;
    });
    const created = await engine.create(postgresRequest(seeded, 'twice'));
    const first = await driveToEnd(engine, created.plan.connectionId);
    const afterFirst = await accountSnapshot(endpoint);

    // The same connection, confirmed again from its pre-creation state in a fresh app store.
    const again = createEngineHarness(endpoint);
    again.repository.save(ready as SetupState);
    const second = await driveToEnd(again.engine, created.plan.connectionId);
    expect(second.step).toBe('complete');
    expect(second.step === 'complete' && second.outputs).toEqual(
      first.step === 'complete' && first.outputs,
    );
    expect(second.created).toEqual(first.created);
    expect(await accountSnapshot(endpoint)).toEqual(afterFirst);
    await tearDownFully(again.engine, created.plan.connectionId);
  });
  it("leaves alone the customer's own wider rule for an NLB subnet, adds only its /32s, and teardown keeps the customer's rule", async () => {
    const theirs = {
      IpProtocol: 'tcp',
      FromPort: 5432,
      ToPort: 5432,
      IpRanges: [{ CidrIp: '10.20.2.0/24', Description: 'customer: private-c' }],
    };
    const groupId = seeded.postgres.securityGroupId;
    await ec2.send(
      new AuthorizeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: [theirs] }),
    );
    try {
      const before = await accountSnapshot(endpoint);
      const { engine } = createEngineHarness(endpoint);
      const created = await engine.create(postgresRequest(seeded, 'shared-rule'));
      const end = await driveToEnd(engine, created.plan.connectionId);
      expect(end.step).toBe('complete');
      // The connection's own rules are the NLB's /32s; the customer's subnet rule is not its own.
      const cidrs = end.created.flatMap((r) =>
        r.kind === 'ingressRule' && r.source.type === 'cidr' ? [r.source.cidr] : [],
      );
      const nlb =
        end.step === 'complete'
          ? await loadBalancerInterfaces(endpoint, end.outputs.loadBalancerArn)
          : [];
      expect(cidrs.sort()).toEqual(nlb.map((eni) => `${eni.address}/32`).sort());

      const torn = await tearDownFully(engine, created.plan.connectionId);
      expect(torn.step).toBe('tornDown');
      expect(await accountSnapshot(endpoint)).toEqual(before);
      const kept = (await group(groupId))?.IpPermissions?.flatMap((p) => p.IpRanges ?? []);
      expect(kept).toContainEqual({ CidrIp: '10.20.2.0/24', Description: 'customer: private-c' });
    } finally {
      await ec2.send(
        new RevokeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: [theirs] }),
      );
    }
  });
});
