import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { AppError } from '../../../shared/errors';
import type { SmoozConnectionCreate } from '../../../main/smooz/smoozApiClient';
import { createFakeEncryptor } from '../../smooz-server/fakeEncryptor';
import { startSmoozServer, type SmoozServer } from '../../smooz-server/smoozServer';
import { resetMoto } from '../../support/motoServer';
import { createCustomerEndpointService, endpointsInAccount } from './customerAccount';
import {
  ADMIN_TOKEN,
  MEMBER_TOKEN,
  removeDir,
  startAppInstance,
  type AppInstance,
} from './harness';

const SMOOZ_ACCOUNT = '210987654321';
const CUSTOMER_ACCOUNT = '123456789012';
const REGION = 'ap-northeast-1';

let server: SmoozServer;
const dirs: string[] = [];

beforeAll(async () => {
  await resetMoto(inject('motoEndpoint'));
  server = await startSmoozServer({
    motoEndpoint: inject('motoEndpoint'),
    smoozAccountId: SMOOZ_ACCOUNT,
    adminTokens: [ADMIN_TOKEN],
    memberTokens: [MEMBER_TOKEN],
    transitionDelayMs: 400,
  });
});

afterAll(async () => {
  await server.close();
  await Promise.all(dirs.map(removeDir));
});

async function app(
  options: {
    userDataDir?: string;
    encryptor?: ReturnType<typeof createFakeEncryptor>;
    smoozUrl?: string;
  } = {},
) {
  const instance = await startAppInstance({
    motoEndpoint: inject('motoEndpoint'),
    smoozUrl: options.smoozUrl ?? server.url,
    encryptor: options.encryptor ?? createFakeEncryptor(),
    ...(options.userDataDir ? { userDataDir: options.userDataDir } : {}),
  });
  dirs.push(instance.userDataDir);
  return instance;
}

function request(
  service: { serviceName: string; zones: { id: string; name: string }[] },
  name: string,
): SmoozConnectionCreate {
  return {
    name,
    customerAwsAccountId: CUSTOMER_ACCOUNT,
    region: REGION,
    availabilityZones: service.zones,
    endpointServiceName: service.serviceName,
    dbAuthMethod: 'password',
  };
}

