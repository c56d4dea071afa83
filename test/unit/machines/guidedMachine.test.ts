import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  IllegalGuidedTransitionError,
  reduceGuided,
  startGuided,
  type GuidedEvent,
} from '../../../shared/guided/guidedMachine';
import {
  GUIDED_PHASES,
  GuidedRecordSchema,
  type GuidedPhaseName,
  type GuidedRecord,
} from '../../../shared/guided/guidedRecord';

const T0 = '2026-01-01T00:00:00.000Z';
const T1 = '2026-01-01T00:01:00.000Z';
const ID = 'conn-00000001';

const answer = (
  status: 'pending' | 'available' | 'failed' | 'rejected' | 'deleting',
  extra: { statusReason?: { code: string; message: string }; vpcEndpointId?: string } = {},
): GuidedEvent => ({ type: 'smoozAnswered', connection: { id: ID, status, ...extra }, at: T1 });
const error = { code: 'smooz.unreachable' };
const verification = { checkedAt: T1, smoozStatus: 'available' as const };

const created = startGuided('c-1', T0);
const tracking = reduceGuided(created, answer('pending', { vpcEndpointId: 'vpce-1' }));
const createFailed = reduceGuided(created, { type: 'createFailed', error, at: T1 });
const at = (phase: GuidedPhaseName): GuidedRecord => {
  switch (phase) {
    case 'creating':
      return created;
    case 'tracking':
      return tracking;
    case 'deleting':
      return reduceGuided(tracking, { type: 'teardownStarted', at: T1 });
    case 'deleted':
      return reduceGuided(at('deleting'), { type: 'smoozDeleted', at: T1 });
    default:
      return reduceGuided(tracking, answer(phase));
  }
};

describe('the guided record machine: legal transitions', () => {
  it('starts a record at its first create attempt, before SMOOZ is asked', () => {
    expect(created).toEqual({
      connectionId: 'c-1',
      phase: 'creating',
      attempt: 1,
      history: [],
      startedAt: T0,
      updatedAt: T0,
    });
  });

  it.each([
    ['pending', 'tracking'],
    ['available', 'available'],
    ['failed', 'failed'],
    ['rejected', 'rejected'],
    ['deleting', 'deleting'],
  ] as const)('takes SMOOZ status %s as phase %s, with its id and history', (status, phase) => {
    const next = reduceGuided(created, answer(status));
    expect(next).toMatchObject({ phase, smoozConnectionId: ID, smoozStatus: status });
    expect(next.history).toEqual([{ status, at: T1 }]);
  });

  it('adds a status to the history only when it changed, and keeps the endpoint id SMOOZ gave', () => {
    const again = reduceGuided(tracking, answer('pending'));
    expect(again.history).toHaveLength(1);
    expect(again.vpcEndpointId).toBe('vpce-1');
  });

  it('keeps SMOOZ reason as the problem and drops it once SMOOZ gives none', () => {
    const rejected = reduceGuided(
      tracking,
      answer('rejected', { statusReason: { code: 'x', message: 'm' } }),
    );
    expect(rejected.problem).toEqual({
      code: 'guided.smoozStatusReason',
      params: { reason: 'x', message: 'm' },
    });
    expect(reduceGuided(rejected, answer('pending')).problem).toBeUndefined();
  });

  it('fails a create SMOOZ never answered, and retries it under the same attempt (same key)', () => {
    expect(createFailed).toMatchObject({ phase: 'failed', problem: error, attempt: 1 });
    const retried = reduceGuided(createFailed, { type: 'attemptStarted', at: T1 });
    expect(retried).toMatchObject({ phase: 'creating', attempt: 1 });
    expect(retried.problem).toBeUndefined();
    expect(reduceGuided(created, { type: 'attemptStarted', at: T1 }).attempt).toBe(1);
  });

  it.each(['failed', 'rejected'] as const)(
    'starts a new attempt after SMOOZ said %s, forgetting the old SMOOZ id',
    (phase) => {
      const retried = reduceGuided(at(phase), { type: 'attemptStarted', at: T1 });
      expect(retried).toMatchObject({ phase: 'creating', attempt: 2 });
      expect(retried.smoozConnectionId).toBeUndefined();
      expect(retried.problem).toBeUndefined();
    },
  );

  it('keeps the verification in every phase SMOOZ answered in', () => {
    for (const phase of GUIDED_PHASES.filter((p) => p !== 'creating')) {
      const next = reduceGuided(at(phase), { type: 'verified', verification, at: T1 });
      expect(next.verification).toEqual(verification);
      expect(next.phase).toBe(phase);
    }
  });

  it('notes a problem in any phase without changing it; a failed poll leaves updatedAt alone', () => {
    for (const phase of GUIDED_PHASES) {
      const noted = reduceGuided(at(phase), { type: 'problemNoted', error, at: T1 });
      expect(noted).toMatchObject({ phase, problem: error, updatedAt: T1 });
    }
    const polled = reduceGuided({ ...tracking, updatedAt: T0 }, { type: 'pollFailed', error });
    expect(polled).toMatchObject({ phase: 'tracking', problem: error, updatedAt: T0 });
  });

  it.each(['tracking', 'available', 'failed', 'rejected', 'deleting'] as const)(
    'starts a teardown from %s with the last problem cleared, then records SMOOZ deletion',
    (phase) => {
      const deleting = reduceGuided(
        { ...at(phase), problem: error },
        { type: 'teardownStarted', at: T1 },
      );
      expect(deleting.phase).toBe('deleting');
      expect(deleting.problem).toBeUndefined();
      const deleted = reduceGuided(deleting, { type: 'smoozDeleted', at: T1 });
      expect(deleted.phase).toBe('deleted');
      expect(deleted.history.at(-1)).toEqual({ status: 'deleted', at: T1 });
    },
  );
});

