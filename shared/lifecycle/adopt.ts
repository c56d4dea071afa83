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
 *   adopted | teardownFailed ─teardownStarted→ tearingDown ─partRemoved…→ tearingDown
 *   tearingDown ─tornDown→ tornDown;  tearingDown ─failed→ teardownFailed
 *
 * Teardown removes what the adoption knows it may: SMOOZ's connection (its endpoint must go
 * before the endpoint service can) and the CloudFormation stack that holds the setup. A setup
 * without a stack is not torn down by the app: its parts were made one by one by hand.
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

export const TeardownPartSchema = z.enum(['smoozConnection', 'stack']);
export type TeardownPart = z.infer<typeof TeardownPartSchema>;

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
  z.object({ step: z.literal('tearingDown'), ...base, removed: z.array(TeardownPartSchema) }),
  z.object({
    step: z.literal('teardownFailed'),
    ...base,
    removed: z.array(TeardownPartSchema),
    error: AppErrorSchema,
  }),
  z.object({ step: z.literal('tornDown'), ...base, removed: z.array(TeardownPartSchema) }),
]);
export type AdoptionState = DeepReadonly<z.infer<typeof AdoptionStateSchema>>;
export type AdoptionStep = AdoptionState['step'];

export type AdoptionEvent =
  | { readonly type: 'verified'; readonly parts: AdoptedParts; readonly at: string }
  | { readonly type: 'failed'; readonly error: AppErrorData }
  | { readonly type: 'retried' }
  | { readonly type: 'rechecked'; readonly parts: AdoptedParts; readonly at: string }
  | { readonly type: 'released' }
  | { readonly type: 'teardownStarted' }
  | { readonly type: 'partRemoved'; readonly part: TeardownPart }
  | { readonly type: 'tornDown' };

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

/** What a teardown removes, in order: SMOOZ's endpoint before the service it connects to. */
export function teardownParts(state: AdoptionState): TeardownPart[] {
  return [
    ...(state.smoozConnectionId ? (['smoozConnection'] as const) : []),
    ...(state.parts.stackName ? (['stack'] as const) : []),
  ];
}

export function remainingTeardown(state: AdoptionState): TeardownPart[] {
  const removed = 'removed' in state ? state.removed : [];
  return teardownParts(state).filter((p) => !removed.includes(p));
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
      if (state.step === 'tearingDown') {
        return { ...state, step: 'teardownFailed', error: event.error };
      }
      if (state.step !== 'verifying') throw illegal();
      return { ...state, step: 'failed', error: event.error };
    case 'teardownStarted': {
      // Only a setup held by a stack: the app does not take apart what was built piece by piece.
      if (!state.parts.stackName) throw illegal();
      if (state.step === 'adopted') {
        const { adoptedAt: _a, lastCheckedAt: _l, ...rest } = state;
        return { ...rest, step: 'tearingDown', removed: [] };
      }
      if (state.step === 'teardownFailed') {
        const { error: _error, ...rest } = state;
        return { ...rest, step: 'tearingDown' };
      }
      throw illegal();
    }
    case 'partRemoved':
      if (state.step !== 'tearingDown' || !remainingTeardown(state).includes(event.part)) {
        throw illegal();
      }
      return { ...state, removed: [...state.removed, event.part] };
    case 'tornDown':
      if (state.step !== 'tearingDown' || remainingTeardown(state).length > 0) throw illegal();
      return { ...state, step: 'tornDown' };
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
