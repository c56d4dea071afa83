import { describe, expect, it } from 'vitest';
import type { SetupState } from '../../../shared/flow/state';
import type { GuidedRecord } from '../../../shared/guided/guidedRecord';
import { STEPS } from '../../../shared/steps/steps';
import { checklistItems, type ChecklistItem } from '../../../renderer/src/setup/checklistModel';
import { flowToReopen } from '../../../renderer/src/setup/resumable';
import { lambdaSg, sampleOutputs, samplePlan, stack } from '../../support/flowFixtures';

const byId = (items: ChecklistItem[]) => new Map(items.map((i) => [i.id, i]));
const record = (phase: GuidedRecord['phase']): GuidedRecord => ({
  connectionId: samplePlan.connectionId,
  phase,
  attempt: 1,
  history: [],
  startedAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('the side checklist mirrors the manual and the flow', () => {
  it("leaves out step 3-1's security group, its rule and ⑦ for an updater outside the VPC", () => {
    const flow = (updaterPlacement: 'insideVpc' | 'outsideVpc'): SetupState => ({
      step: 'preflight',
      plan: { ...samplePlan, updaterPlacement },
      created: [],
    });
    const ids = (p: 'insideVpc' | 'outsideVpc') =>
      checklistItems({ kind: 'flow', state: flow(p) }).map((i) => i.id);
    expect(ids('outsideVpc')).not.toContain('sg.createLambdaSg');
    expect(ids('outsideVpc')).not.toContain('stack.param7');
    // Outside the VPC nothing is added at 3-1: the NLB's /32s come after the stack.
    expect(ids('outsideVpc')).not.toContain('sg.addRdsRules');
    expect(ids('outsideVpc')).toContain('stack.nlbRules');
    expect(ids('insideVpc')).toEqual(STEPS.map((s) => s.id));
  });

  it('lists every manual step, 3-1 to 4, with the manual references ①–⑧', () => {
    const items = checklistItems({ kind: 'target' });
    expect(items.map((i) => i.id)).toEqual(STEPS.map((s) => s.id));
    expect(byId(items).get('stack.param6')?.ref).toBe('3-2 ⑥');
    expect(items.every((i) => i.state === 'waiting')).toBe(true);
  });

  it('marks the database step running while the user picks, and the rest waiting', () => {
    const items = byId(checklistItems({ kind: 'database' }));
    expect(items.get('prep.database')?.state).toBe('running');
    expect(items.get('prep.subnet')?.state).toBe('waiting');
  });

  it('flags the preflight step when a check fails, and shows the derived parameter values', () => {
    const state: SetupState = {
      step: 'preflight',
      plan: samplePlan,
      created: [],
      preflight: {
        checkedAt: '2026-01-01T00:00:00.000Z',
        checks: [{ id: 'lambdaEgress', status: 'fail', explanation: 'x', params: {} }],
      },
    };
    const items = byId(checklistItems({ kind: 'flow', state }));
    expect(items.get('prep.database')?.state).toBe('done');
    expect(items.get('prep.subnet')?.state).toBe('attention');
    // Derived parameters are settled by the plan, whatever the checks say.
    expect(items.get('stack.param3')?.state).toBe('done');
    expect(items.get('stack.param4')?.value).toEqual({ text: '5432', kind: 'text' });
    expect(items.get('stack.param8')?.value).toEqual({
      text: 'arn:aws:iam::210987654321:role/smooz-privatelink',
      kind: 'arn',
    });
    expect(items.get('stack.param7')?.value).toBeUndefined();
  });

  it('settles every stack parameter the plan derives as soon as there is a flow, but not ⑦', () => {
    const state: SetupState = { step: 'preflight', plan: samplePlan, created: [] };
    const items = checklistItems({ kind: 'flow', state });
    const parameters = items.filter((i) => /^stack\.(param|additional)/.test(i.id));
    const done = parameters.filter((i) => i.state === 'done');
    expect(done.map((i) => i.id)).toEqual([
      'stack.param1',
      'stack.param2',
      'stack.param3',
      'stack.param4',
      'stack.param5',
      'stack.param6',
      'stack.param8',
      'stack.additional',
    ]);
    expect(byId(items).get('stack.param7')?.state).toBe('waiting');
  });

  it('shows the stack step running during creation, with the Lambda SG as ⑦', () => {
    const state: SetupState = {
      step: 'creatingStack',
      plan: samplePlan,
      created: [lambdaSg],
      progress: { done: 2, total: 7 },
    };
    const items = byId(checklistItems({ kind: 'flow', state }));
    expect(items.get('sg.addRdsRules')?.state).toBe('done');
    expect(items.get('stack.outputs')?.state).toBe('running');
    expect(items.get('endpoint.form')?.state).toBe('waiting');
    expect(items.get('stack.param7')?.value?.text).toBe('sg-lambda');
  });

  it('puts attention on the step a failure stopped at', () => {
    const state: SetupState = {
      step: 'failed',
      plan: samplePlan,
      created: [lambdaSg, stack],
      resumeStep: 'creatingStack',
      error: { code: 'setup.stackFailed' },
    };
    expect(byId(checklistItems({ kind: 'flow', state })).get('stack.outputs')?.state).toBe(
      'attention',
    );
  });

  it('finishes every step once SMOOZ reports available', () => {
    const state: SetupState = {
      step: 'complete',
      plan: samplePlan,
      created: [stack],
      outputs: sampleOutputs,
    };
    const tracking = byId(checklistItems({ kind: 'flow', state, guided: record('tracking') }));
    expect(tracking.get('stack.nlbRules')?.state).toBe('done');
    expect(tracking.get('endpoint.form')?.state).toBe('done');
    expect(tracking.get('endpoint.accept')?.state).toBe('running');
    expect(tracking.get('endpoint.available')?.state).toBe('waiting');
    const accepted = byId(
      checklistItems({
        kind: 'flow',
        state: {
          ...state,
          acceptance: {
            vpcEndpointId: 'vpce-0a1b',
            acceptedAt: '2026-12-02T03:00:00.000Z',
            rejected: [],
          },
        },
        guided: record('tracking'),
      }),
    );
    expect(accepted.get('endpoint.accept')?.state).toBe('done');
    expect(accepted.get('endpoint.available')?.state).toBe('running');
    const done = checklistItems({ kind: 'flow', state, guided: record('available') });
    expect(done.every((i) => i.state === 'done')).toBe(true);
    const rejected = byId(
      checklistItems({
        kind: 'flow',
        state,
        guided: { ...record('rejected'), smoozConnectionId: 'conn-x' },
      }),
    );
    // Refused before the app accepted anything: the acceptance step is where to look.
    expect(rejected.get('endpoint.accept')?.state).toBe('attention');
  });
});

describe('reopening the app at the same step', () => {
  const creating: SetupState = {
    step: 'creatingStack',
    plan: { ...samplePlan, connectionId: 'c-creating' },
    created: [],
    progress: { done: 0, total: 0 },
  };
  const complete = (id: string): SetupState => ({
    step: 'complete',
    plan: { ...samplePlan, connectionId: id },
    created: [stack],
    outputs: sampleOutputs,
  });

  it('reopens a flow interrupted during stack creation', () => {
    expect(flowToReopen([creating], [])).toBe('c-creating');
  });

  it('reopens a complete flow whose endpoint is not available yet, but not an available one', () => {
    const waiting = { ...record('tracking'), connectionId: 'c-waiting' };
    const available = { ...record('available'), connectionId: 'c-done' };
    expect(flowToReopen([complete('c-waiting')], [waiting])).toBe('c-waiting');
    expect(flowToReopen([complete('c-done')], [available])).toBeUndefined();
  });

  it('leaves cancelled and torn-down flows on the home screen', () => {
    const cancelled: SetupState = {
      ...creating,
      step: 'cancelled',
      resumeStep: 'creatingStack',
    } as SetupState;
    expect(flowToReopen([cancelled], [])).toBeUndefined();
  });
});
