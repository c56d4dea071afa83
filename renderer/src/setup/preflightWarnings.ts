import type { PreflightCheck, PreflightReport } from '../../../shared/flow/preflight';
import type { GuidedPhase } from './checklistModel';

/** The checks that passed with a warning: each needs the user's eyes before anything is made. */
export function openWarnings(report: PreflightReport | undefined): readonly PreflightCheck[] {
  return report?.checks.filter((check) => check.status === 'warn') ?? [];
}

/**
 * A preflight that passed with warnings waits on its results for an explicit "continue anyway";
 * the acceptance belongs to one run of the checks (a new run shows its warnings again).
 */
export function awaitsContinue(phase: GuidedPhase): boolean {
  if (phase.kind !== 'flow' || phase.state.step !== 'ready') return false;
  const { preflight } = phase.state;
  return openWarnings(preflight).length > 0 && phase.warningsAcceptedAt !== preflight.checkedAt;
}
