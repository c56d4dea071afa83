import { GuidedRecordSchema, type GuidedRecord } from '../../shared/guided/guidedRecord';
import type { StoreBacking } from '../base/storeBacking';

/** The guided flow's SMOOZ side, per connection, beside the engine's flows in the app's store. */
/** The guided flow's SMOOZ side by connection id (parsed when read). */
export type GuidedRecords = { guidedRecords: Record<string, unknown> };

export interface GuidedStore {
  load(connectionId: string): GuidedRecord | undefined;
  save(record: GuidedRecord): void;
  list(): GuidedRecord[];
}

export function createGuidedStore(backing: StoreBacking<GuidedRecords>): GuidedStore {
  const parse = (raw: unknown) => {
    const parsed = GuidedRecordSchema.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  };
  return {
    load: (id) => parse(backing.get('guidedRecords')[id]),
    save(record) {
      backing.set('guidedRecords', {
        ...backing.get('guidedRecords'),
        [record.connectionId]: record,
      });
    },
    list: () =>
      Object.values(backing.get('guidedRecords')).flatMap((raw) => {
        const record = parse(raw);
        return record ? [record] : [];
      }),
  };
}
