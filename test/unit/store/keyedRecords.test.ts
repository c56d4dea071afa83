import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createKeyedRecords } from '../../../main/base/keyedRecords';
import type { Logger } from '../../../main/base/logger';

const RecordSchema = z.object({ id: z.string(), step: z.enum(['one', 'two']) });
type Rec = z.infer<typeof RecordSchema>;

function recordsIn(initial: Record<string, unknown>) {
  const file: { things: Record<string, unknown> } = { things: initial };
  const warnings: { event: string; fields: unknown }[] = [];
  const logger = {
    warn: (event: string, fields: unknown) => warnings.push({ event, fields }),
  } as unknown as Logger;
  const backing = {
    get: (key: 'things') => file[key],
    set: (key: 'things', value: Record<string, unknown>) => {
      file[key] = value;
    },
  };
  const records = createKeyedRecords(backing, logger, {
    storeKey: 'things',
    schema: RecordSchema,
    keyOf: (r: Rec) => r.id,
    unreadableEvent: 'test.thingUnreadable',
  });
  return { file, warnings, records };
}

describe('keyed records in the state file', () => {
  it('saves a record under its own key beside the others and reads it back parsed', () => {
    const { file, records } = recordsIn({ a: { id: 'a', step: 'one' } });
    records.save({ id: 'b', step: 'two' });
    expect(Object.keys(file.things)).toEqual(['a', 'b']);
    expect(records.load('b')).toEqual({ id: 'b', step: 'two' });
    expect(records.list().map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('replaces a record saved again under the same key (the latest transition wins)', () => {
    const { records } = recordsIn({});
    records.save({ id: 'a', step: 'one' });
    records.save({ id: 'a', step: 'two' });
    expect(records.list()).toEqual([{ id: 'a', step: 'two' }]);
  });

  it('skips a record the schema refuses and says which, instead of trusting it', () => {
    const { records, warnings } = recordsIn({
      good: { id: 'good', step: 'one' },
      bad: { id: 'bad', step: 'three' },
    });
    expect(records.load('bad')).toBeUndefined();
    expect(records.list().map((r) => r.id)).toEqual(['good']);
    expect(warnings).toContainEqual({ event: 'test.thingUnreadable', fields: { key: 'bad' } });
  });

  it('answers nothing, without a warning, for a key never saved', () => {
    const { records, warnings } = recordsIn({});
    expect(records.load('missing')).toBeUndefined();
    expect(warnings).toEqual([]);
  });
});
