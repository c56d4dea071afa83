import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SetupEvent } from '../../../shared/flow/events';
import {
  IllegalTransitionError,
  initialState,
  reduce,
  ILLEGAL_TRANSITION,
} from '../../../shared/flow/reducer';
import { SetupStateSchema, type SetupState } from '../../../shared/flow/state';
import {
  egressFix,
  failingEgressReport,
  lambdaSg,
  passingReport,
  rdsRule,
  samplePlan,
  stack,
} from '../../support/flowFixtures';

const outputs = {
  endpointServiceName: 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-1',
  endpointServiceId: 'vpce-svc-1',
  availabilityZones: ['ap-northeast-1a'],
  availabilityZoneIds: ['apne1-az4'],
  loadBalancerArn: 'arn:lb',
  targetGroupArn: 'arn:tg',
};

const nlbRule = {
  kind: 'ingressRule',
  groupId: 'sg-rds',
  port: 5432,
  source: { type: 'cidr', cidr: '10.0.1.4/32' },
} as const;
const SMOOZ_VPCE = 'vpce-0123456789abcdef0';
const accepting: SetupEvent[] = [
  { type: 'endpointReported', vpcEndpointId: SMOOZ_VPCE },
  { type: 'endpointRejected', vpcEndpointId: 'vpce-0ther', ownerAccountId: '333333333333' },
];

const run = (events: SetupEvent[], from: SetupState = initialState(samplePlan)) =>
  events.reduce(reduce, from);

const happyPath: SetupEvent[] = [
  { type: 'preflightCompleted', report: passingReport },
  { type: 'confirmed' },
  { type: 'resourceCreated', resource: lambdaSg },
  { type: 'securityGroupReady' },
  { type: 'resourceCreated', resource: rdsRule },
  { type: 'rulesReady' },
  { type: 'resourceCreated', resource: stack },
  { type: 'stackProgress', stackId: 'id', done: 3, total: 9 },
  { type: 'stackCompleted', outputs },
  { type: 'resourceCreated', resource: nlbRule },
  { type: 'loadBalancerAuthorized' },
];

/** Every state the happy path, a failure, a login pause, a cancel and a teardown pass through. */
function reachableStates(): SetupState[] {
  let s = initialState(samplePlan);
  const states: SetupState[] = [s];
  for (const e of happyPath) states.push((s = reduce(s, e)));
  const withFix = reduce(initialState(samplePlan), {
    type: 'preflightCompleted',
    report: failingEgressReport,
  });
  states.push(withFix, reduce(withFix, { type: 'fixStarted', fix: egressFix }));
  const creating = run(happyPath.slice(0, 6));
  states.push(reduce(creating, { type: 'loginRequired' }));
  states.push(reduce(creating, { type: 'stepFailed', error: { code: 'setup.stackFailed' } }));
  states.push(reduce(creating, { type: 'cancelled' }));
  states.push(run(accepting, s));
  states.push(run([...accepting, { type: 'endpointAccepted', at: '2026-12-02T04:00:00.000Z' }], s));
  const tearing = reduce(s, { type: 'teardownStarted' });
  states.push(tearing);
  states.push(
    run(
      [
        { type: 'resourceRemoved', resource: stack, alreadyGone: false },
        { type: 'resourceRemoved', resource: rdsRule, alreadyGone: false },
        { type: 'resourceRemoved', resource: nlbRule, alreadyGone: false },
        { type: 'resourceRemoved', resource: lambdaSg, alreadyGone: true },
        { type: 'teardownCompleted' },
      ],
      tearing,
    ),
  );
  return states;
}

