import { DiscardStateSchema, type DiscardState } from '../../shared/flow/discard';
import { createKeyedRecords, type KeyedRecords } from '../base/keyedRecords';
import type { Logger } from '../base/logger';
import type { StoreBacking } from '../base/storeBacking';

/** Discards of abandoned setups by connection id (shared/flow/discard.ts; parsed when read). */
export type DiscardRecords = { setupDiscards: Record<string, unknown> };

/** Where discards live between transitions, by connection id, beside the flows. */
export type DiscardRepository = KeyedRecords<DiscardState>;

export function createStoreDiscardRepository(
  backing: StoreBacking<DiscardRecords>,
  logger: Logger,
): DiscardRepository {
  return createKeyedRecords(backing, logger, {
    storeKey: 'setupDiscards',
    schema: DiscardStateSchema,
    keyOf: (state) => state.connectionId,
    unreadableEvent: 'setup.discardUnreadable',
  });
}
