import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accountSnapshot, snapshotDelta } from '../../support/accountSnapshot';
import { DEFAULT_TIMING } from '../../../main/engine/timing';
import { createEngineHarness } from '../../support/engineHarness';
import { driveToEnd, postgresRequest, tearDownFully, insideVpc } from '../../support/engineFlows';
import { resetMoto } from '../../support/motoServer';
import { seedCustomerAccount, type SeededAccount } from '../../support/seedAccount';
import { startFaultProxy, type FaultProxy } from './faultProxy';

describe('setup engine: throttling, a denied action, and a network that goes away', () => {
  const endpoint = inject('motoEndpoint');
  let seeded: SeededAccount;
  let proxy: FaultProxy;

  beforeAll(async () => {
    await resetMoto(endpoint);
    seeded = await seedCustomerAccount(endpoint);
    proxy = await startFaultProxy(endpoint);
  });
  afterAll(() => proxy.close());

  const outcomes = (operation: string) =>
    proxy.log.filter((entry) => entry.operation === operation).map((entry) => entry.outcome);

  it('retries throttled calls with backoff and completes without adding a rule twice', async () => {
    const before = await accountSnapshot(endpoint);
    proxy.log.length = 0;
    proxy.throttle('AuthorizeSecurityGroupIngress', 2);
    const { engine } = createEngineHarness(proxy.endpoint);
    const created = await insideVpc(
      engine,
      await engine.create(postgresRequest(seeded, 'throttled')),
    );
    const end = await driveToEnd(engine, created.plan.connectionId);

    expect(end.step).toBe('complete');
    expect(outcomes('AuthorizeSecurityGroupIngress')).toEqual([
      'failed',
      'failed',
      'forwarded',
      'forwarded',
      'forwarded',
      'forwarded',
    ]);
    const delta = snapshotDelta(before, await accountSnapshot(endpoint));
    expect(delta.rulesAddedToExistingGroups).toHaveLength(4);
    expect((await tearDownFully(engine, created.plan.connectionId)).step).toBe('tornDown');
    expect(await accountSnapshot(endpoint)).toEqual(before);
  });

  it('stops with the denied action named when the profile may not add a rule, and continues once it may', async () => {
    const before = await accountSnapshot(endpoint);
    proxy.log.length = 0;
    const { engine } = createEngineHarness(proxy.endpoint);
    const created = await insideVpc(engine, await engine.create(postgresRequest(seeded, 'denied')));
    const id = created.plan.connectionId;
    proxy.fail('AuthorizeSecurityGroupIngress', 1, {
      status: 403,
      code: 'UnauthorizedOperation',
      message:
        'You are not authorized to perform this operation. User: arn:aws:sts::123456789012:assumed-role/Engineer/me ' +
        'is not authorized to perform: ec2:AuthorizeSecurityGroupIngress on resource: ' +
        `arn:aws:ec2:ap-northeast-1:123456789012:security-group/${seeded.postgres.securityGroupId} ` +
        'because no identity-based policy allows the ec2:AuthorizeSecurityGroupIngress action.',
    });
    expect((await engine.runPreflight(id)).step).toBe('ready');
    await engine.start(id);
    const stopped = await engine.settled(id);

    expect(stopped).toMatchObject({
      step: 'failed',
      resumeStep: 'authorizingRules',
      error: {
        code: 'aws.accessDenied',
        params: {
          action: 'ec2:AuthorizeSecurityGroupIngress',
          resource: `arn:aws:ec2:ap-northeast-1:123456789012:security-group/${seeded.postgres.securityGroupId}`,
        },
      },
    });
    // Access denied is not retried: the administrator has to act first.
    expect(outcomes('AuthorizeSecurityGroupIngress')).toEqual(['failed']);
    expect(stopped.created.map((r) => r.kind)).toEqual(['securityGroup']);

    // Granted: the retry continues from the rules, with the group it already has.
    await engine.resume(id);
    const end = await engine.settled(id);
    expect(end.step).toBe('complete');
    expect(outcomes('CreateSecurityGroup')).toEqual(['forwarded']);
    expect((await tearDownFully(engine, id)).step).toBe('tornDown');
    expect(await accountSnapshot(endpoint)).toEqual(before);
  });

  it('when the network goes down mid-stack, stops with "no network" keeping its progress, and once it is back resumes without creating anything twice', async () => {
    const before = await accountSnapshot(endpoint);
    proxy.log.length = 0;
    const { engine } = createEngineHarness(proxy.endpoint);
    let wentDown = false;
    engine.subscribe((event) => {
      if (
        !wentDown &&
        event.type === 'stateChanged' &&
        event.state.step === 'creatingStack' &&
        event.state.created.some((r) => r.kind === 'stack')
      ) {
        wentDown = true;
        proxy.down = true;
      }
    });
    const created = await insideVpc(
      engine,
      await engine.create(postgresRequest(seeded, 'offline')),
    );
    const id = created.plan.connectionId;
    expect((await engine.runPreflight(id)).step).toBe('ready');
    await engine.start(id);
    const stopped = await engine.settled(id);

    expect(stopped).toMatchObject({
      step: 'failed',
      resumeStep: 'creatingStack',
      error: { code: 'aws.noNetwork' },
    });
    // The SDK tried the call several times before giving up.
    expect(proxy.log.filter((e) => e.outcome === 'dropped').length).toBeGreaterThan(1);
    // Progress kept on disk: the group, its rule and the stack being created.
    expect(engine.get(id)).toEqual(stopped);
    expect(stopped.created.map((r) => r.kind)).toEqual(['securityGroup', 'ingressRule', 'stack']);

    proxy.down = false;
    await engine.resume(id);
    const end = await engine.settled(id);
    expect(end.step).toBe('complete');
    // Nothing made twice; after the stack, the NLB's three /32s.
    expect(end.created.slice(0, stopped.created.length)).toEqual(stopped.created);
    expect(end.created.slice(stopped.created.length).map((r) => r.kind)).toEqual([
      'ingressRule',
      'ingressRule',
      'ingressRule',
    ]);
    expect(outcomes('CreateSecurityGroup')).toEqual(['forwarded']);
    expect(outcomes('AuthorizeSecurityGroupIngress')).toHaveLength(4);
    expect(outcomes('CreateStack')).toEqual(['forwarded']);
    const delta = snapshotDelta(before, await accountSnapshot(endpoint));
    expect(delta.stacks).toEqual([end.plan.stackName]);
    expect(delta.securityGroups).toHaveLength(1);

    expect((await tearDownFully(engine, id)).step).toBe('tornDown');
    expect(await accountSnapshot(endpoint)).toEqual(before);
  });

  it('polls the stack on the real-time policy (a second after each change), and throttled polls are retried instead of failing the flow', async () => {
    expect(DEFAULT_TIMING.poll.fastMs).toBeLessThanOrEqual(1_000);
    const { engine } = createEngineHarness(proxy.endpoint, { timing: DEFAULT_TIMING });
    engine.subscribe((event) => {
      // Throttle the stack's own polls: from the moment the flow starts on the stack.
      if (event.type === 'stateChanged' && event.state.step === 'creatingStack') {
        if (!outcomes('DescribeStacks').includes('failed')) {
          proxy.log.length = 0;
          proxy.throttle('DescribeStacks', 3);
        }
      }
    });
    const created = await insideVpc(engine, await engine.create(postgresRequest(seeded, 'polled')));
    const end = await driveToEnd(engine, created.plan.connectionId);

    expect(end.step).toBe('complete');
    expect(outcomes('DescribeStacks').slice(0, 4)).toEqual([
      'failed',
      'failed',
      'failed',
      'forwarded',
    ]);
    expect((await tearDownFully(engine, created.plan.connectionId)).step).toBe('tornDown');
  });
});
