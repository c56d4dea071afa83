import type { App } from 'electron';
import { lockDownWebContents } from './windowSecurity';

/**
 * Every web contents the app ever creates (the main window, DevTools, anything a later change
 * adds) is locked down when it is created, not only the windows created on purpose: it shows
 * only the bundled renderer, opens no window and attaches no webview; links that are allowed go
 * to the system browser through `openAppLink`, which checks them.
 */
export function guardAllWebContents(
  app: Pick<App, 'on'>,
  rendererUrl: string,
  openAppLink: (url: string) => Promise<void>,
): void {
  app.on('web-contents-created', (_event, contents) => {
    lockDownWebContents(contents, rendererUrl, (url) => {
      openAppLink(url).catch(() => {
        // Refused by the allow-list: the click simply does nothing.
      });
    });
  });
}
