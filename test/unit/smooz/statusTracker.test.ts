import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import type { SmoozStatusEvent } from '../../../shared/ipc/channels/smooz';
import type { TrackedConnection, TrackingRecord } from '../../../shared/smooz/trackingRecord';
import type { SmoozApi, SmoozConnection } from '../../../main/smooz/smoozApiClient';
import { createStatusTracker } from '../../../main/smooz/statusTracker';
import type { TrackingStore } from '../../../main/smooz/trackingStore';

const FAST = { initialDelayMs: 1, maxDelayMs: 2, factor: 2, timeLimitMs: 60_000 };

function memoryStore(
  initial: TrackingRecord[] = [],
): TrackingStore & { entries: TrackingRecord[] } {
  const store = {
    entries: [...initial],
    list: () => [...store.entries],
    put(entry: TrackingRecord) {
      store.entries = [
        ...store.entries.filter((e) => e.connectionId !== entry.connectionId),
        entry,
      ];
    },
    remove(id: string) {
      store.entries = store.entries.filter((e) => e.connectionId !== id);
    },
  };
  return store;
}

function connection(status: SmoozConnection['status']): SmoozConnection {
  return {
    id: 'conn-00000001',
    name: 'n',
    customerAwsAccountId: '123456789012',
    region: 'ap-northeast-1',
    availabilityZones: [],
    endpointServiceName: 's',
    dbAuthMethod: 'password',
    status,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  };
}

/** A SMOOZ that answers getConnection from a script: a status, or an error to throw. */
function scriptedApi(script: (SmoozConnection['status'] | AppError)[]): SmoozApi {
  const unused = () => Promise.reject(new Error('not used'));
  return {
    getSettings: unused,
    listConnections: unused,
    createConnection: unused,
    deleteConnection: unused,
    testConnectivity: unused,
    startMigration: unused,
    cancelMigration: unused,
    testMigrationConnectivity: unused,
    switchMigration: unused,
    getConnection: async () => {
      const next = script.length > 1 ? script.shift() : script[0];
      if (next instanceof AppError) throw next;
      return connection(next ?? 'pending');
    },
  };
}

const entry = (startedAt = new Date().toISOString()): TrackedConnection => ({
  connectionId: 'conn-00000001',
  purpose: 'create',
  startedAt,
  customerSide: { region: 'ap-northeast-1' },
});

function run(api: SmoozApi, store: TrackingStore, now?: () => Date) {
  const events: SmoozStatusEvent[] = [];
  const tracker = createStatusTracker({
    client: api,
    store,
    emit: (e) => events.push(e),
    policy: FAST,
    ...(now ? { now } : {}),
  });
  return { tracker, events };
}

describe('SMOOZ status tracker', () => {
  it('emits each change once, not every poll, and stops at available', async () => {
    const store = memoryStore();
    const { tracker, events } = run(
      scriptedApi(['pending', 'pending', 'pending', 'available']),
      store,
    );
    tracker.track(entry());
    await tracker.settled('conn-00000001');
    expect(events.map((e) => [e.status, e.tracking])).toEqual([
      ['pending', 'active'],
      ['available', 'finished'],
    ]);
    expect(store.entries).toEqual([]);
  });

  it('keeps polling through a transient SMOOZ error and reports it meanwhile', async () => {
    const { tracker, events } = run(
      scriptedApi(['pending', new AppError('smooz.serverError', { status: 503 }), 'available']),
      memoryStore(),
    );
    tracker.track(entry());
    await tracker.settled('conn-00000001');
    expect(events.map((e) => e.error?.code ?? e.status)).toEqual([
      'pending',
      'smooz.serverError',
      'available',
    ]);
  });

  it('pauses on a refused token but keeps the connection to resume later', async () => {
    const store = memoryStore();
    const first = run(scriptedApi([new AppError('smooz.unauthorized')]), store);
    first.tracker.track(entry());
    await first.tracker.settled('conn-00000001');
    expect(first.events.at(-1)).toMatchObject({
      tracking: 'paused',
      error: { code: 'smooz.unauthorized' },
    });
    expect(store.entries).toEqual([
      {
        ...entry(store.entries[0]?.startedAt),
        state: 'paused',
        error: { code: 'smooz.unauthorized' },
      },
    ]);

    const second = run(scriptedApi(['available']), store);
    second.tracker.resume();
    await second.tracker.settled('conn-00000001');
    expect(second.events.at(-1)).toMatchObject({ status: 'available', tracking: 'finished' });
    expect(store.entries).toEqual([]);
  });

  it('gives up after the time limit, counted from when tracking first started', async () => {
    const store = memoryStore();
    const startedAt = '2026-01-01T00:00:00.000Z';
    const { tracker, events } = run(
      scriptedApi(['pending']),
      store,
      () => new Date(Date.parse(startedAt) + FAST.timeLimitMs + 1),
    );
    tracker.track(entry(startedAt));
    await tracker.settled('conn-00000001');
    expect(events).toEqual([
      expect.objectContaining({ tracking: 'timedOut', error: { code: 'smooz.trackingTimedOut' } }),
    ]);
    expect(store.entries).toEqual([]);
  });

  it('keeps watching a deletion when asked to watch the same connection for a creation', async () => {
    const store = memoryStore();
    const { tracker } = run(scriptedApi([new AppError('smooz.unauthorized')]), store);
    const deletion = { ...entry(), purpose: 'delete' as const };
    tracker.track(deletion);
    await tracker.settled('conn-00000001');
    tracker.track(entry());
    expect(store.entries).toEqual([expect.objectContaining({ purpose: 'delete' })]);
  });

  it('ends a create whose connection SMOOZ no longer knows', async () => {
    const { tracker, events } = run(scriptedApi([new AppError('smooz.notFound')]), memoryStore());
    tracker.track(entry());
    await tracker.settled('conn-00000001');
    expect(events.at(-1)).toMatchObject({
      tracking: 'finished',
      error: { code: 'smooz.connectionGone' },
    });
  });
});
