import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { components } from '../../shared/smooz-api/openapi-types';
import { ConnectionStore } from './connectionStore';
import type { DataSources } from './connectivityTest';
import { NetworkPath } from './networkPath';
import { NO_DATA_SOURCES } from './worldDataSources';
import { FaultPlan } from './faults';
import { IdempotencyCache } from './idempotency';
import { OpenApiContract, type Operation, type OperationId } from './openapiDocument';
import { ProblemError } from './problems';
import { SmoozAwsAccount } from './smoozAwsAccount';

type Settings = components['schemas']['Settings'];
type ConnectionCreate = components['schemas']['ConnectionCreate'];
type MigrationStart = components['schemas']['MigrationStart'];
type MigrationSwitch = components['schemas']['MigrationSwitch'];

export interface SmoozServerOptions {
  /** moto server URL; SMOOZ's account lives there beside the customer's. */
  readonly motoEndpoint: string;
  readonly smoozAccountId?: string;
  readonly adminTokens: readonly string[];
  /** Valid tokens of users who are not administrators: they get 403. */
  readonly memberTokens?: readonly string[];
  /** How long `pending` and `deleting` last. */
  readonly transitionDelayMs?: number;
  readonly supportedRegions?: readonly string[];
  readonly resourceNamePrefix?: string;
  /** The database logins the connectivity test uses (see worldDataSources); none by default. */
  readonly dataSources?: DataSources;
  readonly port?: number;
  readonly host?: string;
  readonly now?: () => number;
}

export interface SmoozServer {
  /** The API base URL (what SMOOZ_API_BASE_URL is set to). */
  readonly url: string;
  readonly settings: Settings;
  readonly faults: FaultPlan;
  readonly connections: ConnectionStore;
  /** Requests that reached an operation, in order (for tests). */
  readonly calls: { operationId: OperationId; status: number }[];
  close(): Promise<void>;
}

export const DEFAULT_SMOOZ_ACCOUNT_ID = '210987654321';
const BASE_PATH = '/privatelink/v1';
const MAX_BODY_BYTES = 64 * 1024;

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };
type Handler = (input: {
  params: Record<string, string>;
  body: unknown;
  idempotencyKey?: string;
  scope: string;
}) => Promise<Answer>;

