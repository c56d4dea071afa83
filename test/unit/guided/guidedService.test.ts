import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import type { SetupState } from '../../../shared/flow/state';
import type { ConnectionSummary } from '../../../shared/connections';
import type { GuidedRecord } from '../../../shared/guided/guidedRecord';
import type { SmoozConnectivityTestResult } from '../../../shared/smooz/apiShapes';
import type { CrossCheck } from '../../../shared/smooz/crossCheck';
import { createGuidedService, type GuidedServiceDeps } from '../../../main/guided/guidedService';
import type { GuidedStore } from '../../../main/guided/guidedStore';
import { silentLogger } from '../../../main/base/logger';
import type { SmoozConnection, SmoozConnectionCreate } from '../../../main/smooz/smoozApiClient';
import { SmoozErrorCodes } from '../../../main/smooz/smoozErrors';
import { samplePlan, stack } from '../../support/flowFixtures';

const outputs = {
  endpointServiceName: 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0',
  endpointServiceId: 'vpce-svc-0123456789abcdef0',
  availabilityZones: ['ap-northeast-1a', 'ap-northeast-1c'],
  availabilityZoneIds: ['apne1-az4', 'apne1-az1'],
  loadBalancerArn: 'arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/net/x/1',
  targetGroupArn: 'arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/x/1',
};
const healthy: CrossCheck = {
  checkedAt: '2026-01-01T00:00:00.000Z',
  endpointConnection: { state: 'available' },
  targets: { state: 'healthy', healthy: 1, total: 1, reasons: [] },
  warnings: [],
};

/** SMOOZ as the service sees it: a create keyed by idempotency key, statuses set by the test. */
function fakeWorld(initial: SetupState) {
  let flow = initial;
  const smoozConnections = new Map<string, SmoozConnection>();
  const byKey = new Map<string, string>();
  const calls: string[] = [];
  const records = new Map<string, GuidedRecord>();
  const lines = new Map<string, ConnectionSummary>();
  let connectivity: AppError | Omit<SmoozConnectivityTestResult, 'connectionId' | 'checkedAt'> = {
    outcome: 'succeeded',
    checked: 'query',
  };
  const store: GuidedStore = {
    load: (id) => records.get(id),
    save: (r) => void records.set(r.connectionId, r),
    list: () => [...records.values()],
  };
  const deps: GuidedServiceDeps = {
    engine: {
      get: () => flow,
      teardown: async () => {
        calls.push('engine.teardown');
        flow = {
          step: 'tornDown',
          plan: flow.plan,
          created: [],
          teardown: { removed: [stack], alreadyGone: [] },
        };
        return flow;
      },
      settled: async () => flow,
      acceptEndpoint: async (_id, vpcEndpointId) => {
        calls.push(`engine.acceptEndpoint ${vpcEndpointId}`);
        return flow;
      },
    },
    smooz: {
      client: {
        createConnection: async (body: SmoozConnectionCreate, key: string) => {
          calls.push(`create:${key}`);
          const existing = byKey.get(key);
          if (existing) return smoozConnections.get(existing) as SmoozConnection;
          const id = `conn-${String(smoozConnections.size + 1).padStart(8, '0')}`;
          const created: SmoozConnection = {
            ...body,
            id,
            status: 'pending',
            createdAt: '2026-01-01T00:00:00.000Z',
            updatedAt: '2026-01-01T00:00:00.000Z',
          };
          smoozConnections.set(id, created);
          byKey.set(key, id);
          return created;
        },
        getConnection: async (id: string) => {
          const found = smoozConnections.get(id);
          if (!found) throw new AppError(SmoozErrorCodes.notFound);
          return found;
        },
        testConnectivity: async (id: string) => {
          calls.push(`test:${id}`);
          if (connectivity instanceof AppError) throw connectivity;
          return { connectionId: id, ...connectivity, checkedAt: '2026-01-01T00:01:00.000Z' };
        },
        deleteConnection: async (id: string) => {
          calls.push('smooz.delete');
          const found = smoozConnections.get(id) as SmoozConnection;
          smoozConnections.delete(id);
          return { ...found, status: 'deleting' };
        },
      } as unknown as GuidedServiceDeps['smooz']['client'],
      tracker: {
        track: (entry: { purpose: string; connectionId: string }) =>
          calls.push(`track:${entry.purpose}:${entry.connectionId}`),
        settled: async () => undefined,
      } as unknown as GuidedServiceDeps['smooz']['tracker'],
    },
    crossCheck: async () => {
      calls.push('crossCheck');
      return healthy;
    },
    store,
    connections: {
      upsertConnection: (line) => void lines.set(line.id, line),
      removeConnection: (id) => void lines.delete(id),
    },
    logger: silentLogger,
  };
  return {
    deps,
    calls,
    lines,
    records,
    setStatus(status: SmoozConnection['status'], reason?: SmoozConnection['statusReason']) {
      for (const [id, c] of smoozConnections) {
        smoozConnections.set(id, { ...c, status, ...(reason ? { statusReason: reason } : {}) });
      }
    },
    smoozCount: () => smoozConnections.size,
    setConnectivity(next: typeof connectivity) {
      connectivity = next;
    },
  };
}

