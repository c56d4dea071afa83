import { AppError } from '../../shared/errors';
import {
  AdoptionStateSchema,
  partsOf,
  reduceAdoption,
  remainingTeardown,
  startAdoption,
  type AdoptionEvent,
  type AdoptionState,
} from '../../shared/lifecycle/adopt';
import { diagnose } from '../../shared/lifecycle/diagnosis';
import type { LifecycleScan, ScannedSetup } from '../../shared/lifecycle/scan';
import type { FoundSetup } from '../../shared/lifecycle/foundSetup';
import { createListeners } from '../base/listeners';
import type { AdoptionRepository } from './adoptionRepository';
import { findSetups, type FinderDeps, type ScanResult } from './findSetups';
import { LifecycleErrorCodes as Codes } from './lifecycleErrors';
import { removePart, type TeardownDeps } from './teardown';

export type LifecycleEvent = { readonly type: 'adoptionChanged'; readonly state: AdoptionState };

export interface LifecycleService {
  scan(profile: string, region: string): Promise<LifecycleScan>;
  adopt(request: {
    readonly profile: string;
    readonly region: string;
    readonly key: string;
    readonly name: string;
  }): Promise<AdoptionState>;
  listAdoptions(): AdoptionState[];
  release(key: string): AdoptionState;
  /** Removes SMOOZ's connection and the setup's stack; resumes a teardown that stopped. */
  teardown(key: string): Promise<AdoptionState>;
  subscribe(listener: (event: LifecycleEvent) => void): () => void;
}

export interface LifecycleDeps {
  readonly finder: FinderDeps;
  readonly teardown: Omit<TeardownDeps, 'finder'>;
  readonly adoptions: AdoptionRepository;
  /** Ids of the connections this app made and still lists (they need no adoption). */
  readonly connectionIds: () => readonly string[];
  readonly now?: () => Date;
}

const scanKey = (profile: string, region: string) => `${profile}\u0000${region}`;

/**
 * Finding, diagnosing and adopting setups. Adoption never writes to AWS: it records the setup's
 * parts (persisted before anything else happens), re-reads the account to confirm they are what
 * the user saw, and keeps the result; re-scans re-check adopted setups.
 */
export function createLifecycleService(deps: LifecycleDeps): LifecycleService {
  const now = () => deps.now?.() ?? new Date();
  const lastScans = new Map<string, ScanResult>();
  const listeners = createListeners<LifecycleEvent>();

  const transition = (state: AdoptionState, event: AdoptionEvent): AdoptionState => {
    const next = reduceAdoption(state, event);
    deps.adoptions.save(next);
    listeners.emit({ type: 'adoptionChanged', state: next });
    return next;
  };

  const tracking = (setup: FoundSetup): Pick<ScannedSetup, 'tracking' | 'adoption'> => {
    const adoption = deps.adoptions.load(setup.key);
    if (adoption && adoption.step !== 'released') {
      // Deeply read-only in main; the scan carries the schema's plain copy.
      return { tracking: 'adoption', adoption: AdoptionStateSchema.parse(adoption) };
    }
    const id = setup.stack?.connectionId;
    return id && deps.connectionIds().includes(id)
      ? { tracking: 'connection' }
      : { tracking: 'none' };
  };

  /** A scan re-checks every adopted setup it finds, and records when. */
  const recheckAdopted = (setups: readonly FoundSetup[]) => {
    for (const setup of setups) {
      const adoption = deps.adoptions.load(setup.key);
      if (adoption?.step === 'adopted') {
        transition(adoption, { type: 'rechecked', parts: partsOf(setup), at: setup.scannedAt });
      }
    }
  };

  return {
    async scan(profile, region) {
      const result = await findSetups(deps.finder, { profile, region });
      lastScans.set(scanKey(profile, region), result);
      recheckAdopted(result.setups);
      const today = now().toISOString().slice(0, 10);
      return {
        profile,
        region,
        accountId: result.accountId,
        smoozAccountId: result.smoozAccountId,
        scannedAt: now().toISOString(),
        setups: result.setups.map((setup) => ({
          setup,
          findings: diagnose(setup, { today, smoozAccountId: result.smoozAccountId }),
          ...tracking(setup),
        })),
      };
    },

    async adopt({ profile, region, key, name }) {
      const seen = lastScans.get(scanKey(profile, region))?.setups.find((s) => s.key === key);
      if (!seen) throw new AppError(Codes.notScanned, { key });
      const existing = deps.adoptions.load(key);
      if (tracking(seen).tracking !== 'none' && existing?.step !== 'failed') {
        throw new AppError(Codes.alreadyTracked, { key });
      }
      let state =
        existing?.step === 'failed'
          ? transition(existing, { type: 'retried' })
          : startAdoption(seen, name, now().toISOString());
      deps.adoptions.save(state);
      const fresh = await findSetups(deps.finder, { profile, region });
      lastScans.set(scanKey(profile, region), fresh);
      const found = fresh.setups.find((s) => s.key === key);
      if (!found) {
        return transition(state, {
          type: 'failed',
          error: { code: Codes.setupGone, params: { key } },
        });
      }
      const parts = partsOf(found);
      try {
        state = transition(state, { type: 'verified', parts, at: now().toISOString() });
      } catch {
        state = transition(state, {
          type: 'failed',
          error: { code: Codes.setupChanged, params: { key } },
        });
      }
      return state;
    },

    listAdoptions: () => deps.adoptions.list(),

    release(key) {
      const state = deps.adoptions.load(key);
      if (!state) throw new AppError(Codes.notAdopted, { key });
      return transition(state, { type: 'released' });
    },

    async teardown(key) {
      let state = deps.adoptions.load(key);
      if (!state) throw new AppError(Codes.notAdopted, { key });
      if (state.step === 'adopted' || state.step === 'teardownFailed') {
        if (!state.parts.stackName) throw new AppError(Codes.noStack, { key });
        state = transition(state, { type: 'teardownStarted' });
      }
      if (state.step !== 'tearingDown') return state;
      for (const part of remainingTeardown(state)) {
        try {
          await removePart({ ...deps.teardown, finder: deps.finder }, state, part);
        } catch (error) {
          const data = error instanceof AppError ? error.toData() : { code: 'internal' as const };
          return transition(state, { type: 'failed', error: data });
        }
        state = transition(state, { type: 'partRemoved', part });
      }
      return transition(state, { type: 'tornDown' });
    },

    subscribe: listeners.subscribe,
  };
}
