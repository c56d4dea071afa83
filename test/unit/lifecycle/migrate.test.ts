import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  partsOf,
  reduceAdoption,
  startAdoption,
  type AdoptionState,
} from '../../../shared/lifecycle/adopt';
import {
  canRollBack,
  IllegalMigrationTransitionError,
  MIGRATION_STEPS,
  MigrationStateSchema,
  reduceMigration,
  startMigration,
  type MigrationEvent,
  type MigrationState,
  type MigrationStep,
} from '../../../shared/lifecycle/migrate';
import { manualSetup } from '../../support/lifecycle/foundSetups';

const setup = manualSetup();
const adopted: AdoptionState = reduceAdoption(startAdoption(setup, '本番DB', 't0'), {
  type: 'verified',
  parts: partsOf(setup),
  at: 't1',
});
const newSetup = {
  endpointServiceName: 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0aaaaaaaaaaaaaaaa',
  availabilityZones: [{ id: 'apne1-az4', name: 'ap-northeast-1a' }],
};
const request = {
  connectionName: '本番DB',
  database: { kind: 'instance', identifier: 'customer-postgres' },
  authMethod: 'password',
  smoozAccountId: '210987654321',
} as const;
const started = startMigration({
  adoption: adopted,
  request,
  smoozIdempotencyKey: 'migration-key-0123456789',
  at: '2026-12-02T05:00:00Z',
});
const done = (step: MigrationStep): MigrationEvent => ({
  type: 'stepDone',
  step,
  at: `at-${step}`,
  ...(step === 'creatingNewSetup' ? { newSetup } : {}),
});
const planned: MigrationEvent = { type: 'newSetupPlanned', newConnectionId: 'conn-new' };
const runTo = (step: MigrationStep): MigrationState => {
  let s = reduceMigration(started, planned);
  for (const each of MIGRATION_STEPS.slice(0, MIGRATION_STEPS.indexOf(step))) {
    s = reduceMigration(s, done(each));
  }
  return s;
};
const failure: MigrationEvent = { type: 'failed', error: { code: 'aws.throttled' } };

describe('the migration machine (shared/lifecycle/migrate.ts)', () => {
  it('starts only from an adopted setup SMOOZ is connected through, at the new setup', () => {
    expect(started).toMatchObject({
      phase: 'running',
      step: 'creatingNewSetup',
      oldParts: partsOf(setup),
      smoozConnectionId: 'conn-0123456789',
      completed: [],
    });
    const { smoozConnectionId: _c, ...withoutSmooz } = adopted;
    expect(() =>
      startMigration({
        adoption: withoutSmooz,
        request,
        smoozIdempotencyKey: 'k',
        at: 't',
      }),
    ).toThrow(/migrationNeedsAdoptedSmoozConnection/);
  });

  it('walks the six steps in order to done, keeping the new setup’s service and zones', () => {
    expect(() => reduceMigration(started, done('creatingNewSetup'))).toThrow(
      IllegalMigrationTransitionError,
    );
    let s = reduceMigration(started, planned);
    expect(() => reduceMigration(s, planned)).toThrow(IllegalMigrationTransitionError);
    for (const step of MIGRATION_STEPS) {
      expect(s).toMatchObject({ phase: 'running', step });
      s = reduceMigration(s, done(step));
    }
    expect(s).toMatchObject({
      phase: 'done',
      finishedAt: 'at-tearingDownOld',
      newSetup,
      newConnectionId: 'conn-new',
    });
    expect(s.completed.map((c) => c.step)).toEqual([...MIGRATION_STEPS]);
  });

  it('refuses a step finished out of order, and the new setup without its facts', () => {
    expect(() => reduceMigration(runTo('creatingNewSetup'), done('switching'))).toThrow(
      IllegalMigrationTransitionError,
    );
    expect(() =>
      reduceMigration(started, { type: 'stepDone', step: 'creatingNewSetup', at: 't' }),
    ).toThrow(IllegalMigrationTransitionError);
  });

  it('stops between steps when asked during one, and resumes at the next', () => {
    const asked = reduceMigration(runTo('testingNewPath'), { type: 'stopRequested' });
    expect(() => reduceMigration(asked, { type: 'stopRequested' })).toThrow(
      IllegalMigrationTransitionError,
    );
    const stopped = reduceMigration(asked, done('testingNewPath'));
    expect(stopped).toMatchObject({ phase: 'stopped', step: 'switching' });
    expect(() => reduceMigration(stopped, done('switching'))).toThrow(
      IllegalMigrationTransitionError,
    );
    expect(reduceMigration(stopped, { type: 'resumed' })).toMatchObject({
      phase: 'running',
      step: 'switching',
      stopRequested: false,
    });
  });

  it('rolls back only while SMOOZ is certainly on the old path (before the switch)', () => {
    for (const step of MIGRATION_STEPS) {
      const failed = reduceMigration(runTo(step), failure);
      const before = MIGRATION_STEPS.indexOf(step) < MIGRATION_STEPS.indexOf('switching');
      expect(canRollBack(failed)).toBe(before);
      if (before) {
        const back = reduceMigration(failed, { type: 'rollBackStarted' });
        expect(back).toMatchObject({ phase: 'rollingBack', step });
        expect(reduceMigration(back, { type: 'rolledBack', at: 'end' })).toMatchObject({
          phase: 'rolledBack',
        });
      } else {
        expect(() => reduceMigration(failed, { type: 'rollBackStarted' })).toThrow(
          IllegalMigrationTransitionError,
        );
      }
    }
  });

  it('resumes a rollback that failed as a rollback, not as the migration', () => {
    const back = reduceMigration(reduceMigration(runTo('connectingSmooz'), failure), {
      type: 'rollBackStarted',
    });
    const failedBack = reduceMigration(back, failure);
    expect(failedBack).toMatchObject({ phase: 'failed', step: 'rollingBack' });
    expect(canRollBack(failedBack)).toBe(false);
    expect(reduceMigration(failedBack, { type: 'resumed' })).toMatchObject({
      phase: 'rollingBack',
      step: 'connectingSmooz',
    });
  });

  it('accepts nothing after done or rolled back', () => {
    const finished = runTo('tearingDownOld');
    const end = reduceMigration(finished, done('tearingDownOld'));
    for (const event of [failure, { type: 'resumed' }, { type: 'stopRequested' }] as const) {
      expect(() => reduceMigration(end, event)).toThrow(IllegalMigrationTransitionError);
    }
  });

  it('keeps the schema and its step order under any sequence of events (property)', () => {
    const event = fc.oneof(
      fc.constantFrom(...MIGRATION_STEPS).map(done),
      fc.constant<MigrationEvent>(planned),
      fc.constant<MigrationEvent>({ type: 'stopRequested' }),
      fc.constant<MigrationEvent>(failure),
      fc.constant<MigrationEvent>({ type: 'resumed' }),
      fc.constant<MigrationEvent>({ type: 'rollBackStarted' }),
      fc.constant<MigrationEvent>({ type: 'rolledBack', at: 'end' }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        let s = started;
        for (const e of events) {
          try {
            s = reduceMigration(s, e);
          } catch (error) {
            if (!(error instanceof IllegalMigrationTransitionError)) throw error;
          }
          MigrationStateSchema.parse(s);
          const order = s.completed.map((c) => MIGRATION_STEPS.indexOf(c.step));
          expect(order).toEqual(order.map((_, i) => i));
          // Past the switch there is no way back to the old path.
          if (order.length > MIGRATION_STEPS.indexOf('switching')) {
            expect(s.phase).not.toMatch(/rollingBack|rolledBack/);
          }
        }
      }),
    );
  });
});
