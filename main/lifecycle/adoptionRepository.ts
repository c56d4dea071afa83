import { AdoptionStateSchema, type AdoptionState } from '../../shared/lifecycle/adopt';
import type { Logger } from '../base/logger';
import type { StoreBacking } from '../base/storeBacking';

/** Adoptions of found setups by endpoint service id (shared/lifecycle/adopt.ts; parsed when read). */
export type AdoptionRecords = { lifecycleAdoptions: Record<string, unknown> };

/** Where adoptions live between transitions; a save returns only once the state is on disk. */
export interface AdoptionRepository {
  load(key: string): AdoptionState | undefined;
  save(state: AdoptionState): void;
  list(): AdoptionState[];
}

export function createStoreAdoptionRepository(
  backing: StoreBacking<AdoptionRecords>,
  logger: Logger,
): AdoptionRepository {
  const parse = (key: string, raw: unknown): AdoptionState | undefined => {
    const parsed = AdoptionStateSchema.safeParse(raw);
    if (!parsed.success) logger.warn('lifecycle.adoptionUnreadable', { key });
    return parsed.success ? parsed.data : undefined;
  };
  const all = () => backing.get('lifecycleAdoptions') ?? {};
  return {
    load: (key) => (key in all() ? parse(key, all()[key]) : undefined),
    save(state) {
      backing.set('lifecycleAdoptions', { ...all(), [state.key]: state });
    },
    list: () =>
      Object.entries(all()).flatMap(([key, raw]) => {
        const state = parse(key, raw);
        return state ? [state] : [];
      }),
  };
}
