import { UpgradeStateSchema, type UpgradeState } from '../../shared/lifecycle/upgrade';
import { createKeyedRecords, type KeyedRecords } from '../base/keyedRecords';
import type { Logger } from '../base/logger';
import type { StoreBacking } from '../base/storeBacking';

/** In-place template upgrades by connection id (shared/lifecycle/upgrade.ts; parsed when read). */
export type UpgradeRecords = { lifecycleUpgrades: Record<string, unknown> };

/** Where upgrades live between transitions, by connection id. */
export type UpgradeRepository = KeyedRecords<UpgradeState>;

export function createStoreUpgradeRepository(
  backing: StoreBacking<UpgradeRecords>,
  logger: Logger,
): UpgradeRepository {
  return createKeyedRecords(backing, logger, {
    storeKey: 'lifecycleUpgrades',
    schema: UpgradeStateSchema,
    keyOf: (state) => state.connectionId,
    unreadableEvent: 'lifecycle.upgradeUnreadable',
  });
}
