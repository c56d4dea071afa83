import { SetupStateSchema, type SetupState } from '../../shared/flow/state';
import { createKeyedRecords, type KeyedRecords } from '../base/keyedRecords';
import type { Logger } from '../base/logger';
import type { StoreBacking } from '../base/storeBacking';

/** The setup engine's flows by connection id (shared/flow/state.ts; parsed when read). */
export type FlowRecords = { setupFlows: Record<string, unknown> };

/** Where flows live between transitions, by connection id. */
export type FlowRepository = KeyedRecords<SetupState>;

export function createStoreFlowRepository(
  backing: StoreBacking<FlowRecords>,
  logger: Logger,
): FlowRepository {
  return createKeyedRecords(backing, logger, {
    storeKey: 'setupFlows',
    schema: SetupStateSchema,
    keyOf: (state) => state.plan.connectionId,
    unreadableEvent: 'setup.flowUnreadable',
  });
}
