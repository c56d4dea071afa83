import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerAppScheme, RENDERER_URL, serveRenderer } from '../../../main/electron/appProtocol';
import { createFakeElectron } from '../../support/fakeElectron';

let root: string;
let answer: (url: string, method?: string) => Promise<Response>;
let fake: ReturnType<typeof createFakeElectron>;

beforeAll(async () => {
  const parent = await mkdtemp(join(tmpdir(), 'smooz-protocol-'));
  root = join(parent, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  // Beside the renderer folder, as the main bundle and the state are: never to be served.
  await writeFile(join(parent, 'secret.txt'), 'token');
  fake = createFakeElectron();
  serveRenderer(fake.electron.protocol, root);
  answer = (url, method = 'GET') => {
    const handler = fake.protocolHandlers.get('app');
    if (!handler) throw new Error('app: is not handled');
    return handler({ url, method } as Request);
  };
});

describe('the app:// protocol the renderer is served over', () => {
  it('is registered as a standard, secure scheme before the app is ready', () => {
    const electron = createFakeElectron();
    registerAppScheme(electron.electron.protocol);
    expect(electron.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(RENDERER_URL).toBe('app://smooz/index.html');
  });

  it('serves the built files with their content types', async () => {
    const page = await answer(RENDERER_URL);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>app</title>');
    const script = await answer('app://smooz/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await answer('app://smooz/')).status).toBe(200);
    expect((await answer('app://smooz/assets/missing.js')).status).toBe(404);
  });

  it('refuses paths that leave the renderer folder, however they are spelt', async () => {
    for (const url of [
      'app://smooz/%2e%2e/secret.txt',
      'app://smooz/%2E%2E%2Fsecret.txt',
      'app://smooz/assets/..%2f..%2fsecret.txt',
      'app://smooz/..%5csecret.txt',
      'app://smooz/%2e%2e%5csecret.txt',
      `app://smooz/${encodeURIComponent(join(root, '..', 'secret.txt'))}`,
      'app://smooz/index.html%00.js',
      'app://smooz/%E0%A4%A',
    ]) {
      const response = await answer(url);
      expect([403, 404], url).toContain(response.status);
      expect(await response.text(), url).not.toContain('token');
    }
    // An encoded slash is not a path segment to the URL parser: only decoding reveals the escape.
    expect((await answer('app://smooz/%2E%2E%2Fsecret.txt')).status).toBe(403);
  });

  it('answers only its own host, and only GET', async () => {
    expect((await answer('app://other/index.html')).status).toBe(403);
    expect((await answer(RENDERER_URL, 'POST')).status).toBe(405);
  });
});
