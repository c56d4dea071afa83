import { AppError, hasErrorCode } from '../../shared/errors';
import type { AdoptionState, TeardownPart } from '../../shared/lifecycle/adopt';
import { mapAwsError } from '../aws/awsErrors';
import { deleteStack } from '../engine/stack';
import type { EngineTiming } from '../engine/timing';
import { SmoozErrorCodes } from '../smooz/smoozErrors';
import type { SmoozApi } from '../smooz/smoozApiClient';
import type { FinderDeps } from './findSetups';
import { createFinderClients } from './finderClients';

export interface TeardownDeps {
  readonly finder: FinderDeps;
  readonly smooz: Pick<SmoozApi, 'deleteConnection' | 'getConnection'>;
  /** How often SMOOZ's deletion and the stack's are polled, on which clock. */
  readonly timing: Pick<EngineTiming, 'clock' | 'poll'>;
  /** How long SMOOZ may take to remove its endpoint before the teardown stops with an error. */
  readonly smoozDeadlineMs: number;
}

const isNotFound = hasErrorCode(SmoozErrorCodes.notFound);

/**
 * Removes one part of an adopted setup; idempotent (a part already gone counts as removed), so a
 * teardown interrupted anywhere resumes with the parts still listed.
 */
export async function removePart(
  deps: TeardownDeps,
  state: AdoptionState,
  part: TeardownPart,
): Promise<void> {
  if (part === 'smoozConnection' && state.smoozConnectionId) {
    await removeSmoozConnection(deps, state.smoozConnectionId);
  }
  if (part === 'stack' && state.parts.stackName) {
    const context = await deps.finder.contextFor(state.profile, state.region);
    const clients = createFinderClients(deps.finder.config, context);
    try {
      await deleteStack(clients, state.parts.stackName, 0, {
        poll: deps.timing.poll,
        clock: deps.timing.clock,
        onEvents: () => undefined,
      });
    } catch (error) {
      throw mapAwsError(error, { profile: state.profile });
    }
  }
}

/** SMOOZ deletes its endpoint first: the endpoint service cannot go while it is connected. */
async function removeSmoozConnection(deps: TeardownDeps, id: string): Promise<void> {
  try {
    await deps.smooz.deleteConnection(id);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    return;
  }
  const { clock, poll } = deps.timing;
  const deadline = clock.now() + deps.smoozDeadlineMs;
  while (clock.now() < deadline) {
    try {
      await deps.smooz.getConnection(id);
    } catch (error) {
      if (isNotFound(error)) return;
      throw error;
    }
    await clock.sleep(poll.fastMs);
  }
  throw new AppError(SmoozErrorCodes.trackingTimedOut, { connectionId: id });
}
