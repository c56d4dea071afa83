import { DiscardStateSchema, type DiscardState } from '../../shared/flow/discard';
import { keyedRecordsKind, type KeyedRecords } from '../base/keyedRecords';

/** Where discards of abandoned setups live between transitions, by connection id, beside the flows. */
export type DiscardRepository = KeyedRecords<DiscardState>;

export const createStoreDiscardRepository = keyedRecordsKind({
  storeKey: 'setupDiscards',
  schema: DiscardStateSchema,
  keyOf: (state) => state.connectionId,
});
