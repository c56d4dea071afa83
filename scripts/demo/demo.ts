import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { createBridgeDownloads } from '../../main/bridge/bridgeDownloads';
import { startBridgeServer } from '../../main/bridge/bridgeServer';
import { AppConfigSchema, DEFAULT_EXTERNAL_LINK_HOSTS } from '../../main/base/config';
import { createIpcEndpoint } from '../../main/ipc/ipcEndpoint';
import { createMainServices } from '../../main/app/createMainServices';
import { silentLogger } from '../../main/base/logger';
import { currentRuntimeInfo } from '../../main/base/runtimeInfo';
import { storeOptions, type PersistedState } from '../../main/app/storeSchema';
import { startMotoServer } from '../../test/support/motoServer';
import { ROOT } from '../../test/support/projectRoot';
import {
  planRealDatabases,
  realDatabasesMissing,
  type RealDatabases,
} from '../../test/support/realDatabases/realDatabases';
import { TEST_WORLD_ENV } from '../../test/support/realDatabases/world';
import { seedCustomerAccount } from '../../test/support/seedAccount';
import { createFakeEncryptor } from '../../test/smooz-server/fakeEncryptor';
import { startSmoozServer } from '../../test/smooz-server/smoozServer';
import { worldDataSources } from '../../test/smooz-server/worldDataSources';
import { DEMO_PROFILE, DEMO_REGION, writeDemoAwsProfile } from './demoAwsProfile';

/**
 * `npm run demo`: the whole product against local stand-ins, so anyone can walk the flow (and
 * support can rehearse a screen-share) without an AWS account. moto plays the customer's account
 * (seeded like a real one) and SMOOZ's; the reference SMOOZ server plays SMOOZ; a throw-away AWS
 * config holds one demo profile. The app opens in Electron where it can start, else in a browser
 * tab over the loopback bridge (127.0.0.1 only, a random token in the URL fragment).
 */
const SMOOZ_DELAY_MS = Number(process.env.SMOOZ_DEMO_ENDPOINT_DELAY_MS || 20_000);
const forceBrowser = process.argv.includes('--browser');

