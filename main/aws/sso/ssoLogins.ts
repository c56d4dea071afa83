import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { AwsErrorCodes } from '../../../shared/aws/errorCodes';
import type { SsoLoginFlow, SsoLoginProgress, SsoLoginStarted } from '../../../shared/aws/sso';
import { mapAwsError } from '../awsErrors';
import { sessionLabel, type SsoSessionRef } from '../profileCatalog';
import { authCodeLogin, deviceCodeLogin, type LoginIo } from './loginFlows';
import { isSsoBrowserUrl } from './ssoBrowserLinks';
import { createListeners, type Subscribable } from '../../base/listeners';
import { writeSsoToken } from './tokenCache';

/** Logins started from the app: at most one per SSO session, each cancellable. */
export interface SsoLogins extends Subscribable<SsoLoginProgress> {
  /** Subscribers follow the login by its id: browser opened, device code, then its end. */
  start(session: SsoSessionRef, flow: SsoLoginFlow): SsoLoginStarted;
  /** False when no such login is running. */
  cancel(loginId: string): boolean;
  /** Opens the device code flow's verification page (the "open page" button). */
  openVerificationPage(loginId: string): Promise<void>;
  /** Settles when the login has finished one way or another (for hosts that wait, and tests). */
  finished(loginId: string): Promise<void>;
}

export interface SsoLoginsOptions {
  /** The system browser. */
  readonly openExternal: (url: string) => Promise<void>;
  /** Called after a new token has been written, e.g. to drop remembered credentials. */
  readonly onLoggedIn?: (session: SsoSessionRef) => void;
  /** How long the user has to finish signing in (the device flow also ends when its code expires). */
  readonly timeoutMs?: number;
  readonly now?: () => Date;
}

interface RunningLogin {
  readonly sessionKey: string;
  readonly controller: AbortController;
  done: Promise<void>;
  verification: { url: string; oidcEndpoint: string | null } | null;
}

const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;

class Cancelled extends Error {}

export function createSsoLogins(options: SsoLoginsOptions): SsoLogins {
  const now = options.now ?? (() => new Date());
  const running = new Map<string, RunningLogin>();
  const finishedIds = new Set<string>();
  const progress = createListeners<SsoLoginProgress>();
  const onProgress = progress.emit;

  async function openChecked(url: string, oidcEndpoint: string | null): Promise<void> {
    if (!isSsoBrowserUrl(url, oidcEndpoint)) {
      throw new AppError(AwsErrorCodes.ssoBrowserUrlRejected, { url: new URL(url).origin });
    }
    await options.openExternal(url);
  }

  return {
    subscribe: progress.subscribe,
    start(session, flow) {
      for (const login of running.values()) {
        if (login.sessionKey === session.key) {
          throw new AppError(AwsErrorCodes.ssoLoginInProgress, {
            session: sessionLabel(session),
          });
        }
      }
      const loginId = randomUUID();
      const controller = new AbortController();
      const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      const signal = AbortSignal.any([controller.signal, timeout]);
      const login: RunningLogin = {
        sessionKey: session.key,
        controller,
        done: Promise.resolve(),
        verification: null,
      };
      const io: LoginIo = {
        signal,
        now,
        openBrowser: openChecked,
        browserOpened: () => onProgress({ loginId, stage: 'browserOpened' }),
        deviceCode(userCode, verificationUri, expiresAt, oidcEndpoint) {
          login.verification = { url: verificationUri, oidcEndpoint };
          onProgress({
            loginId,
            stage: 'deviceCode',
            userCode,
            verificationUri,
            expiresAt: expiresAt.toISOString(),
          });
        },
      };
      const run = async () => {
        const token = await (flow === 'authCode'
          ? authCodeLogin(session, io)
          : deviceCodeLogin(session, io));
        // Nothing is written until the very end, and then atomically: a cancelled login leaves the
        // previous file (or none) in place.
        if (controller.signal.aborted) throw new Cancelled();
        if (timeout.aborted) throw new AppError(AwsErrorCodes.ssoLoginTimedOut);
        await writeSsoToken(session.key, token);
        options.onLoggedIn?.(session);
        onProgress({ loginId, stage: 'done', expiresAt: new Date(token.expiresAt).toISOString() });
      };
      login.done = run()
        .catch((error: unknown) => {
          if (controller.signal.aborted) {
            onProgress({ loginId, stage: 'cancelled' });
            return;
          }
          const appError = timeout.aborted
            ? new AppError(AwsErrorCodes.ssoLoginTimedOut)
            : error instanceof AppError
              ? error
              : mapLoginError(error);
          onProgress({ loginId, stage: 'failed', error: appError.toData() });
        })
        .finally(() => {
          running.delete(loginId);
          finishedIds.add(loginId);
        });
      running.set(loginId, login);
      return { loginId, sessionKey: session.key, startUrl: session.startUrl };
    },
    cancel(loginId) {
      const login = running.get(loginId);
      if (!login) return false;
      login.controller.abort(new Cancelled());
      return true;
    },
    async openVerificationPage(loginId) {
      const verification = running.get(loginId)?.verification;
      if (!verification) throw new AppError(AwsErrorCodes.ssoLoginNotFound, { loginId });
      await openChecked(verification.url, verification.oidcEndpoint);
    },
    async finished(loginId) {
      const login = running.get(loginId);
      if (login) return login.done;
      if (!finishedIds.has(loginId))
        throw new AppError(AwsErrorCodes.ssoLoginNotFound, { loginId });
    },
  };
}

function mapLoginError(error: unknown): AppError {
  const mapped = mapAwsError(error);
  if (mapped.code === AwsErrorCodes.noNetwork || mapped.code === AwsErrorCodes.clockSkew)
    return mapped;
  const name =
    typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : 'unknown';
  return new AppError(AwsErrorCodes.ssoLoginFailed, { reason: name }, error);
}
