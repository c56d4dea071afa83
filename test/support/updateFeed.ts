import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request, type ClientRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppImageUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor';

/**
 * A SMOOZ-style update feed on 127.0.0.1: `latest*.yml` naming one artifact with its SHA-512
 * and size, and the artifact. `tamper` serves other bytes than the ones the feed describes.
 */
export async function startUpdateFeed(options: { version: string; tamper?: boolean }) {
  const artifact = randomBytes(64 * 1024);
  const fileName = `SMOOZ-PrivateLink-Setup-Assistant-${options.version}.AppImage`;
  const sha512 = createHash('sha512').update(artifact).digest('base64');
  const latest = [
    `version: ${options.version}`,
    'files:',
    `  - url: ${fileName}`,
    `    sha512: ${sha512}`,
    `    size: ${artifact.length}`,
    `path: ${fileName}`,
    `sha512: ${sha512}`,
    "releaseDate: '2026-12-01T00:00:00.000Z'",
    '',
  ].join('\n');
  const served = options.tamper
    ? Buffer.concat([artifact.subarray(0, -1), Buffer.from([0])])
    : artifact;
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(path);
    if (/^\/latest(-[a-z0-9-]+)?\.yml$/.test(path)) {
      res.writeHead(200, { 'content-type': 'text/yaml' }).end(latest);
    } else if (path === `/${fileName}`) {
      res.writeHead(200, { 'content-length': served.length }).end(served);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    artifact,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Electron's HTTP executor with Node's http in place of Electron's `net` (the only Electron part). */
class NodeHttpExecutor extends ElectronHttpExecutor {
  override createRequest(
    options: Parameters<ElectronHttpExecutor['createRequest']>[0],
    callback: (response: IncomingMessage) => void,
  ): never {
    return request(options as never, callback) as ClientRequest as never;
  }
}

/**
 * electron-updater's real Linux (AppImage) updater, as a packaged app of `version` would run it,
 * in plain Node: app paths in a temporary folder, the "installed" AppImage a file there.
 */
export function realUpdater(version: string) {
  const dir = mkdtempSync(join(tmpdir(), 'smooz-updater-'));
  const appUpdateConfigPath = join(dir, 'app-update.yml');
  // What electron-builder writes into a packaged app's resources.
  writeFileSync(
    appUpdateConfigPath,
    'provider: generic\nurl: http://127.0.0.1:9/\nupdaterCacheDirName: smooz-updater\n',
  );
  const installed = join(dir, 'installed.AppImage');
  writeFileSync(installed, 'the version now installed');
  const quits: string[] = [];
  const adapter: AppAdapter = {
    version,
    name: 'smooz-privatelink-assistant',
    isPackaged: true,
    appUpdateConfigPath,
    userDataPath: join(dir, 'user-data'),
    baseCachePath: join(dir, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => void quits.push('relaunch'),
    quit: () => void quits.push('quit'),
    onQuit: () => {},
  };
  const updater = new AppImageUpdater(null, adapter);
  (updater as unknown as { httpExecutor: ElectronHttpExecutor }).httpExecutor =
    new NodeHttpExecutor();
  return { updater, installed, cacheDir: join(dir, 'cache', 'smooz-updater') };
}
