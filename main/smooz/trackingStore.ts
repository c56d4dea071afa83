import type Conf from 'conf';
import { TrackedConnectionSchema, type TrackedConnection } from '../../shared/smooz/trackingRecord';
import type { PersistedState } from '../services/storeSchema';

export interface TrackingStore {
  list(): TrackedConnection[];
  put(entry: TrackedConnection): void;
  remove(connectionId: string): void;
}

/** In-flight connections in the app's state file, so tracking resumes after a restart. */
export function createTrackingStore(backing: Conf<PersistedState>): TrackingStore {
  const read = (): TrackedConnection[] =>
    (backing.get('smoozTracking') ?? []).flatMap((raw) => {
      const parsed = TrackedConnectionSchema.safeParse(raw);
      return parsed.success ? [parsed.data] : [];
    });
  return {
    list: read,
    put(entry) {
      const others = read().filter((e) => e.connectionId !== entry.connectionId);
      backing.set('smoozTracking', [...others, TrackedConnectionSchema.parse(entry)]);
    },
    remove(connectionId) {
      backing.set(
        'smoozTracking',
        read().filter((e) => e.connectionId !== connectionId),
      );
    },
  };
}