const complete: SetupState = { step: 'complete', plan: samplePlan, created: [stack], outputs };

describe('guided flow: stack outputs to SMOOZ to a verified, listed connection', () => {
  it('sends the outputs as SMOOZ form (zone IDs with names) and starts tracking', async () => {
    const world = fakeWorld(complete);
    const service = createGuidedService(world.deps);
    const seen: GuidedRecord[] = [];
    service.subscribe((r) => seen.push(r));
    const record = await service.finish(samplePlan.connectionId);
    expect(record.phase).toBe('tracking');
    expect(record.smoozStatus).toBe('pending');
    expect(seen.map((r) => r.phase)).toEqual(['creating', 'tracking']);
    expect(world.calls.some((c) => c.startsWith('track:create:conn-'))).toBe(true);
    expect(world.lines.get(samplePlan.connectionId)?.status).toBe('in-progress');
    expect(world.lines.get(samplePlan.connectionId)?.endpointServiceName).toBe(
      outputs.endpointServiceName,
    );
  });

  it('never makes a second SMOOZ connection when finish is called again (retry, restart)', async () => {
    const world = fakeWorld(complete);
    await createGuidedService(world.deps).finish(samplePlan.connectionId);
    // A new service over the same store: what a restart looks like.
    await createGuidedService(world.deps).finish(samplePlan.connectionId);
    expect(world.smoozCount()).toBe(1);
  });

  it('replays the same idempotency key when a crash came between saving and SMOOZ answering', async () => {
    const world = fakeWorld(complete);
    world.records.set(samplePlan.connectionId, {
      connectionId: samplePlan.connectionId,
      phase: 'creating',
      attempt: 1,
      history: [],
      startedAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    await createGuidedService(world.deps).finish(samplePlan.connectionId);
    const fresh = fakeWorld(complete);
    await createGuidedService(fresh.deps).finish(samplePlan.connectionId);
    expect(world.calls.find((c) => c.startsWith('create:'))).toBe(
      fresh.calls.find((c) => c.startsWith('create:')),
    );
  });

  it('on available, verifies from the customer side and lists the connection as available', async () => {
    const world = fakeWorld(complete);
    const service = createGuidedService(world.deps);
    await service.finish(samplePlan.connectionId);
    world.setStatus('available');
    const record = await service.get(samplePlan.connectionId);
    expect(record?.phase).toBe('available');
    expect(record?.history.map((h) => h.status)).toEqual(['pending', 'available']);
    expect(record?.verification?.crossCheck).toEqual(healthy);
    expect(world.lines.get(samplePlan.connectionId)?.status).toBe('available');
  });

  it('on available, runs SMOOZ’s connectivity test once and keeps its result with the verification', async () => {
    const world = fakeWorld(complete);
    const service = createGuidedService(world.deps);
    await service.finish(samplePlan.connectionId);
    expect((await service.get(samplePlan.connectionId))?.verification).toBeUndefined();
    world.setStatus('available');
    const record = await service.get(samplePlan.connectionId);
    expect(record?.verification?.connectivity).toMatchObject({
      outcome: 'succeeded',
      checked: 'query',
    });
    expect(world.calls.filter((c) => c.startsWith('test:'))).toHaveLength(1);
  });

  it('re-check runs the connectivity test again and shows the broken link it found', async () => {
    const world = fakeWorld(complete);
    const service = createGuidedService(world.deps);
    await service.finish(samplePlan.connectionId);
    world.setStatus('available');
    await service.get(samplePlan.connectionId);
    world.setConnectivity({
      outcome: 'failed',
      brokenLink: 'tcp-refused',
      target: { address: '10.0.1.5', port: 5432 },
      reason: { code: 'tcp-refused', message: 'connect ECONNREFUSED' },
    });
    const record = await service.recheck(samplePlan.connectionId);
    expect(record.verification?.connectivity).toMatchObject({
      outcome: 'failed',
      brokenLink: 'tcp-refused',
    });
    expect(world.calls.filter((c) => c.startsWith('test:'))).toHaveLength(2);
  });

  it('keeps a connectivity test that could not run apart from a failed one', async () => {
    const world = fakeWorld(complete);
    const service = createGuidedService(world.deps);
    await service.finish(samplePlan.connectionId);
    world.setStatus('available');
    world.setConnectivity(new AppError(SmoozErrorCodes.unreachable));
    const record = await service.get(samplePlan.connectionId);
    expect(record?.phase).toBe('available');
    expect(record?.verification?.connectivity).toBeUndefined();
    expect(record?.verification?.connectivityError?.code).toBe(SmoozErrorCodes.unreachable);
  });

  it('reports a rejection with SMOOZ reason, and a retry creates a new connection', async () => {
    const world = fakeWorld(complete);
    const service = createGuidedService(world.deps);
    await service.finish(samplePlan.connectionId);
    world.setStatus('rejected', { code: 'principal-not-allowed', message: 'not allowed' });
    const rejected = await service.get(samplePlan.connectionId);
    expect(rejected?.phase).toBe('rejected');
    expect(rejected?.problem?.params?.reason).toBe('principal-not-allowed');
    expect(world.lines.get(samplePlan.connectionId)?.status).toBe('failed');
    const retried = await service.finish(samplePlan.connectionId);
    expect(retried.attempt).toBe(2);
    expect(world.smoozCount()).toBe(2);
  });

  it("links a migration's new setup to SMOOZ's existing connection: listed as available, no second create, and its teardown removes SMOOZ's side first", async () => {
    const world = fakeWorld(complete);
    const existing = await world.deps.smooz.client.createConnection(
      { name: 'prod' } as SmoozConnectionCreate,
      'made-by-the-old-setup',
    );
    world.setStatus('available');
    world.calls.length = 0;
    const service = createGuidedService(world.deps);
    const seen: GuidedRecord[] = [];
    service.subscribe((r) => seen.push(r));
    const record = await service.link(samplePlan.connectionId, existing.id);
    expect(record).toMatchObject({ smoozConnectionId: existing.id, phase: 'available' });
    expect(seen.map((r) => r.phase)).toEqual(['available']);
    expect(world.lines.get(samplePlan.connectionId)?.status).toBe('available');
    // Again (a restart before the migration kept its step): the same record, nothing new.
    expect(
      await createGuidedService(world.deps).link(samplePlan.connectionId, existing.id),
    ).toEqual(record);
    expect(world.calls.filter((c) => c.startsWith('create:'))).toEqual([]);
    expect(world.smoozCount()).toBe(1);

    await service.teardown(samplePlan.connectionId);
    await service.settled(samplePlan.connectionId);
    expect(world.calls.filter((c) => c === 'smooz.delete' || c === 'engine.teardown')).toEqual([
      'smooz.delete',
      'engine.teardown',
    ]);
  });

  it('refuses to hand over a flow whose stack is not complete', async () => {
    const world = fakeWorld({
      step: 'creatingStack',
      plan: samplePlan,
      created: [],
      progress: { done: 0, total: 0 },
    });
    await expect(
      createGuidedService(world.deps).finish(samplePlan.connectionId),
    ).rejects.toMatchObject({
      code: 'guided.notComplete',
    });
  });

  it('tears down SMOOZ endpoint first, then the AWS side, and drops the connection from the list', async () => {
    const world = fakeWorld(complete);
    const service = createGuidedService(world.deps);
    await service.finish(samplePlan.connectionId);
    const seen: GuidedRecord[] = [];
    service.subscribe((r) => seen.push(r));
    const started = await service.teardown(samplePlan.connectionId);
    expect(started?.phase).toBe('deleting');
    await service.settled(samplePlan.connectionId);
    const order = world.calls.filter((c) => c === 'smooz.delete' || c === 'engine.teardown');
    expect(order).toEqual(['smooz.delete', 'engine.teardown']);
    expect(seen.at(-1)?.phase).toBe('deleted');
    expect(world.lines.has(samplePlan.connectionId)).toBe(false);
  });

  it('starts a retried teardown without the problem of the last attempt (the screen shows it running)', async () => {
    const world = fakeWorld(complete);
    const service = createGuidedService(world.deps);
    const finished = await service.finish(samplePlan.connectionId);
    world.records.set(samplePlan.connectionId, {
      ...finished,
      phase: 'deleting',
      problem: { code: SmoozErrorCodes.trackingTimedOut },
    });
    const started = await service.teardown(samplePlan.connectionId);
    expect(started?.phase).toBe('deleting');
    expect(started?.problem).toBeUndefined();
    await service.settled(samplePlan.connectionId);
  });
});
