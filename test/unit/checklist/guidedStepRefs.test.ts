import { describe, expect, it } from 'vitest';
import { screenFor } from '../../../renderer/src/setup/screenFor';
import type { SetupState } from '../../../shared/flow/state';
import { formatStepRef } from '../../../shared/steps/stepRef';
import { stepById } from '../../../shared/steps/steps';
import { passingReport, samplePlan } from '../../support/flowFixtures';

const base = { plan: samplePlan, created: [] };
const error = { code: 'setup.stackFailed', params: {} };

/** The reference a guided screen shows: its step's, else its section's, else none. */
function shownRef(state: SetupState | 'target' | 'database'): string | undefined {
  const screen = screenFor(typeof state === 'string' ? { kind: state } : { kind: 'flow', state });
  if (screen.step !== undefined) return formatStepRef(stepById(screen.step).ref);
  return screen.ref === undefined ? undefined : formatStepRef(screen.ref);
}

describe('the manual step reference on every guided screen (support talks about the same place)', () => {
  it('names the manual place for every screen of the manual, by step or by section', () => {
    const cases: [SetupState | 'target' | 'database', string][] = [
      ['target', '3-1'],
      ['database', '3-1'],
      [{ step: 'preflight', ...base }, '3-1'],
      [{ step: 'ready', ...base, preflight: passingReport }, '3-2 ⑥'],
      [{ step: 'creatingStack', ...base, progress: { done: 1, total: 4 } }, '3-2'],
      [{ step: 'failed', ...base, resumeStep: 'creatingStack', error }, '3-2'],
      [{ step: 'failed', ...base, resumeStep: 'authorizingRules', error }, '3-1'],
      [{ step: 'waitingForLogin', ...base, resumeStep: 'creatingSecurityGroup' }, '3-1'],
      [{ step: 'cancelled', ...base, resumeStep: 'ready' }, '3-2'],
    ];
    for (const [state, ref] of cases) {
      expect(shownRef(state), typeof state === 'string' ? state : state.step).toBe(ref);
    }
  });

  it('shows none while removing what the app created, a step the manual does not have', () => {
    expect(shownRef({ step: 'tearingDown', ...base })).toBeUndefined();
    expect(shownRef({ step: 'failed', ...base, resumeStep: 'tearingDown', error })).toBeUndefined();
  });
});
