import { SetupStateSchema, type SetupState } from '../../shared/flow/state';
import { keyedRecordsKind, type KeyedRecords } from '../base/keyedRecords';

/** Where the setup engine's flows live between transitions, by connection id. */
export type FlowRepository = KeyedRecords<SetupState>;

export const createStoreFlowRepository = keyedRecordsKind({
  storeKey: 'setupFlows',
  schema: SetupStateSchema,
  keyOf: (state) => state.plan.connectionId,
});
