import { describe, expect, it } from 'vitest';
import { createSmoozClient } from '../../../main/smooz/smoozApiClient';
import type { Logger } from '../../../main/base/logger';

const TOKEN = 'smz_secret_token_value_42';
const BASE = 'https://api.smooz.example/privatelink/v1';
const settings = {
  smoozAwsAccountId: '210987654321',
  smoozRoleArn: 'arn:aws:iam::210987654321:role/smooz-privatelink',
  resourceNamePrefix: 'f',
  supportedRegions: ['ap-northeast-1'],
};

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': status >= 400 ? 'application/problem+json' : 'application/json',
      ...headers,
    },
  });

function harness(answers: (() => Response | Promise<Response>)[]) {
  const requests: { url: string; init: RequestInit | undefined }[] = [];
  const sleeps: number[] = [];
  const logs: string[] = [];
  const record =
    (level: string) =>
    (message: string, fields?: Record<string, unknown>): void => {
      logs.push(JSON.stringify({ level, message, fields }));
    };
  const logger: Logger = { info: record('info'), warn: record('warn'), error: record('error') };
  const client = createSmoozClient({
    baseUrl: BASE,
    token: async () => TOKEN,
    fetch: async (input, init) => {
      requests.push({ url: String(input), init });
      const next = answers.shift();
      if (!next) throw new Error('no more answers');
      return next();
    },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    logger,
  });
  return { client, requests, sleeps, logs };
}

describe('SMOOZ API client', () => {
  it('retries network errors with growing delays, then succeeds', async () => {
    const h = harness([
      () => Promise.reject(new TypeError('fetch failed')),
      () => Promise.reject(new TypeError('fetch failed')),
      () => json(200, settings),
    ]);
    await expect(h.client.getSettings()).resolves.toEqual(settings);
    expect(h.requests).toHaveLength(3);
    expect(h.sleeps).toHaveLength(2);
    expect(h.sleeps[1]).toBeGreaterThan(h.sleeps[0] as number);
  });

  it('waits at least what Retry-After asks on 503', async () => {
    const h = harness([
      () => json(503, { type: 'x', title: 't', status: 503 }, { 'retry-after': '7' }),
      () => json(200, settings),
    ]);
    await h.client.getSettings();
    expect(h.sleeps).toEqual([7000]);
  });

  it('reports a timeout when every attempt times out', async () => {
    const timeout = () => Promise.reject(new DOMException('timed out', 'TimeoutError'));
    const h = harness([timeout, timeout, timeout, timeout]);
    await expect(h.client.getSettings()).rejects.toMatchObject({ code: 'smooz.timeout' });
    expect(h.requests).toHaveLength(4);
  });

  it.each([
    [400, 'smooz.badRequest'],
    [401, 'smooz.unauthorized'],
    [403, 'smooz.adminRequired'],
    [404, 'smooz.notFound'],
    [409, 'smooz.conflict'],
    [422, 'smooz.validationFailed'],
  ])('does not retry %i and explains it as %s', async (status, code) => {
    const h = harness([() => json(status, { type: 'x', title: 't', status })]);
    await expect(h.client.getConnection('conn-00000000')).rejects.toMatchObject({ code });
    expect(h.requests).toHaveLength(1);
  });

  it('retries a 409 for an Idempotency-Key still in use, with the same key', async () => {
    const h = harness([
      () => json(409, { type: 'x', title: 't', status: 409, code: 'idempotency-key-in-use' }),
      () => json(201, { id: 'conn-00000000' }),
    ]);
    await h.client.createConnection(
      {
        name: 'n',
        customerAwsAccountId: '123456789012',
        region: 'ap-northeast-1',
        availabilityZones: [{ id: 'apne1-az4', name: 'ap-northeast-1a' }],
        endpointServiceName: 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0',
        dbAuthMethod: 'password',
      },
      'key-0123456789abcdef',
    );
    const keys = h.requests.map((r) => new Headers(r.init?.headers).get('idempotency-key'));
    expect(keys).toEqual(['key-0123456789abcdef', 'key-0123456789abcdef']);
  });

  it('puts the token in the Authorization header only, never in logs', async () => {
    const h = harness([
      () => Promise.reject(new TypeError('fetch failed')),
      () => json(200, settings),
    ]);
    await h.client.getSettings();
    expect(new Headers(h.requests[0]?.init?.headers).get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(h.requests.every((r) => !r.url.includes(TOKEN))).toBe(true);
    expect(h.logs.length).toBeGreaterThan(0);
    expect(h.logs.join('\n')).not.toContain(TOKEN);
  });

  it('refuses to send a token to a plain-http address other than loopback', () => {
    expect(() =>
      createSmoozClient({ baseUrl: 'http://api.smooz.example/v1', token: async () => TOKEN }),
    ).toThrow(expect.objectContaining({ code: 'smooz.insecureBaseUrl' }));
    expect(() =>
      createSmoozClient({ baseUrl: 'http://127.0.0.1:4010/v1', token: async () => TOKEN }),
    ).not.toThrow();
  });

  it('asks for a token before calling SMOOZ without one', async () => {
    const client = createSmoozClient({
      baseUrl: BASE,
      token: async () => undefined,
      fetch: () => Promise.reject(new Error('must not be called')),
    });
    await expect(client.getSettings()).rejects.toMatchObject({ code: 'smooz.tokenMissing' });
  });
});
