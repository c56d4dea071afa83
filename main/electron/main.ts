import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, safeStorage, shell, type BrowserWindow } from 'electron';
import ElectronStore from 'electron-store';
import { awsConfigPaths } from '../aws/sharedConfigFiles';
import { electronPrintToPdf, electronSaveFile } from '../checklist/electronFileOutput';
import { loadConfig } from '../config';
import { createHandlers } from '../ipc/createHandlers';
import { createMainServices } from '../services/createMainServices';
import { createConsoleLogger } from '../services/logger';
import { currentRuntimeInfo } from '../services/runtimeInfo';
import { storeOptions, type PersistedState } from '../services/storeSchema';
import { registerIpcHandlers, trustedSenderCheck, webContentsEventSink } from './ipcRegistration';
import { createMainWindow } from './mainWindow';

/** The Electron entry point: wires services to a window and stays thin; the logic lives elsewhere. */
function start(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const logger = createConsoleLogger('main');
  const config = loadConfig();
  const rendererUrl = pathToFileURL(join(__dirname, '../renderer/index.html')).href;
  let window: BrowserWindow | undefined;

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
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
    });
    const handlers = createHandlers(services);
    registerIpcHandlers(
      handlers,
      trustedSenderCheck(() => window?.webContents, rendererUrl),
      events,
      services.logger,
    );
    window = createMainWindow({
      preloadPath: join(__dirname, 'preload.cjs'),
      rendererUrl,
      externalLinkHosts: config.externalLinkHosts,
    });
    window.on('closed', () => {
      window = undefined;
    });
  });
}

start();
