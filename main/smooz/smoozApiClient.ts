import { AppError } from '../../shared/errors';
import type { components, operations } from '../../shared/smooz-api/openapi-types';
import type { Logger } from '../base/logger';
import { backoffDelay, sleep as defaultSleep, type BackoffPolicy } from '../base/backoff';
import { SmoozErrorCodes as Codes } from './smoozErrors';

export type SmoozSettings = components['schemas']['Settings'];
export type SmoozConnection = components['schemas']['Connection'];
export type SmoozConnectionCreate = components['schemas']['ConnectionCreate'];
export type SmoozConnectionList = components['schemas']['ConnectionList'];
export type SmoozConnectivityTestResult = components['schemas']['ConnectivityTestResult'];
export type SmoozMigrationStart = components['schemas']['MigrationStart'];
type Problem = components['schemas']['Problem'];

/** The JSON body the document gives an operation's success status. */
type SuccessBody<Op extends keyof operations, Status extends number> =
  operations[Op]['responses'] extends Record<Status, { content: { 'application/json': infer B } }>
    ? B
    : never;

/**
 * One method per operation of `shared/smooz-api/openapi.yaml`, named by its operationId; the
 * mapped type makes a missing or renamed operation a compile error.
 */
export type SmoozApi = {
  getSettings(): Promise<SuccessBody<'getSettings', 200>>;
  listConnections(): Promise<SuccessBody<'listConnections', 200>>;
  createConnection(
    body: SmoozConnectionCreate,
    idempotencyKey: string,
  ): Promise<SuccessBody<'createConnection', 201>>;
  getConnection(connectionId: string): Promise<SuccessBody<'getConnection', 200>>;
  deleteConnection(connectionId: string): Promise<SuccessBody<'deleteConnection', 202>>;
  testConnectivity(connectionId: string): Promise<SuccessBody<'testConnectivity', 200>>;
  startMigration(
    connectionId: string,
    body: SmoozMigrationStart,
    idempotencyKey: string,
  ): Promise<SuccessBody<'startMigration', 201>>;
  cancelMigration(connectionId: string): Promise<SuccessBody<'cancelMigration', 200>>;
  testMigrationConnectivity(
    connectionId: string,
  ): Promise<SuccessBody<'testMigrationConnectivity', 200>>;
  switchMigration(
    connectionId: string,
    endpointServiceName: string,
  ): Promise<SuccessBody<'switchMigration', 200>>;
} & Record<keyof operations, unknown>;

export interface SmoozClientOptions {
  readonly baseUrl: string;
  /** Read on every call so a token entered later is used at once. */
  readonly token: () => Promise<string | undefined>;
  readonly fetch?: typeof fetch;
  /** Per attempt. */
  readonly timeoutMs?: number;
  readonly maxAttempts?: number;
  readonly backoff?: BackoffPolicy;
  /** Upper bound for a server's Retry-After. */
  readonly maxRetryAfterMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly logger?: Logger;
}

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The typed SMOOZ client. Every operation is safe to retry (create carries an Idempotency-Key),
 * so 5xx, 429, timeouts and network errors are retried with backoff; 4xx answers become
 * `smooz.*` errors the renderer explains. The token goes only into the Authorization header.
 */
