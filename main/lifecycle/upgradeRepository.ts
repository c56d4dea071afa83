import { UpgradeStateSchema, type UpgradeState } from '../../shared/lifecycle/upgrade';
import { keyedRecordsKind, type KeyedRecords } from '../base/keyedRecords';

/** Where in-place template upgrades live between transitions, by connection id. */
export type UpgradeRepository = KeyedRecords<UpgradeState>;

export const createStoreUpgradeRepository = keyedRecordsKind({
  storeKey: 'lifecycleUpgrades',
  schema: UpgradeStateSchema,
  keyOf: (state) => state.connectionId,
});