describe('setup flow reducer', () => {
  it('walks the happy path from preflight to complete with the ledger filled in order', () => {
    const end = run(happyPath);
    expect(end.step).toBe('complete');
    expect(end.created).toEqual([lambdaSg, rdsRule, stack, nlbRule]);
    expect(end.step === 'complete' && end.outputs.availabilityZoneIds).toEqual(['apne1-az4']);
  });

  it('stays at preflight while a check fails, and refuses to confirm', () => {
    const s = reduce(initialState(samplePlan), {
      type: 'preflightCompleted',
      report: failingEgressReport,
    });
    expect(s.step).toBe('preflight');
    expect(() => reduce(s, { type: 'confirmed' })).toThrow(IllegalTransitionError);
  });

  it('applies only a fix that preflight offered, then asks for the checks again', () => {
    const fix = egressFix;
    expect(() => reduce(initialState(samplePlan), { type: 'fixStarted', fix })).toThrow(
      IllegalTransitionError,
    );
    const failing = reduce(initialState(samplePlan), {
      type: 'preflightCompleted',
      report: failingEgressReport,
    });
    const fixing = reduce(failing, { type: 'fixStarted', fix });
    expect(fixing.step).toBe('applyingFix');
    const endpoint = { kind: 'vpcEndpoint', endpointId: 'vpce-1', serviceName: 'x' } as const;
    const after = run(
      [{ type: 'resourceCreated', resource: endpoint }, { type: 'fixApplied' }],
      fixing,
    );
    expect(after).toMatchObject({ step: 'preflight', created: [endpoint] });
    expect(after.step === 'preflight' && after.preflight).toBeUndefined();
  });

  it('records a resource once however often it is reported', () => {
    const s = run([...happyPath.slice(0, 3), { type: 'resourceCreated', resource: lambdaSg }]);
    expect(s.created).toEqual([lambdaSg]);
  });

  it('lets an upgrade trade a finished connection’s subnet rule for its NLB /32 in the ledger', () => {
    const subnetRule = { ...nlbRule, source: { type: 'cidr', cidr: '10.0.1.0/24' } } as const;
    const complete = run([...happyPath.slice(0, 9), { type: 'loadBalancerAuthorized' }]);
    const withOld = { ...complete, created: [...complete.created, subnetRule] };
    const traded = run(
      [
        { type: 'resourceCreated', resource: nlbRule },
        { type: 'ruleRetired', resource: subnetRule },
      ],
      withOld,
    );
    expect(traded).toMatchObject({
      step: 'complete',
      created: [lambdaSg, rdsRule, stack, nlbRule],
    });
    const stopped = reduce(run(accepting, traded), { type: 'stepFailed', error: { code: 'x' } });
    expect(reduce(stopped, { type: 'ruleRetired', resource: nlbRule }).created).not.toContainEqual(
      nlbRule,
    );
  });

  it('refuses ledger trades before the stack is finished, and retiring anything but a rule', () => {
    const creating = run(happyPath.slice(0, 6));
    expect(() => reduce(creating, { type: 'ruleRetired', resource: rdsRule })).toThrow(
      IllegalTransitionError,
    );
    const failed = reduce(creating, { type: 'stepFailed', error: { code: 'x' } });
    expect(() => reduce(failed, { type: 'resourceCreated', resource: nlbRule })).toThrow(
      IllegalTransitionError,
    );
    const complete = run(happyPath);
    expect(() => reduce(complete, { type: 'ruleRetired', resource: stack })).toThrow(
      IllegalTransitionError,
    );
    const tearing = reduce(complete, { type: 'teardownStarted' });
    expect(() => reduce(tearing, { type: 'resourceCreated', resource: nlbRule })).toThrow(
      IllegalTransitionError,
    );
  });

  it('will not leave the security group step without a Lambda security group in the ledger', () => {
    const s = run(happyPath.slice(0, 2));
    expect(() => reduce(s, { type: 'securityGroupReady' })).toThrow(IllegalTransitionError);
  });

  it('pauses for login and resumes the interrupted step with its ledger', () => {
    const creating = run(happyPath.slice(0, 7));
    const why = { code: 'aws.ssoTokenExpired', params: { profile: 'dev', session: 'corp' } };
    const paused = reduce(creating, { type: 'loginRequired', error: why });
    expect(paused).toMatchObject({
      step: 'waitingForLogin',
      resumeStep: 'creatingStack',
      error: why,
    });
    expect(SetupStateSchema.parse(paused)).toEqual(paused);
    const resumed = reduce(paused, { type: 'resumed' });
    expect(resumed).toMatchObject({ step: 'creatingStack', stackId: stack.stackId });
    expect(resumed).not.toHaveProperty('error');
    expect(resumed.created).toEqual(creating.created);
  });

  it('keeps the failing resource of a stack failure and retries the stack step', () => {
    const creating = run(happyPath.slice(0, 7));
    const failed = reduce(creating, {
      type: 'stepFailed',
      error: { code: 'setup.stackFailed' },
      stackFailure: {
        stackStatus: 'ROLLBACK_COMPLETE',
        logicalResourceId: 'Nlb',
        resourceType: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
        reason: 'quota',
      },
    });
    expect(failed).toMatchObject({ step: 'failed', stackFailure: { logicalResourceId: 'Nlb' } });
    expect(reduce(failed, { type: 'resumed' }).step).toBe('creatingStack');
  });

  it('allows cancel at every step except the finished ones, and resumes where it stopped', () => {
    for (const state of reachableStates()) {
      if (['complete', 'cancelled', 'tornDown'].includes(state.step)) {
        expect(() => reduce(state, { type: 'cancelled' }), state.step).toThrow(
          IllegalTransitionError,
        );
        continue;
      }
      const cancelled = reduce(state, { type: 'cancelled' });
      expect(cancelled.step, state.step).toBe('cancelled');
      expect(cancelled.created).toEqual(state.created);
      const resumed = reduce(cancelled, { type: 'resumed' });
      const expected =
        state.step === 'waitingForLogin' || state.step === 'failed'
          ? state.resumeStep
          : state.step === 'ready' || state.step === 'applyingFix'
            ? 'preflight'
            : state.step;
      expect(resumed.step, state.step).toBe(expected);
    }
  });

  it('tears down from the ledger and reports removed and already-gone resources', () => {
    expect(reachableStates().at(-1)).toMatchObject({
      step: 'tornDown',
      created: [],
      teardown: { removed: [stack, rdsRule, nlbRule], alreadyGone: [lambdaSg] },
    });
  });

  it('refuses to finish teardown while the ledger still holds resources', () => {
    const tearing = reduce(run(happyPath), { type: 'teardownStarted' });
    expect(() => reduce(tearing, { type: 'teardownCompleted' })).toThrow(IllegalTransitionError);
  });

  it('records when a security group was first found held during teardown, keeps that start, and drops the wait once the group is removed', () => {
    const tearing = reduce(run(happyPath), { type: 'teardownStarted' });
    const held = reduce(tearing, { type: 'groupHeld', groupId: 'sg-lambda', at: 1_000 });
    expect(held.step === 'tearingDown' && held.waiting).toEqual({
      kind: 'lambdaInterfaces',
      groupId: 'sg-lambda',
      since: 1_000,
    });
    // Found held again (a later try, or after a restart): the wait still counts from its start.
    const again = reduce(held, { type: 'groupHeld', groupId: 'sg-lambda', at: 600_000 });
    expect(again.step === 'tearingDown' && again.waiting?.since).toBe(1_000);
    expect(SetupStateSchema.parse(again)).toEqual(again);
    const removed = reduce(again, {
      type: 'resourceRemoved',
      resource: lambdaSg,
      alreadyGone: false,
    });
    expect(removed.step === 'tearingDown' && removed.waiting).toBeUndefined();
    expect(() =>
      reduce(run(happyPath), { type: 'groupHeld', groupId: 'sg-lambda', at: 1 }),
    ).toThrow(IllegalTransitionError);
  });

  it('refuses teardown while the engine is acting; cancel comes first', () => {
    const creating = run(happyPath.slice(0, 6));
    expect(() => reduce(creating, { type: 'teardownStarted' })).toThrow(IllegalTransitionError);
    const cancelled = reduce(creating, { type: 'cancelled' });
    expect(reduce(cancelled, { type: 'teardownStarted' }).step).toBe('tearingDown');
  });

  it('refuses subnet changes once resources exist in the chosen VPC', () => {
    const failing = reduce(initialState(samplePlan), {
      type: 'preflightCompleted',
      report: failingEgressReport,
    });
    const withSg = run(
      [
        { type: 'fixStarted', fix: egressFix },
        { type: 'resourceCreated', resource: lambdaSg },
        { type: 'fixApplied' },
      ],
      failing,
    );
    expect(() =>
      reduce(withSg, { type: 'planUpdated', patch: { subnetIds: ['subnet-x'] } }),
    ).toThrow(IllegalTransitionError);
    expect(
      reduce(withSg, { type: 'planUpdated', patch: { connectionName: 'n' } }).plan.connectionName,
    ).toBe('n');
  });

  it('names the step and event in the error code the UI shows', () => {
    try {
      reduce(initialState(samplePlan), { type: 'stackCompleted', outputs });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({
        code: ILLEGAL_TRANSITION,
        params: { step: 'preflight', event: 'stackCompleted' },
      });
    }
  });

  it('only ever produces states that parse, and leaves the state untouched on refusal', () => {
    const events: SetupEvent[] = [
      ...happyPath,
      { type: 'preflightCompleted', report: failingEgressReport },
      { type: 'fixStarted', fix: egressFix },
      { type: 'fixApplied' },
      { type: 'loginRequired' },
      { type: 'stepFailed', error: { code: 'x' } },
      { type: 'resumed' },
      { type: 'cancelled' },
      { type: 'teardownStarted' },
      { type: 'resourceRemoved', resource: lambdaSg, alreadyGone: false },
      { type: 'resourceRemoved', resource: stack, alreadyGone: false },
      { type: 'resourceRemoved', resource: rdsRule, alreadyGone: true },
      { type: 'teardownCompleted' },
      { type: 'planUpdated', patch: { connectionName: 'other' } },
      { type: 'ruleRetired', resource: nlbRule },
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...events), { maxLength: 40 }), (sequence) => {
        let state = initialState(samplePlan);
        for (const event of sequence) {
          const before = JSON.stringify(state);
          try {
            state = reduce(state, event);
            expect(SetupStateSchema.safeParse(state).success).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(IllegalTransitionError);
            expect(JSON.stringify(state)).toBe(before);
          }
        }
      }),
    );
  });
  it("admits the NLB's addresses after the stack, keeping the outputs, before it is complete", () => {
    const stackDone = run(happyPath.slice(0, 10));
    expect(stackDone).toMatchObject({ step: 'authorizingLoadBalancer', outputs });
    expect(() =>
      reduce(stackDone, { type: 'endpointReported', vpcEndpointId: SMOOZ_VPCE }),
    ).toThrow(IllegalTransitionError);
    const failed = reduce(stackDone, { type: 'stepFailed', error: { code: 'aws.throttled' } });
    expect(failed).toMatchObject({
      step: 'failed',
      resumeStep: 'authorizingLoadBalancer',
      outputs,
    });
    expect(reduce(failed, { type: 'resumed' })).toMatchObject({
      step: 'authorizingLoadBalancer',
      outputs,
    });
    expect(reduce(stackDone, { type: 'loadBalancerAuthorized' }).step).toBe('complete');
  });

  it("accepts SMOOZ's endpoint as a step of its own, recording each rejection once", () => {
    const complete = run(happyPath);
    const acceptingState = run(
      [
        ...accepting,
        { type: 'endpointRejected', vpcEndpointId: 'vpce-0ther', ownerAccountId: '333333333333' },
      ],
      complete,
    );
    expect(acceptingState).toMatchObject({
      step: 'acceptingEndpoint',
      outputs,
      acceptance: {
        vpcEndpointId: SMOOZ_VPCE,
        rejected: [{ vpcEndpointId: 'vpce-0ther', ownerAccountId: '333333333333' }],
      },
    });
    expect(SetupStateSchema.parse(acceptingState)).toEqual(acceptingState);
    const done = reduce(acceptingState, {
      type: 'endpointAccepted',
      at: '2026-12-02T04:00:00.000Z',
    });
    expect(done).toMatchObject({
      step: 'complete',
      outputs,
      acceptance: { vpcEndpointId: SMOOZ_VPCE, acceptedAt: '2026-12-02T04:00:00.000Z' },
    });
  });

  it("refuses to accept out of order, to reject SMOOZ's own endpoint, or to accept an accepted one again", () => {
    const complete = run(happyPath);
    expect(() =>
      reduce(complete, { type: 'endpointAccepted', at: '2026-12-02T04:00:00.000Z' }),
    ).toThrow(IllegalTransitionError);
    expect(() =>
      reduce(complete, { type: 'endpointRejected', vpcEndpointId: 'vpce-1', ownerAccountId: '1' }),
    ).toThrow(IllegalTransitionError);
    const acceptingState = run(accepting, complete);
    expect(() =>
      reduce(acceptingState, {
        type: 'endpointRejected',
        vpcEndpointId: SMOOZ_VPCE,
        ownerAccountId: '210987654321',
      }),
    ).toThrow(IllegalTransitionError);
    expect(() => reduce(acceptingState, { type: 'teardownStarted' })).toThrow(
      IllegalTransitionError,
    );
    const accepted = reduce(acceptingState, {
      type: 'endpointAccepted',
      at: '2026-12-02T04:00:00.000Z',
    });
    expect(() => reduce(accepted, { type: 'endpointReported', vpcEndpointId: SMOOZ_VPCE })).toThrow(
      IllegalTransitionError,
    );
    // A new endpoint (SMOOZ retried after a rejection) is accepted afresh.
    expect(
      reduce(accepted, { type: 'endpointReported', vpcEndpointId: 'vpce-0new' }),
    ).toMatchObject({
      step: 'acceptingEndpoint',
      acceptance: { vpcEndpointId: 'vpce-0new', rejected: [] },
    });
  });

  it('resumes an interrupted acceptance with its endpoint and rejections', () => {
    const acceptingState = run(accepting, run(happyPath));
    const paused = reduce(acceptingState, { type: 'loginRequired' });
    expect(paused).toMatchObject({ step: 'waitingForLogin', resumeStep: 'acceptingEndpoint' });
    expect(reduce(paused, { type: 'resumed' })).toEqual(acceptingState);
    const cancelled = reduce(acceptingState, { type: 'cancelled' });
    expect(reduce(cancelled, { type: 'resumed' })).toEqual(acceptingState);
  });
});
