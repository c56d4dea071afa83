import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { createSmoozClient, type SmoozApi } from '../../../main/smooz/smoozApiClient';
import { OpenApiContract, type OperationId } from '../../smooz-server/openapiDocument';
import { startSmoozServer, type SmoozServer } from '../../smooz-server/smoozServer';
import { worldDataSources } from '../../smooz-server/worldDataSources';
import { readTestWorld } from '../../support/realDatabases/world';
import { createCustomerEndpointService, type CustomerService } from './customerAccount';
import { ADMIN_TOKEN, MEMBER_TOKEN } from './harness';

const SMOOZ_ACCOUNT = '210987654321';

interface Exchange {
  operationId: OperationId;
  method: string;
  path: string;
  requestHeaders: Headers;
  requestBody: unknown;
  status: number;
  contentType: string | null;
  responseBody: unknown;
}

const contract = new OpenApiContract();
let clock = Date.parse('2026-01-01T00:00:00Z');
let server: SmoozServer;
let service: CustomerService;
/** The service a connection migrates to. */
let next: CustomerService;
const exchanges: Exchange[] = [];

/** Records every exchange the real client makes, to check both sides against the document. */
const recordingFetch: typeof fetch = async (input, init) => {
  const url = new URL(String(input));
  const basePath = new URL(server.url).pathname;
  const path = url.pathname.slice(basePath.length);
  const method = init?.method ?? 'GET';
  const response = await fetch(input, init);
  const text = await response.clone().text();
  const matched = contract.match(method, path);
  if (!matched) throw new Error(`the client called ${method} ${path}, which the document lacks`);
  exchanges.push({
    operationId: matched.operation.operationId,
    method,
    path,
    requestHeaders: new Headers(init?.headers),
    requestBody: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    status: response.status,
    contentType: response.headers.get('content-type'),
    responseBody: text === '' ? undefined : JSON.parse(text),
  });
  return response;
};

function client(token = ADMIN_TOKEN): SmoozApi {
  return createSmoozClient({
    baseUrl: server.url,
    token: async () => token,
    fetch: recordingFetch,
    maxAttempts: 1,
  });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}

beforeAll(async () => {
  server = await startSmoozServer({
    motoEndpoint: inject('motoEndpoint'),
    smoozAccountId: SMOOZ_ACCOUNT,
    adminTokens: [ADMIN_TOKEN],
    memberTokens: [MEMBER_TOKEN],
    transitionDelayMs: 60_000,
    dataSources: worldDataSources(inject('testWorldFile')),
    now: () => clock,
  });
  const { postgres } = readTestWorld(inject('testWorldFile')).databases;
  service = await createCustomerEndpointService(
    inject('motoEndpoint'),
    SMOOZ_ACCOUNT,
    undefined,
    postgres,
  );
  next = await createCustomerEndpointService(
    inject('motoEndpoint'),
    SMOOZ_ACCOUNT,
    undefined,
    postgres,
  );
});

afterAll(() => server.close());

