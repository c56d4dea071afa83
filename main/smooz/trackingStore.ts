import { TrackingRecordSchema, type TrackingRecord } from '../../shared/smooz/trackingRecord';
import type { StoreBacking } from '../base/storeBacking';

/** SMOOZ connections whose status is tracked; tracking resumes on start. */
export type TrackingRecords = { smoozTracking: TrackingRecord[] };

export interface TrackingStore {
  list(): TrackingRecord[];
  put(record: TrackingRecord): void;
  remove(connectionId: string): void;
}

/** In-flight connections in the app's state file, so tracking resumes after a restart. */
export function createTrackingStore(backing: StoreBacking<TrackingRecords>): TrackingStore {
  const read = (): TrackingRecord[] =>
    (backing.get('smoozTracking') ?? []).flatMap((raw) => {
      const parsed = TrackingRecordSchema.safeParse(raw);
      return parsed.success ? [parsed.data] : [];
    });
  return {
    list: read,
    put(record) {
      const others = read().filter((e) => e.connectionId !== record.connectionId);
      backing.set('smoozTracking', [...others, TrackingRecordSchema.parse(record)]);
    },
    remove(connectionId) {
      backing.set(
        'smoozTracking',
        read().filter((e) => e.connectionId !== connectionId),
      );
    },
  };
}
