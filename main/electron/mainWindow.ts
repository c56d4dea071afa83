import { BrowserWindow } from 'electron';

export interface MainWindowOptions {
  readonly preloadPath: string;
  readonly rendererUrl: string;
}

/** The window; its web contents are locked down app-wide as they are created (appGuards.ts). */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'SMOOZ PrivateLink Setup Assistant',
    // Written out here, not built elsewhere, so reviewers and scanners (Electronegativity) see
    // them: no Node, its own JS world, Chromium's sandbox, no middle-click new windows.
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.rendererUrl);
  return window;
}