function electronBinary(): string | undefined {
  const pathFile = join(ROOT, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(
    ROOT,
    'node_modules',
    'electron',
    'dist',
    readFileSync(pathFile, 'utf8').trim(),
  );
  if (!existsSync(binary)) return undefined;
  const hasDisplay =
    process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  return hasDisplay ? binary : undefined;
}

/**
 * The browser tab's renderer: the bridge build, made fresh into a folder of the demo's own so a
 * running test suite's dist/renderer-bridge is never replaced under it.
 */
function buildBridgeRenderer(): string {
  const outDir = join(ROOT, 'node_modules', '.cache', 'demo', 'renderer-bridge');
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const args = ['build', '--config', 'renderer/vite.config.ts', '--mode', 'bridge'];
  const run = spawnSync(
    process.execPath,
    // Errors only: the bundle-size advice is for the production build, not a demo.
    [vite, ...args, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (run.status !== 0) throw new Error('building the renderer failed');
  return outDir;
}

function openInBrowser(url: string): void {
  const opener =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const found = spawnSync(process.platform === 'win32' ? 'where' : 'which', [opener]).status === 0;
  if (!found) return;
  spawn(opener, [url], { stdio: 'ignore', detached: true })
    .on('error', () => undefined)
    .unref();
}

/**
 * The test world's real PostgreSQL and MariaDB, tied to the seeded RDS databases, where the
 * Debian packages are installed; otherwise the demo goes on without them and says why.
 */
async function demoDatabases(log: (line: string) => void): Promise<RealDatabases | undefined> {
  const missing = realDatabasesMissing();
  if (missing) {
    log(`  real databases skipped: ${missing}; SMOOZ's connection test will report no login.`);
    return undefined;
  }
  const databases = await planRealDatabases();
  try {
    await databases.start();
  } catch (error) {
    log(`  real databases skipped: they could not start (${String(error).split('\n')[0]}).`);
    return undefined;
  }
  const { postgres, mariadb } = databases.world.databases;
  log(
    `  real databases: PostgreSQL on ${postgres.address}:${postgres.port}, ` +
      `MariaDB on ${mariadb.address}:${mariadb.port}`,
  );
  return databases;
}

async function main(): Promise<void> {
  const log = (line: string) => process.stdout.write(`${line}\n`);
  log('Starting the local AWS emulator (moto) and the demo databases …');
  const databases = await demoDatabases(log);
  const moto = await startMotoServer(databases ? { [TEST_WORLD_ENV]: databases.worldFile } : {});
  const seeded = await seedCustomerAccount(moto.endpoint);
  log(
    `  customer account seeded: VPC ${seeded.vpcId}, subnets in ${seeded.azs.join(', ')}, ` +
      `${seeded.postgres.identifier} (Multi-AZ PostgreSQL), ${seeded.aurora.identifier} (Aurora MySQL)`,
  );
  const adminToken = `demo-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  const smooz = await startSmoozServer({
    motoEndpoint: moto.endpoint,
    adminTokens: [adminToken],
    transitionDelayMs: SMOOZ_DELAY_MS,
    supportedRegions: [DEMO_REGION],
    // SMOOZ's connectivity test logs in to the demo's real databases.
    ...(databases ? { dataSources: worldDataSources(databases.worldFile) } : {}),
  });
  const aws = await writeDemoAwsProfile();
  const env = {
    SMOOZ_AWS_ENDPOINT_URL: moto.endpoint,
    SMOOZ_API_BASE_URL: smooz.url,
    AWS_CONFIG_FILE: aws.configFile,
    AWS_SHARED_CREDENTIALS_FILE: aws.credentialsFile,
    AWS_PROFILE: DEMO_PROFILE,
    AWS_REGION: DEMO_REGION,
  };
  Object.assign(process.env, env);

  const cleanups: (() => Promise<void>)[] = [
    () => smooz.close(),
    () => moto.stop(),
    async () => databases?.stop(),
    () => rm(aws.dir, { recursive: true, force: true }),
  ];
  const stop = async () => {
    log('Stopping the demo …');
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());

  /** The same app over the loopback bridge (127.0.0.1 only, token-protected) in a browser tab. */
  const openBrowserTab = async (why: string): Promise<void> => {
    log('Building the app for a browser tab …');
    const rendererDir = buildBridgeRenderer();
    const userDataDir = await mkdtemp(join(tmpdir(), 'smooz-demo-user-data-'));
    cleanups.push(() => rm(userDataDir, { recursive: true, force: true }));
    const config = AppConfigSchema.parse({
      aws: { endpointUrl: moto.endpoint },
      externalLinkHosts: DEFAULT_EXTERNAL_LINK_HOSTS,
      smooz: { apiBaseUrl: smooz.url },
    });
    // No save dialog in a tab: files (report, checklist, template) arrive as downloads.
    const downloads = createBridgeDownloads();
    const services = createMainServices({
      config,
      storeBacking: new Conf<PersistedState>({ ...storeOptions('0.1.0'), cwd: userDataDir }),
      runtime: currentRuntimeInfo('0.1.0'),
      awsPaths: { configFile: aws.configFile, credentialsFile: aws.credentialsFile },
      logger: silentLogger,
      openExternal: async (url) => openInBrowser(url),
      saveFile: downloads.saveFile,
      // No safeStorage outside Electron: AES-GCM with a key held only in this process's memory.
      secretEncryptor: createFakeEncryptor(),
      templatesDir: join(ROOT, 'templates'),
    });
    // Stored the way the app stores it (encrypted): the demo starts signed in to SMOOZ.
    await services.smooz.tokens.write(adminToken);
    const server = await startBridgeServer({
      rendererDir,
      endpoint: createIpcEndpoint(services),
      logger: silentLogger,
      downloads,
    });
    cleanups.push(() => server.close());
    log('');
    log(`SMOOZ PrivateLink Setup Assistant — demo in a browser tab (${why})`);
    log(`  open:               ${server.pageUrl}`);
    log(`  AWS profile:        ${DEMO_PROFILE} (${DEMO_REGION}), emulator ${moto.endpoint}`);
    log(
      `  SMOOZ reference:    ${smooz.url} (endpoint becomes available after ${SMOOZ_DELAY_MS / 1000} s)`,
    );
    log('Press Ctrl+C to stop; everything the demo made is thrown away.');
    openInBrowser(server.pageUrl);
  };

  const electron = forceBrowser ? undefined : electronBinary();
  if (electron !== undefined) {
    log('Starting the app in Electron …');
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', shell: true });
    if (build.status !== 0) throw new Error('npm run build failed');
    // On Linux Electron keeps its state under $XDG_CONFIG_HOME: a throw-away one keeps the demo's
    // connections out of the installed app's list.
    const configHome = await mkdtemp(join(tmpdir(), 'smooz-demo-config-'));
    cleanups.push(() => rm(configHome, { recursive: true, force: true }));
    const child = spawn(electron, ['.'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, ...env, XDG_CONFIG_HOME: configHome },
    });
    log(`SMOOZ API token for the app (enter it once when asked): ${adminToken}`);
    // An Electron that dies at once (missing libraries, no usable display) is "cannot start":
    // the demo goes on in a browser tab instead of ending.
    const startedAt = Date.now();
    let fellBack = false;
    const fallBack = (reason: string) => {
      if (fellBack) return;
      fellBack = true;
      log(`Electron could not start (${reason}); opening the demo in a browser tab instead.`);
      void openBrowserTab('Electron could not start').catch(fail);
    };
    child.on('error', (error) => fallBack(error.message));
    child.on('exit', (code, signal) => {
      if (code !== 0 && signal === null && Date.now() - startedAt < 15_000) {
        fallBack(`exit code ${code}`);
      } else if (!fellBack) void stop();
    });
    return;
  }

  await openBrowserTab(forceBrowser ? '--browser' : 'Electron cannot start here');
}

function fail(error: unknown): void {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
}

void main().catch(fail);
