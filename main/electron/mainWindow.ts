import { BrowserWindow, shell } from 'electron';
import { isAllowedExternalUrl } from '../services/externalLinks';
import { lockDownWebContents, secureWebPreferences } from './windowSecurity';

export interface MainWindowOptions {
  readonly preloadPath: string;
  readonly rendererUrl: string;
  readonly externalLinkHosts: readonly string[];
}

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
  lockDownWebContents(window.webContents, options.rendererUrl, (url) => {
    if (isAllowedExternalUrl(url, options.externalLinkHosts)) void shell.openExternal(url);
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.rendererUrl);
  return window;
}
