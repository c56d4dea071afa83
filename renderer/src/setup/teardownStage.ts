import type { AppErrorData } from '../../../shared/errors';
import type { SetupState } from '../../../shared/flow/state';
import type { GuidedRecord } from '../../../shared/ipc/channels/guided';

/**
 * Where a teardown is, from both halves of it: SMOOZ's endpoint first (the guided record), then
 * the AWS resources the ledger holds (the engine's state).
 */
export type TeardownStage =
  | { readonly kind: 'removingSmooz' }
  | { readonly kind: 'removingAws' }
  | { readonly kind: 'done' }
  | { readonly kind: 'failed'; readonly side: 'smooz' | 'aws'; readonly error: AppErrorData };

/** The teardown stage of a flow, or undefined while the flow is not being torn down. */
export function teardownStage(
  state: SetupState,
  guided: GuidedRecord | undefined,
): TeardownStage | undefined {
  switch (state.step) {
    case 'tearingDown':
      return { kind: 'removingAws' };
    case 'tornDown':
      return { kind: 'done' };
    case 'failed':
      return state.resumeStep === 'tearingDown'
        ? { kind: 'failed', side: 'aws', error: state.error }
        : undefined;
    case 'complete':
      if (guided?.phase !== 'deleting' && guided?.phase !== 'deleted') return undefined;
      if (guided.problem !== undefined) {
        const side = guided.phase === 'deleting' ? 'smooz' : 'aws';
        return { kind: 'failed', side, error: guided.problem };
      }
      // `deleted`: SMOOZ's side is gone and the engine is about to start on the AWS side.
      return guided.phase === 'deleting' ? { kind: 'removingSmooz' } : { kind: 'removingAws' };
    default:
      return undefined;
  }
}
