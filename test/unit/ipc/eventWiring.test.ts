import { describe, expect, it } from 'vitest';
import { startDiscard } from '../../../shared/flow/discard';
import { initialState } from '../../../shared/flow/reducer';
import { events as eventSchemas } from '../../../shared/ipc/contract';
import { DEFAULT_PREFERENCES } from '../../../shared/preferences';
import { INITIAL_UPDATE_STATUS } from '../../../shared/update/updateState';
import type { MainServices } from '../../../main/app/mainServices';
import { createListeners } from '../../../main/base/listeners';
import type { EngineEvent } from '../../../main/engine/setupEngine';
import { wireEvents } from '../../../main/ipc/eventWiring';
import { samplePlan } from '../../support/flowFixtures';
import { manualSetup } from '../../support/lifecycle/foundSetups';
import { partsOf, reduceAdoption, startAdoption } from '../../../shared/lifecycle/adopt';
import type { LifecycleEvent } from '../../../main/lifecycle/lifecycleService';
import type { MigrationEventOut } from '../../../main/lifecycle/migrator';
import { startMigration } from '../../../shared/lifecycle/migrate';
import { startUpgrade, type UpgradeState } from '../../../shared/lifecycle/upgrade';

/** Each service that emits, as a bare subscribable the test can fire. */
function emitters() {
  const sources = {
    store: createListeners<unknown>(),
    ssoLogins: createListeners<unknown>(),
    ssoSessionWatch: createListeners<unknown>(),
    smooz: createListeners<unknown>(),
    setup: createListeners<EngineEvent>(),
    guided: createListeners<unknown>(),
    update: createListeners<unknown>(),
    lifecycle: createListeners<LifecycleEvent>(),
    migrator: createListeners<MigrationEventOut>(),
    upgrader: createListeners<UpgradeState>(),
  };
  return { sources, services: sources as unknown as MainServices };
}

const smoozEvent = {
  connectionId: 'conn-1',
  status: 'available',
  tracking: 'finished',
  at: '2026-01-01T00:00:00.000Z',
};

describe('the contract event table, wired once at start-up', () => {
  it('brings every contract event from its service to the sink, with a payload the contract accepts', () => {
    const { sources, services } = emitters();
    const seen: { event: string; payload: unknown }[] = [];
    wireEvents(services, { emit: (event, payload) => void seen.push({ event, payload }) });

    sources.store.emit(DEFAULT_PREFERENCES);
    sources.ssoLogins.emit({ loginId: 'login-1', stage: 'browserOpened' });
    sources.ssoSessionWatch.emit({
      sessionKey: 'corp',
      session: 'corp',
      state: 'ended',
      endsAt: null,
    });
    sources.smooz.emit(smoozEvent);
    sources.setup.emit({ type: 'stateChanged', state: initialState(samplePlan) });
    sources.setup.emit({
      type: 'discardChanged',
      state: startDiscard({ ...samplePlan, local: true, resources: [] }),
    });
    sources.setup.emit({
      type: 'stackEvents',
      connectionId: 'conn-1',
      events: [],
      done: 1,
      total: 4,
    });
    sources.guided.emit({ not: 'checked here' });
    sources.update.emit(INITIAL_UPDATE_STATUS);
    sources.lifecycle.emit({
      type: 'adoptionChanged',
      state: startAdoption(manualSetup(), '本番', '2026-01-01T00:00:00.000Z'),
    });
    sources.migrator.emit({
      type: 'migrationChanged',
      state: startMigration({
        adoption: reduceAdoption(startAdoption(manualSetup(), '本番', 't0'), {
          type: 'verified',
          parts: partsOf(manualSetup()),
          at: 't1',
        }),
        request: {
          connectionName: '本番',
          database: { kind: 'instance', identifier: 'customer-postgres' },
          authMethod: 'password',
          smoozAccountId: '210987654321',
        },
        smoozIdempotencyKey: 'migration-key-0123456789',
        at: '2026-01-01T00:00:00.000Z',
      }),
    });

    sources.upgrader.emit(
      startUpgrade({
        connectionId: 'conn-1',
        connectionName: '本番',
        profile: 'default',
        region: 'ap-northeast-1',
        stackName: 'smooz-privatelink-prod',
        fromVersion: 1,
        toVersion: 2,
        startedAt: '2026-01-01T00:00:00.000Z',
      }),
    );

    expect(new Set(seen.map((s) => s.event))).toEqual(new Set(Object.keys(eventSchemas)));
    for (const { event, payload } of seen.filter((s) => s.event !== 'guided:changed')) {
      expect(
        eventSchemas[event as keyof typeof eventSchemas].safeParse(payload).success,
        event,
      ).toBe(true);
    }
  });

  it('sends each engine event under its own name only', () => {
    const { sources, services } = emitters();
    const names: string[] = [];
    wireEvents(services, { emit: (event) => void names.push(event) });
    sources.setup.emit({
      type: 'stackEvents',
      connectionId: 'conn-1',
      events: [],
      done: 0,
      total: 1,
    });
    expect(names).toEqual(['setup:stackEvents']);
  });

  it('stops every subscription when unwired', () => {
    const { sources, services } = emitters();
    const names: string[] = [];
    const unwire = wireEvents(services, { emit: (event) => void names.push(event) });
    unwire();
    sources.store.emit(DEFAULT_PREFERENCES);
    sources.setup.emit({
      type: 'stackEvents',
      connectionId: 'conn-1',
      events: [],
      done: 0,
      total: 1,
    });
    sources.update.emit(INITIAL_UPDATE_STATUS);
    expect(names).toEqual([]);
  });
});
