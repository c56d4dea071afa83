import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridgeServer, type BridgeServer } from '../../../main/bridge/bridgeServer';
import type { HandlerTable } from '../../../main/ipc/handlers';
import { silentLogger } from '../../../main/base/logger';

let server: BridgeServer;
let secretFile: string;

beforeAll(async () => {
  const parent = await mkdtemp(join(tmpdir(), 'smooz-bridge-'));
  const rendererDir = join(parent, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  // Beside the renderer folder, as the state is: never to be served.
  secretFile = join(parent, 'secret.txt');
  await writeFile(secretFile, 'token');
  const handlers = new Proxy({} as HandlerTable, { get: () => async () => 'answered' });
  server = await startBridgeServer({
    rendererDir,
    endpoint: { handlers, connectEvents: () => () => {} },
    logger: silentLogger,
  });
});

afterAll(() => server.close());

/** A raw request, so the Host header can be what a DNS-rebinding page would send. */
function send(path: string, host: string, method = 'GET'): Promise<number> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method,
        headers: {
          host,
          authorization: `Bearer ${server.token}`,
          'content-type': 'application/json',
        },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(method === 'POST' ? '{}' : undefined);
  });
}

describe('the test bridge', () => {
  it('answers requests addressed to 127.0.0.1 and its port', async () => {
    const { host } = new URL(server.url);
    expect(await send('/index.html', host)).toBe(200);
    expect(await send('/ipc/app%3AgetPreferences', host, 'POST')).toBe(200);
  });

  it('refuses a request for another host name, even with the token (DNS rebinding)', async () => {
    const { port } = new URL(server.url);
    for (const host of [`evil.example:${port}`, `localhost:${port}`, '127.0.0.1', '127.0.0.1:1']) {
      expect(await send('/index.html', host), host).toBe(421);
      expect(await send('/ipc/app%3AgetPreferences', host, 'POST'), host).toBe(421);
    }
  });

  it('serves only the renderer folder, refusing paths that leave it however they are spelt', async () => {
    const { host } = new URL(server.url);
    for (const path of [
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      `/${encodeURIComponent(secretFile)}`,
    ]) {
      expect([403, 404], path).toContain(await send(path, host));
    }
    // Only decoding reveals these: the escape, a NUL, and a broken escape are refused outright.
    expect(await send('/%2E%2E%2Fsecret.txt', host)).toBe(403);
    expect(await send('/index.html%00.js', host)).toBe(403);
    expect(await send('/%E0%A4%A', host)).toBe(403);
  });
});
