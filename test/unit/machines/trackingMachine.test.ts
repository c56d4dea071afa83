import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  IllegalTrackingTransitionError,
  isLive,
  reduceTracking,
  startTracking,
  type TrackingEvent,
} from '../../../shared/smooz/trackingMachine';
import {
  TrackingRecordSchema,
  type TrackedConnection,
  type TrackingRecord,
  type TrackingState,
} from '../../../shared/smooz/trackingRecord';

const create: TrackedConnection = {
  connectionId: 'conn-00000001',
  purpose: 'create',
  startedAt: '2026-01-01T00:00:00.000Z',
  customerSide: { region: 'ap-northeast-1' },
};
const remove: TrackedConnection = {
  ...create,
  purpose: 'delete',
  startedAt: '2026-01-01T00:10:00.000Z',
};
const error = { code: 'smooz.unauthorized' };

const active = startTracking(create);
const paused = reduceTracking(active, { type: 'paused', error });
const finished = reduceTracking(active, { type: 'settled' });
const timedOut = reduceTracking(active, { type: 'timedOut' });
const IN: Record<TrackingState, TrackingRecord> = { active, paused, finished, timedOut };

describe('the SMOOZ tracking machine: legal transitions', () => {
  it('starts active, with the entry it was given', () => {
    expect(active).toEqual({ ...create, state: 'active' });
  });

  it('pauses with the reason, and resumes without it', () => {
    expect(paused).toEqual({ ...create, state: 'paused', error });
    expect(reduceTracking(paused, { type: 'resumed' })).toEqual(active);
  });

  it('ends finished or timed out, and only those ends leave the store', () => {
    expect(finished.state).toBe('finished');
    expect(timedOut.state).toBe('timedOut');
    expect([active, paused, finished, timedOut].map(isLive)).toEqual([true, true, false, false]);
  });

  it.each(['active', 'paused'] as const)(
    'lets a deletion replace the creation tracked in %s, restarting the clock',
    (state) => {
      expect(reduceTracking(IN[state], { type: 'tracked', entry: remove })).toEqual({
        ...remove,
        state: 'active',
      });
    },
  );

  it('restarts a tracking asked for again with the same purpose', () => {
    const later = { ...create, startedAt: '2026-01-01T00:05:00.000Z' };
    expect(reduceTracking(active, { type: 'tracked', entry: later })).toEqual(startTracking(later));
    const deleting = startTracking(remove);
    expect(reduceTracking(deleting, { type: 'tracked', entry: remove })).toEqual(deleting);
  });
});

describe('the SMOOZ tracking machine: illegal transitions are refused', () => {
  const refused: [TrackingState | 'deleting', TrackingEvent][] = [
    ['deleting', { type: 'tracked', entry: create }],
    ['active', { type: 'tracked', entry: { ...create, connectionId: 'conn-00000002' } }],
    ['finished', { type: 'tracked', entry: remove }],
    ['timedOut', { type: 'tracked', entry: remove }],
    ['paused', { type: 'paused', error }],
    ['finished', { type: 'paused', error }],
    ['active', { type: 'resumed' }],
    ['finished', { type: 'resumed' }],
    ['paused', { type: 'settled' }],
    ['finished', { type: 'settled' }],
    ['timedOut', { type: 'settled' }],
    ['paused', { type: 'timedOut' }],
    ['timedOut', { type: 'timedOut' }],
  ];
  it.each(refused)('refuses in %s: %o', (state, event) => {
    const record = state === 'deleting' ? startTracking(remove) : IN[state];
    expect(() => reduceTracking(record, event)).toThrow(IllegalTrackingTransitionError);
  });
});

describe('the SMOOZ tracking machine: any sequence of events', () => {
  const entry = fc.record({
    connectionId: fc.constantFrom('conn-00000001', 'conn-00000002'),
    purpose: fc.constantFrom('create', 'delete' as const),
    startedAt: fc.integer({ min: 0, max: 2 ** 40 }).map((ms) => new Date(ms).toISOString()),
    customerSide: fc.constant({ region: 'ap-northeast-1' }),
  });
  const event: fc.Arbitrary<TrackingEvent> = fc.oneof(
    entry.map((e) => ({ type: 'tracked', entry: e }) as const),
    fc.constant({ type: 'paused', error } as const),
    fc.constant({ type: 'resumed' } as const),
    fc.constant({ type: 'settled' } as const),
    fc.constant({ type: 'timedOut' } as const),
  );

  it('never yields a record the schema refuses', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), (events) => {
        let record = startTracking(create);
        for (const e of events) {
          try {
            record = reduceTracking(record, e);
          } catch (refusal) {
            expect(refusal).toBeInstanceOf(IllegalTrackingTransitionError);
          }
          expect(TrackingRecordSchema.safeParse(record).success).toBe(true);
        }
      }),
    );
  });
});
