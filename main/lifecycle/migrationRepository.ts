import { MigrationStateSchema, type MigrationState } from '../../shared/lifecycle/migrate';
import { keyedRecordsKind, type KeyedRecords } from '../base/keyedRecords';

/** Where side-by-side migrations live between transitions, by adoption key. */
export type MigrationRepository = KeyedRecords<MigrationState>;

export const createStoreMigrationRepository = keyedRecordsKind({
  storeKey: 'lifecycleMigrations',
  schema: MigrationStateSchema,
  keyOf: (state) => state.key,
});
