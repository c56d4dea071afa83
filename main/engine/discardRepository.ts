import { DiscardStateSchema, type DiscardState } from '../../shared/flow/discard';
import type { Logger } from '../base/logger';
import type { StoreBacking } from '../base/storeBacking';

/** Where discards live between transitions; a save returns only once the state is on disk. */
/** Discards of abandoned setups by connection id (shared/flow/discard.ts; parsed when read). */
export type DiscardRecords = { setupDiscards: Record<string, unknown> };

export interface DiscardRepository {
  load(connectionId: string): DiscardState | undefined;
  save(state: DiscardState): void;
  list(): DiscardState[];
}

/** Discards in the app's store, beside the flows; read back parsed. */
export function createStoreDiscardRepository(
  backing: StoreBacking<DiscardRecords>,
  logger: Logger,
): DiscardRepository {
  const parse = (id: string, raw: unknown): DiscardState | undefined => {
    const parsed = DiscardStateSchema.safeParse(raw);
    if (!parsed.success) logger.warn('setup.discardUnreadable', { connectionId: id });
    return parsed.success ? parsed.data : undefined;
  };
  const all = () => backing.get('setupDiscards') ?? {};
  return {
    load: (id) => (id in all() ? parse(id, all()[id]) : undefined),
    save(state) {
      backing.set('setupDiscards', { ...all(), [state.connectionId]: state });
    },
    list: () =>
      Object.entries(all()).flatMap(([id, raw]) => {
        const state = parse(id, raw);
        return state ? [state] : [];
      }),
  };
}
