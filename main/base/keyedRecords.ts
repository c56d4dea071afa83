import type { ZodType } from 'zod';
import type { Logger } from './logger';
import type { StoreBacking } from './storeBacking';

/** Records of one kind by key; a save returns only once the record is on disk. */
export interface KeyedRecords<T> {
  load(key: string): T | undefined;
  save(record: T): void;
  list(): T[];
}

export interface KeyedRecordsOptions<K extends string, T> {
  /** The state file's key that holds these records. */
  readonly storeKey: K;
  readonly schema: ZodType<T>;
  readonly keyOf: (record: T) => string;
  /** Logged (with the record's key) when a stored record no longer parses; it is then skipped. */
  readonly unreadableEvent: string;
}

/**
 * A lifecycle's persisted states in the app's store (electron-store in the app, Conf in tests),
 * parsed when read so a record from an older or damaged file is skipped, never trusted.
 */
export function createKeyedRecords<K extends string, T>(
  backing: StoreBacking<Record<K, Record<string, unknown>>>,
  logger: Logger,
  options: KeyedRecordsOptions<K, T>,
): KeyedRecords<T> {
  const { storeKey, schema, keyOf, unreadableEvent } = options;
  const parse = (key: string, raw: unknown): T | undefined => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) logger.warn(unreadableEvent, { key });
    return parsed.success ? parsed.data : undefined;
  };
  const all = (): Record<string, unknown> => backing.get(storeKey) ?? {};
  return {
    load: (key) => (key in all() ? parse(key, all()[key]) : undefined),
    // Conf writes the whole file synchronously (atomically), so a crash leaves either version.
    save: (record) => backing.set(storeKey, { ...all(), [keyOf(record)]: record }),
    list: () =>
      Object.entries(all()).flatMap(([key, raw]) => {
        const record = parse(key, raw);
        return record === undefined ? [] : [record];
      }),
  };
}