describe('the guided record machine: illegal transitions are refused', () => {
  const refused: [GuidedPhaseName | 'createFailed', GuidedEvent][] = [
    ['tracking', { type: 'attemptStarted', at: T1 }],
    ['available', { type: 'attemptStarted', at: T1 }],
    ['deleting', { type: 'attemptStarted', at: T1 }],
    ['deleted', { type: 'attemptStarted', at: T1 }],
    ['deleted', answer('available')],
    ['tracking', { type: 'smoozAnswered', connection: { id: 'other', status: 'pending' }, at: T1 }],
    ['tracking', { type: 'createFailed', error, at: T1 }],
    ['failed', { type: 'createFailed', error, at: T1 }],
    ['creating', { type: 'verified', verification, at: T1 }],
    ['createFailed', { type: 'verified', verification, at: T1 }],
    ['creating', { type: 'pollFailed', error }],
    ['creating', { type: 'teardownStarted', at: T1 }],
    ['createFailed', { type: 'teardownStarted', at: T1 }],
    ['deleted', { type: 'teardownStarted', at: T1 }],
    ['tracking', { type: 'smoozDeleted', at: T1 }],
    ['deleted', { type: 'smoozDeleted', at: T1 }],
  ];
  it.each(refused)('refuses in %s: %o', (phase, event) => {
    const record = phase === 'createFailed' ? createFailed : at(phase);
    expect(() => reduceGuided(record, event)).toThrow(IllegalGuidedTransitionError);
  });

  it('names the phase and the event in the refusal', () => {
    try {
      reduceGuided(at('deleted'), { type: 'smoozDeleted', at: T1 });
      expect.unreachable();
    } catch (e) {
      expect((e as IllegalGuidedTransitionError).toData()).toEqual({
        code: 'guided.illegalTransition',
        params: { phase: 'deleted', event: 'smoozDeleted' },
      });
    }
  });
});

describe('the guided record machine: any sequence of events', () => {
  const iso = fc
    .integer({ min: Date.parse(T0), max: Date.parse('2027-01-01T00:00:00.000Z') })
    .map((ms) => new Date(ms).toISOString());
  const status = fc.constantFrom('pending', 'available', 'failed', 'rejected', 'deleting' as const);
  const event: fc.Arbitrary<GuidedEvent> = fc.oneof(
    iso.map((t) => ({ type: 'attemptStarted', at: t }) as const),
    fc
      .record({
        id: fc.constantFrom(ID, 'conn-00000002'),
        status,
        vpcEndpointId: fc.option(fc.constant('vpce-1'), { nil: undefined }),
        statusReason: fc.option(fc.constant({ code: 'r', message: 'm' }), { nil: undefined }),
      })
      .chain((connection) =>
        iso.map((t) => ({ type: 'smoozAnswered', connection, at: t }) as const),
      ),
    iso.map((t) => ({ type: 'createFailed', error, at: t }) as const),
    iso.map((t) => ({ type: 'verified', verification, at: t }) as const),
    iso.map((t) => ({ type: 'problemNoted', error, at: t }) as const),
    fc.constant({ type: 'pollFailed', error } as const),
    iso.map((t) => ({ type: 'teardownStarted', at: t }) as const),
    iso.map((t) => ({ type: 'smoozDeleted', at: t }) as const),
  );

  it('never yields a record the schema refuses, and a refused event leaves the record as it was', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        let record = startGuided('c-1', T0);
        for (const e of events) {
          const before = JSON.stringify(record);
          try {
            record = reduceGuided(record, e);
          } catch (refusal) {
            expect(refusal).toBeInstanceOf(IllegalGuidedTransitionError);
            expect(JSON.stringify(record)).toBe(before);
          }
          expect(GuidedRecordSchema.safeParse(record).success).toBe(true);
        }
      }),
    );
  });
});
