import { BrowserWindow } from 'electron';
import { secureWebPreferences } from './windowSecurity';

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
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.rendererUrl);
  return window;
}
