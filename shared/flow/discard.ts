import { z } from 'zod';
import { AppErrorSchema, type AppErrorData } from '../errors';
import { illegalTransitionError } from '../machine/illegalTransition';
import type { DeepReadonly } from './readonly';
import {
  CreatedResourceSchema,
  HandedOverSchema,
  resourceKey,
  type CreatedResource,
} from './resources';

/**
 * Discarding an abandoned setup: removing exactly what it created (its ledger, plus what carries
 * its `smooz:connection-id` tag in AWS), then forgetting it so its names are free. The list is
 * fixed when the discard starts (what `setup:discardPreview` showed and the user confirmed);
 * main persists each transition before acting, so a crash resumes with the same list.
 *
 *   (none) ─started→ removing ─resourceRemoved…→ removing ─completed→ discarded
 *                    removing ─failed→ failed ─resumed→ removing
 */
const DiscardTargetSchema = z.object({
  connectionId: z.string().min(1),
  /** Absent when the setup is known only by its tag in AWS. */
  connectionName: z.string().optional(),
  profile: z.string().min(1),
  region: z.string().min(1),
  /** Whether a flow on this computer belongs to it (it leaves the list when discarded). */
  local: z.boolean(),
});
export type DiscardTarget = DeepReadonly<z.infer<typeof DiscardTargetSchema>>;

/** What a discard would remove, for the confirmation that lists it. Nothing is removed yet. */
export const DiscardPreviewSchema = DiscardTargetSchema.extend({
  resources: z.array(CreatedResourceSchema),
});
export type DiscardPreview = DeepReadonly<z.infer<typeof DiscardPreviewSchema>>;

const base = {
  ...DiscardTargetSchema.shape,
  /** Fixed at the start: nothing outside this list is ever removed. */
  planned: z.array(CreatedResourceSchema),
  removed: z.array(CreatedResourceSchema),
  /** Found gone already (removed by hand, or never fully created). */
  alreadyGone: z.array(CreatedResourceSchema),
  /** Left to a connection that still needs it (see resources.ts HandedOver). */
  handedOver: z.array(HandedOverSchema).optional(),
};

export const DiscardStateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('removing'), ...base }),
  z.object({ step: z.literal('failed'), ...base, error: AppErrorSchema }),
  z.object({ step: z.literal('discarded'), ...base }),
]);
export type DiscardState = DeepReadonly<z.infer<typeof DiscardStateSchema>>;
export type DiscardStep = DiscardState['step'];

export type DiscardEvent =
  | {
      readonly type: 'resourceRemoved';
      readonly resource: CreatedResource;
      readonly alreadyGone: boolean;
      readonly handedOverTo?: string;
    }
  | { readonly type: 'failed'; readonly error: AppErrorData }
  | { readonly type: 'resumed' }
  | { readonly type: 'completed' };

export const ILLEGAL_DISCARD_TRANSITION = 'setup.illegalDiscardTransition';
export const IllegalDiscardTransitionError = illegalTransitionError<
  DiscardStep,
  DiscardEvent['type']
>(ILLEGAL_DISCARD_TRANSITION, 'step');

/** A discard starts from its confirmed preview. */
export function startDiscard(preview: DiscardPreview): DiscardState {
  const { resources, ...target } = preview;
  return { step: 'removing', ...target, planned: resources, removed: [], alreadyGone: [] };
}

/** Planned entries not yet removed or found gone, in the planned order. */
export function remainingResources(state: DiscardState): CreatedResource[] {
  const done = new Set(
    [
      ...state.removed,
      ...state.alreadyGone,
      ...(state.handedOver ?? []).map((h) => h.resource),
    ].map(resourceKey),
  );
  return state.planned.filter((r) => !done.has(resourceKey(r)));
}

/** The discard's only transition function: pure; throws for every illegal (step, event) pair. */
export function reduceDiscard(state: DiscardState, event: DiscardEvent): DiscardState {
  const illegal = () => new IllegalDiscardTransitionError(state.step, event.type);
  switch (event.type) {
    case 'resourceRemoved': {
      if (state.step !== 'removing') throw illegal();
      const key = resourceKey(event.resource);
      // Only what was planned, and each once: the list the user confirmed is the limit.
      if (!remainingResources(state).some((r) => resourceKey(r) === key)) throw illegal();
      if (event.handedOverTo !== undefined) {
        const handed = { resource: event.resource, connectionId: event.handedOverTo };
        return { ...state, handedOver: [...(state.handedOver ?? []), handed] };
      }
      return event.alreadyGone
        ? { ...state, alreadyGone: [...state.alreadyGone, event.resource] }
        : { ...state, removed: [...state.removed, event.resource] };
    }
    case 'failed':
      if (state.step !== 'removing') throw illegal();
      return { ...state, step: 'failed', error: event.error };
    case 'resumed': {
      if (state.step !== 'failed') throw illegal();
      const { error: _error, ...rest } = state;
      return { ...rest, step: 'removing' };
    }
    case 'completed':
      if (state.step !== 'removing' || remainingResources(state).length > 0) throw illegal();
      return { ...state, step: 'discarded' };
  }
}
