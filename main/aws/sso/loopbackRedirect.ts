import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { AppError } from '../../../shared/errors';
import { AwsErrorCodes } from '../../../shared/aws/errorCodes';

const CALLBACK_PATH = '/oauth/callback';

// Shown in the browser tab; main has no i18n, so both languages are given.
const PAGE = (ok: boolean) =>
  `<!doctype html><meta charset="utf-8"><title>SMOOZ</title><p>${
    ok
      ? 'ログインが完了しました。このタブを閉じてアプリに戻ってください。<br>Login complete. You can close this tab and return to the app.'
      : 'ログインできませんでした。アプリに戻ってください。<br>Login did not complete. Please return to the app.'
  }</p>`;

export interface LoopbackRedirect {
  /** Registered with the client: RFC 8252 lets the port vary for 127.0.0.1, as the CLI relies on. */
  readonly registeredUri: string;
  /** Sent with the authorize and token requests. */
  readonly redirectUri: string;
  /** The authorization code, once the browser comes back with the expected state. */
  waitForCode(state: string, signal: AbortSignal): Promise<string>;
  close(): Promise<void>;
}

/** The one-shot HTTP listener on 127.0.0.1 that the browser is redirected to after sign-in. */
export async function startLoopbackRedirect(): Promise<LoopbackRedirect> {
  let deliver: ((query: URLSearchParams) => void) | undefined;
  const early: URLSearchParams[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== CALLBACK_PATH) {
      res.writeHead(404).end();
      return;
    }
    const ok = url.searchParams.has('code');
    res.writeHead(ok ? 200 : 400, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE(ok));
    if (deliver) deliver(url.searchParams);
    else early.push(url.searchParams);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    registeredUri: `http://127.0.0.1${CALLBACK_PATH}`,
    redirectUri: `http://127.0.0.1:${port}${CALLBACK_PATH}`,
    waitForCode: (state, signal) =>
      new Promise<string>((resolve, reject) => {
        const onAbort = () => reject(signal.reason);
        if (signal.aborted) return onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
        deliver = (query) => {
          // A stray request with another state (another tab, a replay) is ignored.
          if (query.get('state') !== state) return;
          signal.removeEventListener('abort', onAbort);
          const code = query.get('code');
          if (code) resolve(code);
          else if (query.get('error') === 'access_denied')
            reject(new AppError(AwsErrorCodes.ssoLoginDenied));
          else
            reject(
              new AppError(AwsErrorCodes.ssoLoginFailed, {
                reason: query.get('error') ?? 'no_code',
              }),
            );
        };
        for (const query of early.splice(0)) deliver(query);
      }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
