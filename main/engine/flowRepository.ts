import { SetupStateSchema, type SetupState } from '../../shared/flow/state';
import type { Logger } from '../base/logger';
import type { StoreBacking } from '../base/storeBacking';

/** Where flows live between transitions; a save returns only once the state is on disk. */
/** The setup engine's flows by connection id (shared/flow/state.ts; parsed when read). */
export type FlowRecords = { setupFlows: Record<string, unknown> };

export interface FlowRepository {
  load(connectionId: string): SetupState | undefined;
  save(state: SetupState): void;
  list(): SetupState[];
}

/** Flows in the app's store (electron-store in the app, Conf in tests); read back parsed. */
export function createStoreFlowRepository(
  backing: StoreBacking<FlowRecords>,
  logger: Logger,
): FlowRepository {
  const parse = (id: string, raw: unknown): SetupState | undefined => {
    const parsed = SetupStateSchema.safeParse(raw);
    if (!parsed.success) logger.warn('setup.flowUnreadable', { connectionId: id });
    return parsed.success ? parsed.data : undefined;
  };
  return {
    load: (id) => parse(id, backing.get('setupFlows')[id]),
    save(state) {
      // Conf writes the whole file synchronously (atomically), so a crash leaves either state.
      backing.set('setupFlows', { ...backing.get('setupFlows'), [state.plan.connectionId]: state });
    },
    list: () =>
      Object.entries(backing.get('setupFlows')).flatMap(([id, raw]) => {
        const state = parse(id, raw);
        return state ? [state] : [];
      }),
  };
}
