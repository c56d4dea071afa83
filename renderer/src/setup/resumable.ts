import type { SetupState } from '../../../shared/flow/state';
import type { GuidedRecord } from '../../../shared/ipc/channels/guided';

/** Flows still under way or stopped for the user (not finished, not removed). */
export function unfinishedFlows(flows: readonly SetupState[]): SetupState[] {
  return flows.filter((flow) => flow.step !== 'complete' && flow.step !== 'tornDown');
}

/**
 * The flow to reopen at start-up: the one the user was in when the app closed — still creating,
 * stopped for them, or complete but not yet `available` on SMOOZ's side.
 */
export function flowToReopen(
  flows: readonly SetupState[],
  records: readonly GuidedRecord[],
): string | undefined {
  const waitingOnSmooz = flows.filter((flow) => {
    if (flow.step !== 'complete') return false;
    const record = records.find((r) => r.connectionId === flow.plan.connectionId);
    return record === undefined || record.phase === 'creating' || record.phase === 'tracking';
  });
  const candidates = [
    ...unfinishedFlows(flows).filter((flow) => flow.step !== 'cancelled'),
    ...waitingOnSmooz,
  ];
  return candidates.at(-1)?.plan.connectionId;
}
