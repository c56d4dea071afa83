import { AdoptionStateSchema, type AdoptionState } from '../../shared/lifecycle/adopt';
import { createKeyedRecords, type KeyedRecords } from '../base/keyedRecords';
import type { Logger } from '../base/logger';
import type { StoreBacking } from '../base/storeBacking';

/** Adoptions of found setups by endpoint service id (shared/lifecycle/adopt.ts; parsed when read). */
export type AdoptionRecords = { lifecycleAdoptions: Record<string, unknown> };

/** Where adoptions live between transitions, by key. */
export type AdoptionRepository = KeyedRecords<AdoptionState>;

export function createStoreAdoptionRepository(
  backing: StoreBacking<AdoptionRecords>,
  logger: Logger,
): AdoptionRepository {
  return createKeyedRecords(backing, logger, {
    storeKey: 'lifecycleAdoptions',
    schema: AdoptionStateSchema,
    keyOf: (state) => state.key,
    unreadableEvent: 'lifecycle.adoptionUnreadable',
  });
}
