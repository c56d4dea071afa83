import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMING } from '../../../main/engine/timing';
import { createMigrator, type MigratorDeps } from '../../../main/lifecycle/migrator';
import type { MigrationState } from '../../../shared/lifecycle/migrate';
import { VirtualClock } from '../../support/virtualClock';

const START = Date.UTC(2026, 0, 5, 9, 0, 0);
const MINUTE = 60_000;
const NEW_SERVICE = 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0new';

/** A migration the app was running when it quit, at the step that waits for SMOOZ. */
const connecting = {
  phase: 'running',
  step: 'connectingSmooz',
  stopRequested: false,
  key: 'vpce-svc-0old',
  name: '本番 PostgreSQL',
  profile: 'prod',
  region: 'ap-northeast-1',
  accountId: '123456789012',
  origin: 'handMade',
  oldParts: {
    endpointServiceId: 'vpce-svc-0old',
    endpointServiceName: 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0old',
    targetGroupArns: [],
  },
  smoozConnectionId: 'conn-1',
  request: {
    connectionName: '本番 PostgreSQL',
    database: { kind: 'instance', identifier: 'prod-pg' },
    authMethod: 'password',
    smoozAccountId: '210987654321',
  },
  newConnectionId: 'c-new',
  smoozIdempotencyKey: 'key-0123456789abcdef',
  newSetup: {
    endpointServiceName: NEW_SERVICE,
    availabilityZones: [{ id: 'apne1-az1', name: 'ap-northeast-1a' }],
  },
  completed: [{ step: 'creatingNewSetup', at: new Date(START).toISOString() }],
  startedAt: new Date(START).toISOString(),
} as unknown as MigrationState;

function migratorWaitingOnSmooz(clock: VirtualClock, smoozTakesMinutes: number) {
  const saved = new Map<string, MigrationState>([[connecting.key, connecting]]);
  let reads = 0;
  const smooz = {
    getConnection: async () => {
      reads++;
      const ready = clock.now() - START >= smoozTakesMinutes * MINUTE;
      return ready
        ? { id: 'conn-1', endpointServiceName: NEW_SERVICE }
        : { id: 'conn-1', endpointServiceName: 'old', migration: { status: 'pending' } };
    },
    startMigration: async () => ({}),
  };
  const migrator = createMigrator({
    migrations: {
      load: (key: string) => saved.get(key),
      save: (state: MigrationState) => saved.set(state.key, state),
      list: () => [...saved.values()],
    },
    smooz,
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    now: () => new Date(clock.now()),
    timing: { clock, poll: DEFAULT_TIMING.poll, smoozWaitMs: 15 * MINUTE },
  } as unknown as MigratorDeps);
  return { migrator, reads: () => reads };
}

describe("a migration's wait for SMOOZ", () => {
  it("waits on the injected clock, by the engine's poll policy, until SMOOZ's endpoint is available", async () => {
    const clock = new VirtualClock(START);
    const { migrator, reads } = migratorWaitingOnSmooz(clock, 12);
    migrator.resumeInterrupted();
    const end = await migrator.settled(connecting.key);
    expect(end.completed.map((c) => c.step)).toContain('connectingSmooz');
    expect(clock.now() - START).toBeGreaterThanOrEqual(12 * MINUTE);
    // The policy backs off while nothing moves: far fewer reads than one per fast poll.
    expect(reads()).toBeLessThan((12 * MINUTE) / DEFAULT_TIMING.poll.fastMs);
  });

  it('fails the step with smoozTimeout once 15 minutes of the clock have passed', async () => {
    const clock = new VirtualClock(START);
    const { migrator } = migratorWaitingOnSmooz(clock, 60);
    migrator.resumeInterrupted();
    const end = await migrator.settled(connecting.key);
    expect(end).toMatchObject({ phase: 'failed', error: { code: 'lifecycle.smoozTimeout' } });
    expect(clock.now() - START).toBeGreaterThanOrEqual(15 * MINUTE);
    expect(clock.now() - START).toBeLessThan(16 * MINUTE);
  });
});
