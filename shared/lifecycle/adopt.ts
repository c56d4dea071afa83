import { z } from 'zod';
import { AppError, AppErrorSchema, type AppErrorData } from '../errors';
import type { DeepReadonly } from '../flow/readonly';
import type { FoundSetup } from './foundSetup';

/**
 * Adopting a found setup: it becomes a connection of this app (kept in the store, re-checked,
 * shown at home) while NOTHING changes in AWS. What is adopted is fixed when adoption starts: the
 * parts' ids as the scan the user looked at found them (`parts`). Main persists each transition
 * before acting; verifying re-reads the account and must find the same parts, so a setup changed
 * since the scan is not adopted on stale facts.
 *
 *   (none) ─started→ verifying ─verified→ adopted ─rechecked→ adopted
 *                    verifying ─failed→ failed ─retried→ verifying
 *   adopted | failed ─released→ released   (forgotten by the app; AWS untouched)
 */
export const AdoptedPartsSchema = z.object({
  endpointServiceId: z.string(),
  endpointServiceName: z.string(),
  loadBalancerArn: z.string().optional(),
  targetGroupArns: z.array(z.string()),
  updaterFunctionName: z.string().optional(),
  stackName: z.string().optional(),
  databaseIdentifier: z.string().optional(),
});
export type AdoptedParts = DeepReadonly<z.infer<typeof AdoptedPartsSchema>>;

const base = {
  /** The endpoint service id (FoundSetup.key). */
  key: z.string().min(1),
  name: z.string().min(1).max(64),
  profile: z.string().min(1),
  region: z.string().min(1),
  accountId: z.string().regex(/^\d{12}$/),
  origin: z.enum(['app', 'handMade']),
  parts: AdoptedPartsSchema,
  smoozConnectionId: z.string().optional(),
  startedAt: z.string(),
};

export const AdoptionStateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('verifying'), ...base }),
  z.object({ step: z.literal('failed'), ...base, error: AppErrorSchema }),
  z.object({
    step: z.literal('adopted'),
    ...base,
    adoptedAt: z.string(),
    lastCheckedAt: z.string(),
  }),
  z.object({ step: z.literal('released'), ...base }),
]);
export type AdoptionState = DeepReadonly<z.infer<typeof AdoptionStateSchema>>;
export type AdoptionStep = AdoptionState['step'];

export type AdoptionEvent =
  | { readonly type: 'verified'; readonly parts: AdoptedParts; readonly at: string }
  | { readonly type: 'failed'; readonly error: AppErrorData }
  | { readonly type: 'retried' }
  | { readonly type: 'rechecked'; readonly parts: AdoptedParts; readonly at: string }
  | { readonly type: 'released' };

export const ILLEGAL_ADOPTION_TRANSITION = 'lifecycle.illegalAdoptionTransition';

export class IllegalAdoptionTransitionError extends AppError {
  constructor(step: AdoptionStep, event: AdoptionEvent['type']) {
    super(ILLEGAL_ADOPTION_TRANSITION, { step, event });
  }
}

/** The ids that make up a setup: what adoption fixes, and what a migration will replace. */
export function partsOf(setup: FoundSetup): AdoptedParts {
  return {
    endpointServiceId: setup.endpointService.id,
    endpointServiceName: setup.endpointService.name,
    ...(setup.loadBalancer ? { loadBalancerArn: setup.loadBalancer.arn } : {}),
    targetGroupArns: setup.targetGroups.map((g) => g.arn).sort(),
    ...(setup.updater ? { updaterFunctionName: setup.updater.functionName } : {}),
    ...(setup.stack ? { stackName: setup.stack.name } : {}),
    ...(setup.database ? { databaseIdentifier: setup.database.identifier } : {}),
  };
}

export function sameParts(a: AdoptedParts, b: AdoptedParts): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof AdoptedParts>;
  return [...keys].every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

/** Adoption starts from the scan the user confirmed, under the name they gave it. */
export function startAdoption(setup: FoundSetup, name: string, at: string): AdoptionState {
  return {
    step: 'verifying',
    key: setup.key,
    name,
    profile: setup.profile,
    region: setup.region,
    accountId: setup.accountId,
    origin: setup.origin,
    parts: partsOf(setup),
    ...(setup.smooz ? { smoozConnectionId: setup.smooz.connectionId } : {}),
    startedAt: at,
  };
}

/** The adoption's only transition function: pure; throws for every illegal (step, event) pair. */
export function reduceAdoption(state: AdoptionState, event: AdoptionEvent): AdoptionState {
  const illegal = () => new IllegalAdoptionTransitionError(state.step, event.type);
  switch (event.type) {
    case 'verified':
      // Only the parts the user saw: a setup that changed since the scan is not adopted.
      if (state.step !== 'verifying' || !sameParts(state.parts, event.parts)) throw illegal();
      return { ...state, step: 'adopted', adoptedAt: event.at, lastCheckedAt: event.at };
    case 'failed':
      if (state.step !== 'verifying') throw illegal();
      return { ...state, step: 'failed', error: event.error };
    case 'retried': {
      if (state.step !== 'failed') throw illegal();
      const { error: _error, ...rest } = state;
      return { ...rest, step: 'verifying' };
    }
    case 'rechecked':
      if (state.step !== 'adopted') throw illegal();
      return { ...state, parts: event.parts, lastCheckedAt: event.at };
    case 'released': {
      if (state.step === 'adopted') {
        const { adoptedAt: _a, lastCheckedAt: _l, ...rest } = state;
        return { ...rest, step: 'released' };
      }
      if (state.step === 'failed') {
        const { error: _error, ...rest } = state;
        return { ...rest, step: 'released' };
      }
      throw illegal();
    }
  }
}
