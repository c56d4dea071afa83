import type { ResolveAddresses } from '../../main/lifecycle/database';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { createBridgeDownloads } from '../../main/bridge/bridgeDownloads';
import { startBridgeServer, type BridgeServer } from '../../main/bridge/bridgeServer';
import type { AwsConfigPaths } from '../../main/aws/sharedConfigFiles';
import {
  AppConfigSchema,
  DEFAULT_EXTERNAL_LINK_HOSTS,
  type AppConfig,
} from '../../main/base/config';
import { createIpcEndpoint } from '../../main/ipc/ipcEndpoint';
import { saveIntoFolder, type PrintToPdf } from '../../main/checklist/fileOutput';
import { createMainServices } from '../../main/app/createMainServices';
import type { MainServices } from '../../main/app/mainServices';
import { silentLogger } from '../../main/base/logger';
import { currentRuntimeInfo } from '../../main/base/runtimeInfo';
import { storeOptions, type PersistedState } from '../../main/app/storeSchema';
import type { SecretEncryptor } from '../../main/smooz/secretEncryptor';
import type { UpdaterPort } from '../../main/update/updateService';
import { ROOT } from './projectRoot';

export { ROOT };

export const BRIDGE_RENDERER_DIR = join(ROOT, 'dist', 'renderer-bridge');

export interface BridgeAppOptions {
  /** Folder for the persisted state; reuse it to simulate a restart. */
  readonly userDataDir?: string;
  readonly awsPaths: AwsConfigPaths;
  readonly config?: Partial<AppConfig>;
  readonly openedUrls?: string[];
  /** Stands in for the system browser (e.g. the fake one that signs in to SSO); after openedUrls. */
  readonly openExternal?: (url: string) => Promise<void>;
  /** Where "save file" writes without a dialog; defaults to `<userDataDir>/saved`. */
  readonly saveDir?: string;
  /** Saves as the browser demo does instead: each file becomes a download of the page. */
  readonly saveAsDownloads?: boolean;
  /** HTML → PDF for exports (e.g. Chromium's page.pdf); without it PDF export reports unavailable. */
  readonly printToPdf?: PrintToPdf;
  /** Stands in for Electron safeStorage so the SMOOZ token can be stored (test/smooz-server). */
  readonly secretEncryptor?: SecretEncryptor;
  /** The app's updater (electron-updater against a local feed, test/support/updateFeed.ts). */
  readonly updater?: UpdaterPort;
  /** Where RDS endpoints point now (the emulated VPC resolver, test/support/lifecycle). */
  readonly resolveDatabaseAddresses?: ResolveAddresses;
}

export interface BridgeApp {
  readonly server: BridgeServer;
  readonly userDataDir: string;
  readonly saveDir: string;
  readonly services: MainServices;
  close(): Promise<void>;
}

/** The real handler table in plain Node behind the loopback bridge, as the e2e tests run it. */
export async function startBridgeApp(options: BridgeAppOptions): Promise<BridgeApp> {
  const ownsDir = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'smooz-user-data-')));
  const config = AppConfigSchema.parse({
    aws: {},
    externalLinkHosts: DEFAULT_EXTERNAL_LINK_HOSTS,
    ...options.config,
  });
  const saveDir = options.saveDir ?? join(userDataDir, 'saved');
  const downloads = options.saveAsDownloads === true ? createBridgeDownloads() : undefined;
  const services = createMainServices({
    config,
    storeBacking: new Conf<PersistedState>({ ...storeOptions('0.1.0'), cwd: userDataDir }),
    runtime: currentRuntimeInfo('0.1.0'),
    awsPaths: options.awsPaths,
    logger: silentLogger,
    openExternal: async (url) => {
      options.openedUrls?.push(url);
      await options.openExternal?.(url);
    },
    saveFile: downloads?.saveFile ?? saveIntoFolder(saveDir),
    ...(options.printToPdf === undefined ? {} : { printToPdf: options.printToPdf }),
    ...(options.secretEncryptor === undefined ? {} : { secretEncryptor: options.secretEncryptor }),
    ...(options.updater === undefined ? {} : { updater: options.updater }),
    ...(options.resolveDatabaseAddresses === undefined
      ? {}
      : { resolveDatabaseAddresses: options.resolveDatabaseAddresses }),
    templatesDir: join(ROOT, 'templates'),
  });
  const server = await startBridgeServer({
    rendererDir: BRIDGE_RENDERER_DIR,
    endpoint: createIpcEndpoint(services),
    // The services' logger, as in the app: failures answered to the page reach the report.
    logger: services.logger,
    ...(downloads === undefined ? {} : { downloads }),
  });
  return {
    server,
    userDataDir,
    saveDir,
    services,
    close: async () => {
      await server.close();
      if (ownsDir) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
