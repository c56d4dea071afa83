import { MigrationStateSchema, type MigrationState } from '../../shared/lifecycle/migrate';
import { createKeyedRecords, type KeyedRecords } from '../base/keyedRecords';
import type { Logger } from '../base/logger';
import type { StoreBacking } from '../base/storeBacking';

/** Migrations by adoption key (shared/lifecycle/migrate.ts; parsed when read). */
export type MigrationRecords = { lifecycleMigrations: Record<string, unknown> };

/** Where migrations live between transitions, by adoption key. */
export type MigrationRepository = KeyedRecords<MigrationState>;

export function createStoreMigrationRepository(
  backing: StoreBacking<MigrationRecords>,
  logger: Logger,
): MigrationRepository {
  return createKeyedRecords(backing, logger, {
    storeKey: 'lifecycleMigrations',
    schema: MigrationStateSchema,
    keyOf: (state) => state.key,
    unreadableEvent: 'lifecycle.migrationUnreadable',
  });
}