/** The reference SMOOZ API: the contract in `shared/smooz-api/openapi.yaml`, on loopback. */
export async function startSmoozServer(options: SmoozServerOptions): Promise<SmoozServer> {
  const contract = new OpenApiContract();
  const aws = new SmoozAwsAccount({
    endpoint: options.motoEndpoint,
    accountId: options.smoozAccountId ?? DEFAULT_SMOOZ_ACCOUNT_ID,
  });
  const connections = new ConnectionStore({
    aws,
    transitionDelayMs: options.transitionDelayMs ?? 60_000,
    networkPath: (region) => new NetworkPath(options.motoEndpoint, region),
    dataSources: options.dataSources ?? NO_DATA_SOURCES,
    ...(options.now ? { now: options.now } : {}),
  });
  const settings: Settings = {
    smoozAwsAccountId: aws.accountId,
    smoozRoleArn: aws.roleArn,
    resourceNamePrefix: options.resourceNamePrefix ?? 'smooz-privatelink',
    supportedRegions: [...(options.supportedRegions ?? ['ap-northeast-1'])],
  };
  const faults = new FaultPlan();
  const idempotency = new IdempotencyCache();
  const calls: SmoozServer['calls'] = [];

  const handlers: Record<OperationId, Handler> = {
    getSettings: async () => ({ status: 200, body: settings }),
    listConnections: async () => ({ status: 200, body: { items: await connections.list() } }),
    createConnection: async ({ body, idempotencyKey, scope }) =>
      idempotency.run(scope, idempotencyKey as string, body, async () => {
        const created = await connections.create(body as ConnectionCreate);
        return {
          status: 201,
          body: created,
          headers: { location: `${BASE_PATH}/connections/${created.id}` },
        };
      }),
    getConnection: async ({ params }) => ({
      status: 200,
      body: await connections.get(params.connectionId as string),
    }),
    deleteConnection: async ({ params }) => ({
      status: 202,
      body: await connections.delete(params.connectionId as string),
    }),
    testConnectivity: async ({ params }) => ({
      status: 200,
      body: await connections.testConnectivity(params.connectionId as string),
    }),
    startMigration: async ({ params, body, idempotencyKey, scope }) =>
      idempotency.run(`${scope}:migration`, idempotencyKey as string, body, async () => ({
        status: 201,
        headers: {},
        body: await connections.startMigration(
          params.connectionId as string,
          body as MigrationStart,
        ),
      })),
    cancelMigration: async ({ params }) => ({
      status: 200,
      body: await connections.cancelMigration(params.connectionId as string),
    }),
    testMigrationConnectivity: async ({ params }) => ({
      status: 200,
      body: await connections.testMigrationConnectivity(params.connectionId as string),
    }),
    switchMigration: async ({ params, body }) => ({
      status: 200,
      body: await connections.switchMigration(
        params.connectionId as string,
        (body as MigrationSwitch).endpointServiceName,
      ),
    }),
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, new ProblemError(500, 'internal').toProblem(req.url ?? ''));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const instance = url.pathname;
    let operationId: OperationId | undefined;
    try {
      if (!url.pathname.startsWith(`${BASE_PATH}/`)) throw new ProblemError(404, 'not-found');
      const path = url.pathname.slice(BASE_PATH.length);
      const matched = contract.match(req.method ?? 'GET', path);
      if (!matched) {
        throw contract.pathExists(path)
          ? new ProblemError(405, 'method-not-allowed')
          : new ProblemError(404, 'not-found');
      }
      const { operation, params } = matched;
      operationId = operation.operationId;
      const scope = authenticate(req.headers.authorization);
      const fault = faults.take(operation.operationId);
      if (fault?.kind === 'status') {
        throw new ProblemError(
          fault.status,
          fault.status === 503 ? 'unavailable' : 'internal',
          {},
          fault.retryAfterS === undefined ? {} : { 'retry-after': String(fault.retryAfterS) },
        );
      }
      const input = await validateRequest(req, operation, params);
      const answer = await handlers[operation.operationId]({ ...input, scope });
      if (fault?.kind === 'drop-after-processing') {
        calls.push({ operationId, status: 0 });
        res.destroy();
        return;
      }
      calls.push({ operationId, status: answer.status });
      send(res, answer.body, answer.status, answer.headers);
    } catch (error) {
      const problem = error instanceof ProblemError ? error : new ProblemError(500, 'internal', {});
      if (operationId) calls.push({ operationId, status: problem.status });
      send(res, problem.toProblem(instance), problem.status, problem.headers);
    }
  }

  /** The tenant scope of the token; only administrators get past this. */
  function authenticate(header: string | undefined): string {
    const token = /^Bearer (\S+)$/.exec(header ?? '')?.[1];
    if (token === undefined) throw new ProblemError(401, 'unauthorized');
    if (options.adminTokens.some((t) => same(t, token))) return 'tenant';
    if ((options.memberTokens ?? []).some((t) => same(t, token))) {
      throw new ProblemError(403, 'admin-required', {
        detail: 'PrivateLink settings need a SMOOZ administrator.',
      });
    }
    throw new ProblemError(401, 'unauthorized');
  }

  async function validateRequest(
    req: IncomingMessage,
    operation: Operation,
    params: Record<string, string>,
  ) {
    let idempotencyKey: string | undefined;
    for (const parameter of operation.parameters) {
      const value =
        parameter.in === 'path'
          ? params[parameter.name]
          : parameter.in === 'header'
            ? req.headers[parameter.name.toLowerCase()]
            : undefined;
      if (value === undefined) {
        if (!parameter.required) continue;
        throw new ProblemError(
          400,
          parameter.name === 'Idempotency-Key' ? 'idempotency-key-missing' : 'bad-request',
        );
      }
      const issues = contract.validateParameter(parameter, value);
      if (issues.length > 0) {
        throw parameter.in === 'path'
          ? new ProblemError(404, 'not-found')
          : new ProblemError(400, 'bad-request', { detail: `Invalid ${parameter.name} header.` });
      }
      if (parameter.name === 'Idempotency-Key') idempotencyKey = String(value);
    }
    let body: unknown = undefined;
    if (operation.hasBody) {
      const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim();
      if (type !== 'application/json') {
        throw new ProblemError(400, 'bad-request', { detail: 'Send application/json.' });
      }
      body = await readJson(req);
      const issues = contract.validateRequestBody(operation, body);
      if (issues.length > 0) {
        throw new ProblemError(422, 'validation-failed', {
          errors: issues.map((i) => ({ pointer: i.pointer, detail: i.detail })),
        });
      }
    }
    return { params, body, ...(idempotencyKey ? { idempotencyKey } : {}) };
  }

  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}${BASE_PATH}`,
    settings,
    faults,
    connections,
    calls,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        aws.close();
      }),
  };
}

function same(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function send(
  res: ServerResponse,
  body: unknown,
  status = 500,
  headers: Record<string, string> = {},
): void {
  const isProblem = status >= 400;
  res.writeHead(status, {
    'content-type': isProblem ? 'application/problem+json' : 'application/json',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new ProblemError(400, 'bad-request', { detail: 'Too large.' });
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new ProblemError(400, 'bad-request', { detail: 'The body is not JSON.' });
  }
}
