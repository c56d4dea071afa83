import { describe, expect, it } from 'vitest';
import type { PreflightReport } from '../../../shared/flow/preflight';
import type { SetupState } from '../../../shared/flow/state';
import type { GuidedRecord } from '../../../shared/guided/guidedRecord';
import { checklistItems, type GuidedPhase } from '../../../renderer/src/setup/checklistModel';
import { screenFor } from '../../../renderer/src/setup/screenFor';
import { teardownStage } from '../../../renderer/src/setup/teardownStage';
import {
  lambdaSg,
  passingReport,
  sampleOutputs,
  samplePlan,
  stack,
} from '../../support/flowFixtures';

const warningReport: PreflightReport = {
  checkedAt: '2026-01-01T00:00:05.000Z',
  checks: [
    { id: 'subnetInDatabaseAz', status: 'pass', explanation: 'subnetInDatabaseAz.ok', params: {} },
    {
      id: 'subnetPerFailoverAz',
      status: 'warn',
      explanation: 'subnetPerFailoverAz.noSubnet',
      params: { azs: 'ap-northeast-1b' },
    },
  ],
};
const ready = (preflight: PreflightReport): SetupState => ({
  step: 'ready',
  plan: samplePlan,
  created: [],
  preflight,
});
const complete: SetupState = {
  step: 'complete',
  plan: samplePlan,
  created: [lambdaSg, stack],
  outputs: sampleOutputs,
};
const record = (phase: GuidedRecord['phase'], problem?: GuidedRecord['problem']): GuidedRecord => ({
  connectionId: samplePlan.connectionId,
  phase,
  smoozConnectionId: 'smz-1',
  attempt: 1,
  history: [],
  ...(problem === undefined ? {} : { problem }),
  startedAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});
const flow = (state: SetupState, extra: Partial<Extract<GuidedPhase, { kind: 'flow' }>> = {}) =>
  ({ kind: 'flow', state, ...extra }) as const;

describe('a preflight that passed with warnings waits for "continue anyway"', () => {
  it('stays on the preflight results while a warning is open and not yet accepted', () => {
    expect(screenFor(flow(ready(warningReport))).name).toBe('preflight');
  });

  it('goes to the confirmation once the user continued past this run of the checks', () => {
    const phase = flow(ready(warningReport), { warningsAcceptedAt: warningReport.checkedAt });
    expect(screenFor(phase).name).toBe('confirm');
  });

  it('asks again after the checks ran again (the new run may warn about something else)', () => {
    const phase = flow(ready(warningReport), { warningsAcceptedAt: '2026-01-01T00:00:00.000Z' });
    expect(screenFor(phase).name).toBe('preflight');
  });

  it('goes straight to the confirmation when every check passed', () => {
    expect(screenFor(flow(ready(passingReport))).name).toBe('confirm');
  });

  it('keeps the preflight step running (not done, not failed) in the side checklist meanwhile', () => {
    const item = checklistItems(flow(ready(warningReport))).find((i) => i.id === 'prep.subnet');
    expect(item?.state).toBe('running');
  });
});

describe('teardown has its own screen and states', () => {
  it('shows the teardown screen while SMOOZ removes its endpoint (not step 4)', () => {
    expect(screenFor(flow(complete, { guided: record('deleting') })).name).toBe('teardown');
    expect(teardownStage(complete, record('deleting'))).toEqual({ kind: 'removingSmooz' });
  });

  it('marks no manual step as needing attention during a teardown', () => {
    const items = checklistItems(flow(complete, { guided: record('deleting') }));
    expect(items.filter((i) => i.state === 'attention')).toEqual([]);
  });

  it('tells a failed AWS-side teardown on the teardown screen, with its reason', () => {
    const failed: SetupState = {
      step: 'failed',
      plan: samplePlan,
      created: [stack],
      resumeStep: 'tearingDown',
      error: { code: 'setup.stackDeleteFailed' },
      teardown: { removed: [lambdaSg], alreadyGone: [] },
    };
    expect(screenFor(flow(failed)).name).toBe('teardown');
    expect(teardownStage(failed, undefined)).toEqual({
      kind: 'failed',
      side: 'aws',
      error: { code: 'setup.stackDeleteFailed' },
    });
  });

  it('tells a SMOOZ side that could not be removed as a failed teardown', () => {
    const guided = record('deleting', { code: 'smooz.trackingTimedOut' });
    expect(screenFor(flow(complete, { guided })).name).toBe('teardown');
    expect(teardownStage(complete, guided)).toMatchObject({ kind: 'failed', side: 'smooz' });
  });

  it('keeps a finished connection on step 4 when nothing is being removed', () => {
    expect(screenFor(flow(complete, { guided: record('available') })).name).toBe('endpoint');
    expect(teardownStage(complete, record('available'))).toBeUndefined();
  });

  it('reports removal in progress and done from the engine', () => {
    const tearing: SetupState = {
      step: 'tearingDown',
      plan: samplePlan,
      created: [stack],
      teardown: { removed: [lambdaSg], alreadyGone: [] },
    };
    const done: SetupState = {
      step: 'tornDown',
      plan: samplePlan,
      created: [],
      teardown: { removed: [lambdaSg, stack], alreadyGone: [] },
    };
    expect(teardownStage(tearing, record('deleted'))).toEqual({ kind: 'removingAws' });
    expect(teardownStage(done, record('deleted'))).toEqual({ kind: 'done' });
  });
});

describe('the confirmation tells what already exists', () => {
  const endpointsSg = {
    kind: 'securityGroup',
    purpose: 'endpoints',
    groupId: 'sg-endpoints',
    groupName: 'smooz-privatelink-endpoints-1a2b3c4d',
    vpcId: 'vpc-1',
  } as const;

  it('no longer says "nothing is created until Create" once the egress fix made resources', () => {
    const state: SetupState = { ...ready(passingReport), created: [endpointsSg] };
    expect(screenFor(flow(state))).toMatchObject({ name: 'confirm', what: 'whatExisting' });
  });

  it('keeps the usual wording while nothing exists yet', () => {
    expect(screenFor(flow(ready(passingReport))).what).toBeUndefined();
  });
});
