import type { SsoSessionNotice } from '../../../shared/aws/sso';
import { sessionLabel, type SsoSessionRef } from '../profileCatalog';
import { canRefresh, readSsoToken, type SsoCachedToken } from './tokenCache';
import { createListeners, type Subscribable } from '../../base/listeners';
import { freshSsoToken } from './tokenRefresh';

/**
 * Tells the user before an SSO login runs out. A watched session is checked every minute: a login
 * that can be renewed is renewed silently as its end comes within the warning period; one that
 * cannot (no refresh token, registration over, renewal refused because the IAM Identity Center
 * session ended) is announced as `ending` with its end, then `ended`.
 */
export interface SsoSessionWatch extends Subscribable<SsoSessionNotice> {
  /** Starts (or keeps) watching a session; subscribers receive its notices from then on. */
  watch(session: SsoSessionRef): void;
  unwatch(sessionKey: string): boolean;
  /** Checks every watched session now (the timer calls this). */
  checkAll(): Promise<void>;
  close(): void;
}

export interface SsoSessionWatchOptions {
  readonly now?: () => Date;
  /** How long before the end the user is told, and renewal is tried. */
  readonly warnBeforeMs?: number;
  readonly intervalMs?: number;
  readonly readToken?: (sessionKey: string) => Promise<SsoCachedToken | null>;
  readonly renewToken?: (
    session: SsoSessionRef,
    now: () => Date,
    windowMs: number,
  ) => Promise<SsoCachedToken | null>;
}

export const SESSION_WARNING_MS = 15 * 60 * 1000;
const CHECK_INTERVAL_MS = 60 * 1000;

interface Watched {
  readonly session: SsoSessionRef;
  /** The last notice sent, so each change is told once. */
  last: SsoSessionNotice['state'] | null;
  checking: Promise<void> | null;
}

const iso = (value: string) => new Date(value).toISOString();

export function createSsoSessionWatch(options: SsoSessionWatchOptions = {}): SsoSessionWatch {
  const now = options.now ?? (() => new Date());
  const warnBeforeMs = options.warnBeforeMs ?? SESSION_WARNING_MS;
  const readToken = options.readToken ?? readSsoToken;
  const renewToken = options.renewToken ?? freshSsoToken;
  const watched = new Map<string, Watched>();
  const notices = createListeners<SsoSessionNotice>();
  let timer: NodeJS.Timeout | null = null;

  function tell(entry: Watched, state: SsoSessionNotice['state'], endsAt: string | null): void {
    if (entry.last === state) return;
    entry.last = state;
    notices.emit({
      sessionKey: entry.session.key,
      session: sessionLabel(entry.session),
      state,
      endsAt: endsAt === null ? null : iso(endsAt),
    });
  }

  async function check(entry: Watched): Promise<void> {
    const token = await readToken(entry.session.key);
    if (!token) {
      tell(entry, 'ended', null);
      return;
    }
    const left = (t: SsoCachedToken) => Date.parse(t.expiresAt) - now().getTime();
    const tried = canRefresh(token, now()) && left(token) <= warnBeforeMs;
    let current: SsoCachedToken | null = token;
    if (tried) {
      // A network failure is not the end of the session: the next check tries again.
      current = await renewToken(entry.session, now, warnBeforeMs).catch(() => token);
    }
    if (!current || left(current) <= 0) {
      tell(entry, 'ended', (current ?? token).expiresAt);
      return;
    }
    const renewed = tried && current.accessToken !== token.accessToken;
    const willRenew = canRefresh(current, now()) && (renewed || !tried);
    if (!willRenew && left(current) <= warnBeforeMs) {
      tell(entry, 'ending', current.expiresAt);
    } else if (entry.last !== null) {
      tell(entry, 'renewed', current.expiresAt);
    }
  }

  function checkOnce(entry: Watched): Promise<void> {
    // One check per session at a time; a renewal may take a few seconds.
    entry.checking ??= check(entry).finally(() => {
      entry.checking = null;
      if (entry.last === 'ended' && watched.get(entry.session.key) === entry) {
        watched.delete(entry.session.key);
        stopTimerIfIdle();
      }
    });
    return entry.checking;
  }

  const checkAll = async () => {
    await Promise.all([...watched.values()].map((entry) => checkOnce(entry)));
  };

  function stopTimerIfIdle(): void {
    if (watched.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  }

  return {
    subscribe: notices.subscribe,
    watch(session) {
      const existing = watched.get(session.key);
      watched.set(session.key, {
        session,
        last: existing?.last ?? null,
        checking: existing?.checking ?? null,
      });
      if (!timer) {
        timer = setInterval(() => void checkAll(), options.intervalMs ?? CHECK_INTERVAL_MS);
        timer.unref();
      }
    },
    unwatch(sessionKey) {
      const removed = watched.delete(sessionKey);
      stopTimerIfIdle();
      return removed;
    },
    checkAll,
    close() {
      watched.clear();
      stopTimerIfIdle();
    },
  };
}
