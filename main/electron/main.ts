import { join } from 'node:path';
import { app, protocol, safeStorage, session, shell, type BrowserWindow } from 'electron';
import ElectronStore from 'electron-store';
import { autoUpdater } from 'electron-updater';
import { awsConfigPaths } from '../aws/sharedConfigFiles';
import { electronPrintToPdf, electronSaveFile } from './electronFileOutput';
import { loadConfig } from '../base/config';
import { createIpcEndpoint } from '../ipc/ipcEndpoint';
import { createMainServices } from '../app/createMainServices';
import { createConsoleLogger } from '../base/logger';
import { currentRuntimeInfo } from '../base/runtimeInfo';
import { storeOptions, type PersistedState } from '../app/storeSchema';
import { electronUpdaterPort } from './electronUpdater';
import { guardAllWebContents } from './appGuards';
import { registerAppScheme, RENDERER_URL, serveRenderer } from './appProtocol';
import { registerIpcHandlers, trustedSenderCheck, webContentsEventSink } from './ipcRegistration';
import { createMainWindow } from './mainWindow';
import { refuseAllPermissions } from './windowSecurity';

/** The Electron entry point: wires services to a window and stays thin; the logic lives elsewhere. */
function start(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const logger = createConsoleLogger('main');
  const config = loadConfig(process.env, { packaged: app.isPackaged });
  if (config.endpointOverrides.ignored.length > 0) {
    logger.warn('config.overridesIgnored', { names: config.endpointOverrides.ignored });
  }
  registerAppScheme(protocol);
  let window: BrowserWindow | undefined;

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    refuseAllPermissions(session.defaultSession);
    serveRenderer(protocol, join(__dirname, '../renderer'));
    const events = webContentsEventSink(() => window?.webContents);
    const services = createMainServices({
      config,
      storeBacking: new ElectronStore<PersistedState>(storeOptions(app.getVersion())),
      runtime: currentRuntimeInfo(app.getVersion()),
      secretEncryptor: safeStorage,
      awsPaths: awsConfigPaths(),
      logger,
      openExternal: (url) => shell.openExternal(url),
      saveFile: electronSaveFile(() => window),
      printToPdf: electronPrintToPdf,
      templatesDir: app.isPackaged
        ? join(process.resourcesPath, 'templates')
        : join(app.getAppPath(), 'templates'),
      // Only an installed app updates itself (from the feed in config, see main/base/config.ts).
      ...(app.isPackaged
        ? { updater: electronUpdaterPort(autoUpdater, config.update.feedUrl, logger) }
        : {}),
    });
    app.on('before-quit', () => services.update.beforeQuit());
    guardAllWebContents(app, RENDERER_URL, services.openExternal);
    registerIpcHandlers(
      createIpcEndpoint(services),
      trustedSenderCheck(() => window?.webContents, RENDERER_URL),
      events,
      services.logger,
    );
    window = createMainWindow({
      preloadPath: join(__dirname, 'preload.cjs'),
      rendererUrl: RENDERER_URL,
    });
    window.on('closed', () => {
      window = undefined;
    });
    services.update.start();
  });
}

start();
