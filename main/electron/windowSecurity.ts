import type { Session, WebContents } from 'electron';

/**
 * The window only ever shows the bundled renderer: every navigation away from it and every new
 * window is refused; allow-listed links go to the system browser instead.
 */
export function lockDownWebContents(
  contents: WebContents,
  rendererUrl: string,
  openAllowedExternal: (url: string) => void,
): void {
  contents.on('will-navigate', (event, url) => {
    if (url !== rendererUrl) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openAllowedExternal(url);
    return { action: 'deny' };
  });
  refuseAllPermissions(contents.session);
}

/**
 * Permissions: the app needs none (no camera, notifications, clipboard reads, USB, …). Both
 * the request handler (a page asks) and the check handler (a page queries, or Chromium checks
 * before a feature) answer no, for the default session every window uses.
 */
export function refuseAllPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