async function caught(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

async function track(
  instance: AppInstance,
  id: string,
  service: { serviceId: string; targetGroupArn: string },
) {
  instance.smooz.tracker.track({
    connectionId: id,
    purpose: 'create',
    startedAt: new Date().toISOString(),
    customerSide: {
      region: REGION,
      endpointServiceId: service.serviceId,
      targetGroupArn: service.targetGroupArn,
    },
  });
  await instance.smooz.tracker.settled(id);
}

describe('SMOOZ client against the reference server', () => {
  it('creates a connection that goes pending → available, with an endpoint in SMOOZ’s account in the given zone', async () => {
    const service = await createCustomerEndpointService(inject('motoEndpoint'), SMOOZ_ACCOUNT);
    const instance = await app();
    await instance.smooz.tokens.write(ADMIN_TOKEN);

    const created = await instance.smooz.client.createConnection(
      request(service, 'flow-available'),
      randomUUID(),
    );
    expect(created.status).toBe('pending');
    await track(instance, created.id, service);

    const statuses = instance.events.map((e) => e.status);
    expect(statuses[0]).toBe('pending');
    const last = instance.events.at(-1);
    expect(last).toMatchObject({ status: 'available', tracking: 'finished' });
    expect(last?.crossCheck?.endpointConnection.state).toBe('available');
    expect(last?.crossCheck?.targets).toMatchObject({ state: 'healthy', healthy: 1, total: 1 });
    expect(last?.crossCheck?.warnings).toEqual([]);
    expect(instance.smooz.tracker.list()).toEqual([]);

    const smoozEndpoints = await endpointsInAccount(inject('motoEndpoint'), SMOOZ_ACCOUNT);
    const endpoint = smoozEndpoints.find((e) => e.VpcEndpointId === last?.vpcEndpointId);
    expect(endpoint?.ServiceName).toBe(service.serviceName);
    expect(endpoint?.VpcEndpointType).toBe('Interface');
    const customerEndpoints = await endpointsInAccount(inject('motoEndpoint'), CUSTOMER_ACCOUNT);
    expect(customerEndpoints.map((e) => e.VpcEndpointId)).not.toContain(last?.vpcEndpointId);
  });

  it('makes one connection when the create answer is lost and the client retries with the same key', async () => {
    const service = await createCustomerEndpointService(inject('motoEndpoint'), SMOOZ_ACCOUNT);
    const instance = await app();
    await instance.smooz.tokens.write(ADMIN_TOKEN);
    server.faults.inject('createConnection', { kind: 'drop-after-processing' });
    const before = server.calls.length;

    const created = await instance.smooz.client.createConnection(
      request(service, 'flow-dropped'),
      randomUUID(),
    );

    const creates = server.calls.slice(before).filter((c) => c.operationId === 'createConnection');
    expect(creates.map((c) => c.status)).toEqual([0, 201]);
    const all = (await instance.smooz.client.listConnections()).items;
    expect(all.filter((c) => c.endpointServiceName === service.serviceName)).toHaveLength(1);
    expect(all.find((c) => c.id === created.id)).toBeDefined();
    const endpoints = await endpointsInAccount(inject('motoEndpoint'), SMOOZ_ACCOUNT);
    expect(endpoints.filter((e) => e.ServiceName === service.serviceName)).toHaveLength(1);
  });

  it('explains 401 (unknown token), 403 (not an administrator) and 422 (invalid body)', async () => {
    const service = await createCustomerEndpointService(inject('motoEndpoint'), SMOOZ_ACCOUNT);
    const instance = await app();

    const unknown = await caught(instance.smooz.clientWithToken('not-a-real-token').getSettings());
    expect(unknown.code).toBe('smooz.unauthorized');
    const member = await caught(instance.smooz.clientWithToken(MEMBER_TOKEN).getSettings());
    expect(member.code).toBe('smooz.adminRequired');

    const admin = instance.smooz.clientWithToken(ADMIN_TOKEN);
    const invalid = await caught(
      admin.createConnection(
        { ...request(service, 'flow-invalid'), dbAuthMethod: 'iam', customerAwsAccountId: '12' },
        randomUUID(),
      ),
    );
    expect(invalid.code).toBe('smooz.validationFailed');
    expect(String(invalid.params.fields)).toContain('/customerAwsAccountId');
  });

  it('retries 5xx answers and then succeeds with a single connection', async () => {
    const service = await createCustomerEndpointService(inject('motoEndpoint'), SMOOZ_ACCOUNT);
    const instance = await app();
    await instance.smooz.tokens.write(ADMIN_TOKEN);
    server.faults.inject('createConnection', { kind: 'status', status: 503, retryAfterS: 0 }, 1);
    server.faults.inject('createConnection', { kind: 'status', status: 500 }, 1);
    const before = server.calls.length;

    const created = await instance.smooz.client.createConnection(
      request(service, 'flow-5xx'),
      randomUUID(),
    );

    const creates = server.calls.slice(before).filter((c) => c.operationId === 'createConnection');
    expect(creates.map((c) => c.status)).toEqual([503, 500, 201]);
    expect(created.endpointServiceName).toBe(service.serviceName);
    const endpoints = await endpointsInAccount(inject('motoEndpoint'), SMOOZ_ACCOUNT);
    expect(endpoints.filter((e) => e.ServiceName === service.serviceName)).toHaveLength(1);
  });

  it('gives up on persistent 5xx with a server error after its attempts', async () => {
    const instance = await app();
    server.faults.inject('getSettings', { kind: 'status', status: 502 }, 10);
    const error = await caught(instance.smooz.clientWithToken(ADMIN_TOKEN).getSettings());
    server.faults.clear();
    expect(error.code).toBe('smooz.serverError');
    expect(error.params.status).toBe(502);
  });

  it('reports `rejected` when the endpoint service does not allow SMOOZ’s account', async () => {
    const service = await createCustomerEndpointService(inject('motoEndpoint'), undefined);
    const instance = await app();
    await instance.smooz.tokens.write(ADMIN_TOKEN);

    const created = await instance.smooz.client.createConnection(
      request(service, 'flow-rejected'),
      randomUUID(),
    );
    await track(instance, created.id, service);

    expect(instance.events.at(-1)).toMatchObject({
      status: 'rejected',
      tracking: 'finished',
      statusReason: { code: 'principal-not-allowed' },
    });
    const endpoints = await endpointsInAccount(inject('motoEndpoint'), SMOOZ_ACCOUNT);
    expect(endpoints.filter((e) => e.ServiceName === service.serviceName)).toHaveLength(0);
  });

  it('reports `failed` when SMOOZ has no subnet in the given zone ID', async () => {
    const service = await createCustomerEndpointService(inject('motoEndpoint'), SMOOZ_ACCOUNT);
    const instance = await app();
    await instance.smooz.tokens.write(ADMIN_TOKEN);
    const created = await instance.smooz.client.createConnection(
      {
        ...request(service, 'flow-zone'),
        availabilityZones: [{ id: 'apne1-az9', name: 'ap-northeast-1z' }],
      },
      randomUUID(),
    );
    await track(instance, created.id, service);
    expect(instance.events.at(-1)).toMatchObject({
      status: 'failed',
      statusReason: { code: 'availability-zone-not-supported' },
    });
  });

  it('resumes tracking an in-flight connection after a restart, its status history kept', async () => {
    const service = await createCustomerEndpointService(inject('motoEndpoint'), SMOOZ_ACCOUNT);
    // A server of its own with a longer `pending`, so the first run surely quits before it ends.
    const slow = await startSmoozServer({
      motoEndpoint: inject('motoEndpoint'),
      smoozAccountId: SMOOZ_ACCOUNT,
      adminTokens: [ADMIN_TOKEN],
      transitionDelayMs: 3_000,
    });
    const encryptor = createFakeEncryptor();
    const first = await app({ encryptor, smoozUrl: slow.url });
    await first.smooz.tokens.write(ADMIN_TOKEN);
    const created = await first.smooz.client.createConnection(
      request(service, 'flow-restart'),
      randomUUID(),
    );
    first.smooz.tracker.track({
      connectionId: created.id,
      purpose: 'create',
      startedAt: new Date().toISOString(),
      customerSide: { region: REGION, endpointServiceId: service.serviceId },
    });
    // The app quits while the connection is still pending, after the first status was shown.
    await vi.waitFor(() => expect(first.events.length).toBeGreaterThan(0), { timeout: 2_000 });
    await first.smooz.tracker.stopAll();
    expect(first.events.map((e) => e.status)).not.toContain('available');

    const second = await app({ encryptor, smoozUrl: slow.url, userDataDir: first.userDataDir });
    expect(second.smooz.tracker.list().map((t) => t.tracked.connectionId)).toEqual([created.id]);
    await second.smooz.tracker.settled(created.id);

    expect(second.events.at(-1)).toMatchObject({
      connectionId: created.id,
      status: 'available',
      tracking: 'finished',
    });
    expect(second.smooz.tracker.list()).toEqual([]);
    // The report's status history spans the restart: what the first run saw comes first.
    const statuses = second.smooz.tracker.history().map((e) => e.status);
    expect(statuses.slice(0, first.events.length)).toEqual(first.events.map((e) => e.status));
    expect(statuses.at(-1)).toBe('available');
    await slow.close();
  });

  it('tracks a deletion until SMOOZ no longer knows the connection', async () => {
    const service = await createCustomerEndpointService(inject('motoEndpoint'), SMOOZ_ACCOUNT);
    const instance = await app();
    await instance.smooz.tokens.write(ADMIN_TOKEN);
    const created = await instance.smooz.client.createConnection(
      request(service, 'flow-delete'),
      randomUUID(),
    );
    const deleting = await instance.smooz.client.deleteConnection(created.id);
    expect(deleting.status).toBe('deleting');
    instance.smooz.tracker.track({
      connectionId: created.id,
      purpose: 'delete',
      startedAt: new Date().toISOString(),
      customerSide: { region: REGION },
    });
    await instance.smooz.tracker.settled(created.id);
    expect(instance.events.at(-1)).toMatchObject({ status: 'deleted', tracking: 'finished' });
    const endpoints = await endpointsInAccount(inject('motoEndpoint'), SMOOZ_ACCOUNT);
    const states = endpoints
      .filter((e) => e.ServiceName === service.serviceName)
      .map((e) => e.State);
    expect(states).toEqual(['deleted']);
  });
});