describe('SMOOZ contract: the client and the reference server agree with openapi.yaml', () => {
  it('names one client method per operation of the document', () => {
    const methods = Object.keys(client()).sort();
    expect(methods).toEqual(contract.operations.map((op) => op.operationId).sort());
  });

  it('exercises every operation, with success and documented error answers', async () => {
    const admin = client();
    const body = {
      name: 'contract',
      customerAwsAccountId: '123456789012',
      region: 'ap-northeast-1',
      availabilityZones: service.zones,
      endpointServiceName: service.serviceName,
      dbAuthMethod: 'iam' as const,
      iamRoleArn: 'arn:aws:iam::123456789012:role/smooz-rds-connect',
    };
    await admin.getSettings();
    const key = randomUUID();
    const created = await admin.createConnection(body, key);
    expect(await codeOf(admin.createConnection({ ...body, name: 'other' }, key))).toBe(
      'smooz.idempotencyKeyReused',
    );
    expect(await codeOf(admin.testConnectivity(created.id))).toBe('smooz.invalidState');
    clock += 60_000;
    expect((await admin.getConnection(created.id)).status).toBe('available');
    expect(await codeOf(admin.createConnection(body, randomUUID()))).toBe(
      'smooz.endpointServiceInUse',
    );
    expect((await admin.testConnectivity(created.id)).outcome).toBe('succeeded');

    // Migration: a second endpoint, tested, cancelled, started again, switched.
    const target = { endpointServiceName: next.serviceName, availabilityZones: next.zones };
    expect(await codeOf(admin.switchMigration(created.id, next.serviceName))).toBe(
      'smooz.invalidState',
    );
    const migrating = await admin.startMigration(created.id, target, randomUUID());
    expect(migrating.migration).toMatchObject({ status: 'pending' });
    expect(migrating.endpointServiceName).toBe(service.serviceName);
    expect(await codeOf(admin.testMigrationConnectivity(created.id))).toBe('smooz.invalidState');
    clock += 60_000;
    expect((await admin.testMigrationConnectivity(created.id)).outcome).toBe('succeeded');
    expect((await admin.cancelMigration(created.id)).migration).toBeUndefined();
    await admin.startMigration(created.id, target, randomUUID());
    clock += 60_000;
    expect(await codeOf(admin.switchMigration(created.id, next.serviceName))).toBe(
      'smooz.invalidState',
    );
    expect((await admin.testMigrationConnectivity(created.id)).outcome).toBe('succeeded');
    const switched = await admin.switchMigration(created.id, next.serviceName);
    expect(switched).toMatchObject({
      endpointServiceName: next.serviceName,
      retiredEndpoint: { endpointServiceName: service.serviceName, status: 'deleting' },
    });
    expect((await admin.testConnectivity(created.id)).outcome).toBe('succeeded');
    expect((await admin.listConnections()).items.map((c) => c.id)).toContain(created.id);
    expect((await admin.deleteConnection(created.id)).status).toBe('deleting');
    clock += 60_000;
    expect(await codeOf(admin.getConnection(created.id))).toBe('smooz.notFound');
    expect(await codeOf(admin.deleteConnection(created.id))).toBe('smooz.notFound');
    expect(await codeOf(admin.testConnectivity('conn-0000000000000000'))).toBe('smooz.notFound');
    expect(await codeOf(client('unknown-token-value').listConnections())).toBe(
      'smooz.unauthorized',
    );
    expect(await codeOf(client(MEMBER_TOKEN).getSettings())).toBe('smooz.adminRequired');
    const { iamRoleArn: _withoutRole, ...iamWithoutRole } = body;
    expect(await codeOf(admin.createConnection(iamWithoutRole, randomUUID()))).toBe(
      'smooz.validationFailed',
    );
    server.faults.inject('getConnection', { kind: 'status', status: 503, retryAfterS: 1 });
    expect(await codeOf(admin.getConnection(created.id))).toBe('smooz.serverError');

    const exercised = new Set(exchanges.filter((e) => e.status < 300).map((e) => e.operationId));
    expect([...exercised].sort()).toEqual(contract.operations.map((op) => op.operationId).sort());
  });

  it('sends only requests the document allows', () => {
    expect(exchanges.length).toBeGreaterThan(10);
    for (const exchange of exchanges) {
      const { operation, params } = contract.match(exchange.method, exchange.path) ?? {};
      if (!operation || !params) throw new Error('unmatched exchange');
      for (const parameter of operation.parameters) {
        const value =
          parameter.in === 'path'
            ? params[parameter.name]
            : exchange.requestHeaders.get(parameter.name);
        if (parameter.required)
          expect(value, `${operation.operationId} ${parameter.name}`).toBeTruthy();
        if (value) expect(contract.validateParameter(parameter, value)).toEqual([]);
      }
      expect(exchange.requestHeaders.get('authorization')).toMatch(/^Bearer \S+$/);
      if (operation.hasBody) {
        // The 422 case sends a body the server must refuse; every other body must be valid.
        const issues = contract.validateRequestBody(operation, exchange.requestBody);
        expect(issues.length === 0 || exchange.status === 422).toBe(true);
      } else {
        expect(exchange.requestBody).toBeUndefined();
      }
    }
  });

  it('answers only with documented statuses, media types and bodies (RFC 9457 for errors)', () => {
    const statuses = new Set<string>();
    for (const exchange of exchanges) {
      statuses.add(`${exchange.operationId} ${exchange.status}`);
      const issues = contract.validateResponse(
        exchange.operationId,
        exchange.status,
        exchange.contentType,
        exchange.responseBody,
      );
      expect(issues, `${exchange.operationId} ${exchange.status}`).toEqual([]);
      if (exchange.status >= 400) {
        expect(exchange.contentType).toBe('application/problem+json');
        expect(exchange.responseBody).toMatchObject({ status: exchange.status });
      }
    }
    for (const expected of [
      'createConnection 201',
      'createConnection 409',
      'createConnection 422',
      'getConnection 404',
      'getConnection 503',
      'testConnectivity 409',
      'deleteConnection 202',
      'startMigration 201',
      'testMigrationConnectivity 409',
      'switchMigration 409',
      'switchMigration 200',
      'cancelMigration 200',
      'listConnections 401',
      'getSettings 403',
    ]) {
      expect(statuses).toContain(expected);
    }
  });

  it('answers a create without Idempotency-Key with a documented 400 problem', async () => {
    const response = await fetch(`${server.url}/connections`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({}),
    });
    const body: unknown = await response.json();
    expect(response.status).toBe(400);
    expect(body).toMatchObject({ code: 'idempotency-key-missing' });
    expect(
      contract.validateResponse(
        'createConnection',
        400,
        response.headers.get('content-type'),
        body,
      ),
    ).toEqual([]);
  });
});
