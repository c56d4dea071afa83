import {
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import {
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createAwsClient } from '../../../main/aws/clientFactory';
import type { StateAt } from '../../../shared/flow/state';
import type { CreateSetupRequest } from '../../../shared/ipc/channels/setup';
import { planNames } from '../../../shared/naming/planNames';
import { rdsSourceIdentifier } from '../../../shared/stack/rdsEvents';
import {
  accountSnapshot,
  snapshotDelta,
  type AccountSnapshot,
} from '../../support/accountSnapshot';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';
import { createEngineHarness, type EngineHarness } from '../../support/engineHarness';
import {
  driveToEnd,
  insideVpc,
  SMOOZ_ACCOUNT_ID,
  SMOOZ_ROLE_ARN,
  tearDownFully,
} from '../../support/engineFlows';
import { loadBalancerInterfaces } from '../../support/loadBalancerInterfaces';
import { resetMoto } from '../../support/motoServer';
import { seedCustomerAccount, type SeededAccount } from '../../support/seedAccount';
import { setVpcDns } from '../template/customerVpc';
import { MOVING_EVENTS, putRdsEvent, rdsEvent } from '../template/rdsEventSamples';
import { seedMoreDatabases, type MoreDatabases } from './moreDatabases';

type Complete = StateAt<'complete'>;

/**
 * Five connections in one account and region, as a customer with several databases makes them
 * over months: each must get its own names, rules and stack, and stay out of the others' way.
 */
describe('many connections in one account', () => {
  const endpoint = inject('motoEndpoint');
  const config = motoAppConfig(endpoint);
  const ec2 = createAwsClient(EC2Client, config, motoContext);
  const elb = createAwsClient(ElasticLoadBalancingV2Client, config, motoContext);
  const events = createAwsClient(EventBridgeClient, config, motoContext);
  let seeded: SeededAccount;
  let more: MoreDatabases;
  let app: EngineHarness;
  let before: AccountSnapshot;
  const done = new Map<string, Complete>();

  // The names differ only in Japanese text, case or punctuation: their ASCII parts collide.
  const request = (
    connectionName: string,
    kind: 'instance' | 'cluster',
    identifier: string,
  ): CreateSetupRequest => ({
    profile: 'moto',
    region: seeded.region,
    connectionName,
    database: { kind, identifier },
    authMethod: 'password',
    smoozAccountId: SMOOZ_ACCOUNT_ID,
    smoozRoleArn: SMOOZ_ROLE_ARN,
    // What every connection gets from SMOOZ's settings: the same prefix.
    resourceNamePrefix: 'smooz-privatelink',
  });

  const complete = async (req: CreateSetupRequest): Promise<Complete> => {
    const created = await insideVpc(app.engine, await app.engine.create(req));
    const end = await driveToEnd(app.engine, created.plan.connectionId);
    const failed =
      end.step === 'preflight'
        ? end.preflight?.checks.filter((c) => c.status === 'fail').map((c) => c.explanation)
        : end.step;
    expect(end.step, `${req.connectionName}: ${JSON.stringify(failed)}`).toBe('complete');
    return end as Complete;
  };

  const cidrsOf = async (subnetIds: readonly string[]) =>
    (await ec2.send(new DescribeSubnetsCommand({ SubnetIds: [...subnetIds] }))).Subnets?.map(
      (s) => s.CidrBlock ?? '',
    ) ?? [];

  /** The part of the account that belongs to one connection, read from a snapshot. */
  async function partOf(snapshot: AccountSnapshot, state: Complete) {
    const names = planNames(state.plan);
    const lambdaGroup = snapshot.securityGroups.find(
      (g) => g.name === names.lambdaSecurityGroupName,
    );
    const sources = [lambdaGroup?.id ?? '-', ...(await cidrsOf(state.plan.subnetIds))];
    const port = state.plan.database.port;
    return {
      stacks: snapshot.stacks.filter((s) => s === names.stackName),
      functions: snapshot.functions.filter(
        (f) => f === names.lambdaFunctionName || f === names.setupFunctionName,
      ),
      lambdaGroup,
      databaseRules: snapshot.securityGroups
        .filter((g) => state.plan.database.securityGroupIds.includes(g.id ?? ''))
        .flatMap((g) =>
          g.inbound
            .filter((r) => sources.some((s) => r === `tcp:${port}:${s}`))
            .map((r) => `${g.name} ${r}`),
        ),
      loadBalancers: snapshot.loadBalancers.filter((a) => a === state.outputs.loadBalancerArn),
      targetGroups: snapshot.targetGroups.filter((a) => a === state.outputs.targetGroupArn),
      endpointServices: snapshot.endpointServices.filter(
        (s) => s === state.outputs.endpointServiceId,
      ),
      roles: snapshot.roles.filter((r) => r?.startsWith(`${names.stackName}-`)),
    };
  }

  const targetsOf = async (state: Complete) =>
    (
      (
        await elb.send(
          new DescribeTargetHealthCommand({ TargetGroupArn: state.outputs.targetGroupArn }),
        )
      ).TargetHealthDescriptions ?? []
    )
      .map((d) => `${d.Target?.Id}:${d.Target?.Port}`)
      .sort();

  beforeAll(async () => {
    await resetMoto(endpoint);
    seeded = await seedCustomerAccount(endpoint);
    more = await seedMoreDatabases(endpoint, seeded);
    before = await accountSnapshot(endpoint);
    app = createEngineHarness(endpoint);
  });

  it('counts every security group in the region against the per-region quota, not only the VPC’s', async () => {
    const inRegion =
      (await ec2.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups?.length ?? 0;
    const created = await insideVpc(
      app.engine,
      await app.engine.create(request('count', 'instance', more.vpc2Orders)),
    );
    const checked = await app.engine.runPreflight(created.plan.connectionId);
    const limits =
      checked.step === 'ready' || checked.step === 'preflight'
        ? checked.preflight?.checks.find((c) => c.id === 'securityGroupLimits')
        : undefined;
    // The two groups a connection may add (the Lambda's, and the endpoints' with the egress fix).
    expect(limits?.params.groupsAfter).toBe(inRegion + 2);
    await app.engine.cancel(created.plan.connectionId);
  });

  it('sets up three connections one after another, then two at once, each to its stack outputs', async () => {
    done.set('prod', await complete(request('本番DB接続', 'instance', seeded.postgres.identifier)));
    done.set('staging', await complete(request('検証DB接続', 'cluster', seeded.aurora.identifier)));
    done.set('orders', await complete(request('Prod DB', 'instance', more.vpc2Orders)));
    const [analytics, reports] = await Promise.all([
      complete(request('prod-db', 'instance', more.analytics)),
      complete(request('PROD_DB', 'instance', more.vpc2Reports)),
    ]);
    done.set('analytics', analytics);
    done.set('reports', reports);

    for (const state of done.values()) {
      expect(state.outputs.endpointServiceName).toMatch(/^com\.amazonaws\.vpce\./);
      expect(state.outputs.availabilityZoneIds.length).toBeGreaterThan(0);
    }
    const everyName = [...done.values()].flatMap((s) => Object.values(planNames(s.plan)));
    expect(new Set(everyName).size).toBe(everyName.length);
  });

  it('adds exactly each connection’s resources to the account, as AWS itself lists them', async () => {
    const after = await accountSnapshot(endpoint);
    const delta = snapshotDelta(before, after);
    const all = [...done.values()];
    const names = all.map((s) => planNames(s.plan));
    const expectedRules = new Set<string>();
    const nlbInterfaces: string[] = [];
    for (const state of all) {
      const part = await partOf(after, state);
      expect(part.lambdaGroup?.inbound, 'the Lambda group admits nothing').toEqual([]);
      const nlb = await loadBalancerInterfaces(endpoint, state.outputs.loadBalancerArn);
      nlbInterfaces.push(...nlb.map((eni) => eni.address));
      const sources = [part.lambdaGroup?.id, ...nlb.map((eni) => `${eni.address}/32`)];
      const dbGroup = after.securityGroups.find(
        (g) => g.id === state.plan.database.securityGroupIds[0],
      );
      for (const source of sources) {
        expectedRules.add(`${dbGroup?.name} tcp:${state.plan.database.port}:${source}`);
      }
      expect(part.roles).toHaveLength(2);
    }
    expect(delta).toEqual({
      securityGroups: expect.arrayContaining(names.map((n) => n.lambdaSecurityGroupName)),
      rulesAddedToExistingGroups: expect.arrayContaining([...expectedRules]),
      stacks: names.map((n) => n.stackName).sort(),
      vpcEndpoints: [],
      endpointServices: all.map((s) => s.outputs.endpointServiceId).sort(),
      loadBalancers: all.map((s) => s.outputs.loadBalancerArn).sort(),
      targetGroups: all.map((s) => s.outputs.targetGroupArn).sort(),
      functions: names.flatMap((n) => [n.lambdaFunctionName, n.setupFunctionName]).sort(),
      roles: expect.any(Array),
      networkInterfaces: expect.any(Array),
    });
    // The only interfaces added are the NLBs' own, one per subnet.
    expect(delta.networkInterfaces.map((n) => String(n).split(' ')[1]).sort()).toEqual(
      nlbInterfaces.sort(),
    );
    expect(delta.securityGroups).toHaveLength(names.length);
    expect(delta.rulesAddedToExistingGroups.sort()).toEqual([...expectedRules].sort());
    expect(delta.roles).toHaveLength(2 * names.length);
  });

  it('tears one connection down and leaves every other connection’s part byte-identical, even a rule they share', async () => {
    const prod = done.get('prod') as Complete;
    const analytics = done.get('analytics') as Complete;
    const others = [...done.entries()].filter(([key]) => key !== 'prod');
    const full = await accountSnapshot(endpoint);
    const partsBefore = await Promise.all(
      others.map(async ([, s]) => JSON.stringify(await partOf(full, s))),
    );
    // The two PostgreSQL databases share a group and port, and their load balancers share a
    // subnet: AWS keeps one rule for both.
    const analyticsCidrs = await cidrsOf(analytics.plan.subnetIds);
    expect((await cidrsOf(prod.plan.subnetIds)).some((c) => analyticsCidrs.includes(c))).toBe(true);

    expect((await tearDownFully(app.engine, prod.plan.connectionId)).step).toBe('tornDown');
    const after = await accountSnapshot(endpoint);
    const partsAfter = await Promise.all(
      others.map(async ([, s]) => JSON.stringify(await partOf(after, s))),
    );
    expect(partsAfter).toEqual(partsBefore);
    const gone = await partOf(after, prod);
    expect(gone.stacks).toEqual([]);
    expect(gone.functions).toEqual([]);
    expect(gone.lambdaGroup).toBeUndefined();
    // The shared subnet rule now names only the connection that still needs it.
    const group = (
      await ec2.send(
        new DescribeSecurityGroupsCommand({ GroupIds: [seeded.postgres.securityGroupId] }),
      )
    ).SecurityGroups?.[0];
    const descriptions = (group?.IpPermissions ?? []).flatMap((p) =>
      (p.IpRanges ?? []).map((r) => r.Description ?? ''),
    );
    expect(descriptions.filter((d) => d.includes(prod.plan.connectionId))).toEqual([]);
    expect(descriptions.some((d) => d.includes(analytics.plan.connectionId))).toBe(true);
    done.delete('prod');
  });

  it('moves only the failed-over database’s target: no other connection’s target group changes', async () => {
    const orders = done.get('orders') as Complete;
    const others = [...done.values()].filter((s) => s !== orders);
    const targetsBefore = await Promise.all(others.map(targetsOf));
    const failover = MOVING_EVENTS.instance.find((e) => e.category === 'failover');
    if (!failover) throw new Error('no failover sample');
    await setVpcDns(endpoint, orders.plan.database.endpoint, ['10.30.1.99']);
    try {
      const event = rdsEvent({
        ...failover,
        identifier: rdsSourceIdentifier(orders.plan.database.endpoint),
      });
      await putRdsEvent(events, event);
      await expect
        .poll(() => targetsOf(orders), { timeout: 30_000, interval: 250 })
        .toEqual([`10.30.1.99:${orders.plan.database.port}`]);
      expect(await Promise.all(others.map(targetsOf))).toEqual(targetsBefore);
    } finally {
      await setVpcDns(endpoint, orders.plan.database.endpoint, null);
    }
  });

  it('tears the rest down and leaves the account as it was before the first connection', async () => {
    for (const state of done.values()) {
      expect((await tearDownFully(app.engine, state.plan.connectionId)).step).toBe('tornDown');
    }
    expect(await accountSnapshot(endpoint)).toEqual(before);
  });
});
