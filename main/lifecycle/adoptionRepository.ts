import { AdoptionStateSchema, type AdoptionState } from '../../shared/lifecycle/adopt';
import { keyedRecordsKind, type KeyedRecords } from '../base/keyedRecords';

/** Where adoptions of found setups live between transitions, by endpoint service id. */
export type AdoptionRepository = KeyedRecords<AdoptionState>;

export const createStoreAdoptionRepository = keyedRecordsKind({
  storeKey: 'lifecycleAdoptions',
  schema: AdoptionStateSchema,
  keyOf: (state) => state.key,
});