export function createSmoozClient(options: SmoozClientOptions): SmoozApi {
  const base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
  if (base.protocol !== 'https:' && !(base.protocol === 'http:' && LOOPBACK.has(base.hostname))) {
    throw new AppError(Codes.insecureBaseUrl, { url: base.origin });
  }
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxAttempts = options.maxAttempts ?? 4;
  const backoff = options.backoff ?? { baseDelayMs: 500, maxDelayMs: 8_000 };
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;
  const wait = options.sleep ?? ((ms: number) => defaultSleep(ms));
  const log = options.logger;

  async function call<T>(
    operationId: keyof operations,
    method: string,
    path: string,
    extra: { body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<T> {
    const token = await options.token();
    if (!token) throw new AppError(Codes.tokenMissing);
    const url = new URL(path, base);
    let lastError: AppError = new AppError(Codes.unreachable);
    let nextDelayMs = 0;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      if (attempt > 1) await wait(nextDelayMs);
      let response: Response;
      try {
        response = await doFetch(url, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'application/json, application/problem+json',
            ...(extra.body === undefined ? {} : { 'content-type': 'application/json' }),
            ...extra.headers,
          },
          ...(extra.body === undefined ? {} : { body: JSON.stringify(extra.body) }),
          signal: AbortSignal.timeout(timeoutMs),
          redirect: 'error',
        });
      } catch (error) {
        const timedOut = (error as Error).name === 'TimeoutError';
        lastError = new AppError(timedOut ? Codes.timeout : Codes.unreachable, {}, error);
        log?.warn('smooz.requestFailed', { operationId, attempt, timedOut });
        nextDelayMs = backoffDelay(backoff, attempt, options.random);
        continue;
      }
      log?.info('smooz.response', { operationId, status: response.status, attempt });
      if (response.ok) return (await readJson(response)) as T;
      const problem = await readProblem(response);
      lastError = errorFor(response.status, problem);
      const retryable =
        RETRYABLE_STATUS.has(response.status) ||
        (response.status === 409 && problem?.code === 'idempotency-key-in-use');
      if (!retryable) throw lastError;
      nextDelayMs = Math.max(
        Math.min(maxRetryAfterMs, retryAfterSeconds(response) * 1000),
        backoffDelay(backoff, attempt, options.random),
      );
    }
    throw lastError;
  }

  const id = (connectionId: string) => encodeURIComponent(connectionId);
  return {
    getSettings: () => call('getSettings', 'GET', 'settings'),
    listConnections: () => call('listConnections', 'GET', 'connections'),
    createConnection: (body, idempotencyKey) =>
      call('createConnection', 'POST', 'connections', {
        body,
        headers: { 'idempotency-key': idempotencyKey },
      }),
    getConnection: (connectionId) =>
      call('getConnection', 'GET', `connections/${id(connectionId)}`),
    deleteConnection: (connectionId) =>
      call('deleteConnection', 'DELETE', `connections/${id(connectionId)}`),
    testConnectivity: (connectionId) =>
      call('testConnectivity', 'POST', `connections/${id(connectionId)}/connectivity-test`),
    startMigration: (connectionId, body, idempotencyKey) =>
      call('startMigration', 'POST', `connections/${id(connectionId)}/migration`, {
        body,
        headers: { 'idempotency-key': idempotencyKey },
      }),
    cancelMigration: (connectionId) =>
      call('cancelMigration', 'DELETE', `connections/${id(connectionId)}/migration`),
    testMigrationConnectivity: (connectionId) =>
      call(
        'testMigrationConnectivity',
        'POST',
        `connections/${id(connectionId)}/migration/connectivity-test`,
      ),
    switchMigration: (connectionId, endpointServiceName) =>
      call('switchMigration', 'POST', `connections/${id(connectionId)}/migration/switch`, {
        body: { endpointServiceName },
      }),
  };
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch (error) {
    throw new AppError(Codes.invalidResponse, { status: response.status }, error);
  }
}

async function readProblem(response: Response): Promise<Problem | undefined> {
  try {
    const body = (await response.json()) as Problem;
    return typeof body === 'object' && body !== null ? body : undefined;
  } catch {
    return undefined;
  }
}

function retryAfterSeconds(response: Response): number {
  const value = Number(response.headers.get('retry-after'));
  return Number.isFinite(value) && value > 0 ? value : 0;
}

/** The user-facing error for a problem answer; only the problem's code crosses to the renderer. */
function errorFor(status: number, problem: Problem | undefined): AppError {
  const code = problem?.code ?? '';
  switch (status) {
    case 400:
      return new AppError(Codes.badRequest, { problem: code });
    case 401:
      return new AppError(Codes.unauthorized);
    case 403:
      return new AppError(Codes.adminRequired);
    case 404:
      return new AppError(Codes.notFound);
    case 409:
      if (code === 'endpoint-service-in-use') return new AppError(Codes.endpointServiceInUse);
      if (code === 'invalid-state') return new AppError(Codes.invalidState);
      return new AppError(Codes.conflict, { problem: code });
    case 422: {
      if (code === 'idempotency-key-reused') return new AppError(Codes.idempotencyKeyReused);
      const fields = [...new Set((problem?.errors ?? []).map((e) => e.pointer || '/'))];
      return new AppError(Codes.validationFailed, { fields: fields.join(', ') });
    }
    default:
      return status >= 500
        ? new AppError(Codes.serverError, { status })
        : new AppError(Codes.unexpectedStatus, { status });
  }
}
