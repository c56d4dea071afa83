import { afterEach, describe, expect, it } from 'vitest';
import type { SsoSessionNotice } from '../../../shared/aws/sso';
import type { SsoSessionRef } from '../../../main/aws/profileCatalog';
import { createSsoSessionWatch, type SsoSessionWatch } from '../../../main/aws/sso/sessionWatch';
import type { SsoCachedToken } from '../../../main/aws/sso/tokenCache';

const MINUTE = 60 * 1000;
const START = Date.parse('2026-11-23T09:00:00Z');
const session: SsoSessionRef = {
  key: 'corp',
  sessionName: 'corp',
  startUrl: 'https://corp.awsapps.com/start',
  region: 'ap-northeast-1',
};
const at = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function token(expiresInMs: number, refreshable = true, accessToken = 'a1'): SsoCachedToken {
  return {
    startUrl: session.startUrl,
    region: session.region,
    accessToken,
    expiresAt: at(START + expiresInMs),
    ...(refreshable
      ? {
          clientId: 'client',
          clientSecret: 'secret',
          registrationExpiresAt: at(START + 90 * 24 * 60 * MINUTE),
          refreshToken: 'r1',
        }
      : {}),
  };
}

/** A token cache and an IAM Identity Center that renews (or refuses) on demand, on a fake clock. */
function harness(initial: SsoCachedToken | null) {
  let clock = START;
  let cached = initial;
  let renewal: 'grant' | 'refuse' | 'offline' = 'grant';
  const renewCalls: number[] = [];
  const notices: SsoSessionNotice[] = [];
  const watch = createSsoSessionWatch({
    now: () => new Date(clock),
    intervalMs: 60 * MINUTE,
    readToken: async () => cached,
    renewToken: async (_s, _now, windowMs) => {
      renewCalls.push(windowMs);
      if (renewal === 'offline') throw new Error('getaddrinfo ENOTFOUND oidc');
      if (!cached) return null;
      const left = Date.parse(cached.expiresAt) - clock;
      if (renewal === 'refuse') return left > 0 ? cached : null;
      cached = {
        ...cached,
        accessToken: `${cached.accessToken}+`,
        expiresAt: at(clock + 60 * MINUTE),
      };
      return cached;
    },
  });
  watch.subscribe((n) => notices.push(n));
  watch.watch(session);
  return {
    watch,
    notices,
    renewCalls,
    advance: (ms: number) => {
      clock += ms;
    },
    set renewal(value: typeof renewal) {
      renewal = value;
    },
    replace: (t: SsoCachedToken | null) => {
      cached = t;
    },
  };
}

let open: SsoSessionWatch | undefined;
afterEach(() => open?.close());

describe('SSO session watch: the user hears before a login runs out', () => {
  it('says nothing and renews nothing while a renewable login is far from its end', async () => {
    const h = harness(token(50 * MINUTE));
    open = h.watch;
    await h.watch.checkAll();
    expect(h.notices).toEqual([]);
    expect(h.renewCalls).toEqual([]);
  });

  it('renews silently once the end is within the warning period', async () => {
    const h = harness(token(50 * MINUTE));
    open = h.watch;
    h.advance(40 * MINUTE);
    await h.watch.checkAll();
    expect(h.renewCalls).toEqual([15 * MINUTE]);
    expect(h.notices).toEqual([]);
  });

  it('warns once, with the end, when the renewal is refused, then says when it has ended', async () => {
    const h = harness(token(50 * MINUTE));
    open = h.watch;
    h.renewal = 'refuse';
    h.advance(40 * MINUTE);
    await h.watch.checkAll();
    h.advance(MINUTE);
    await h.watch.checkAll();
    expect(h.notices).toEqual([
      {
        sessionKey: 'corp',
        session: 'corp',
        state: 'ending',
        endsAt: new Date(START + 50 * MINUTE).toISOString(),
      },
    ]);
    h.advance(10 * MINUTE);
    await h.watch.checkAll();
    expect(h.notices.map((n) => n.state)).toEqual(['ending', 'ended']);
    // An ended session is no longer watched.
    h.advance(MINUTE);
    await h.watch.checkAll();
    expect(h.notices).toHaveLength(2);
    expect(h.watch.unwatch('corp')).toBe(false);
  });

  it('warns about a login without a refresh token only within the warning period', async () => {
    const h = harness(token(30 * MINUTE, false));
    open = h.watch;
    await h.watch.checkAll();
    expect(h.notices).toEqual([]);
    h.advance(20 * MINUTE);
    await h.watch.checkAll();
    expect(h.notices).toMatchObject([{ state: 'ending' }]);
    expect(h.renewCalls).toEqual([]);
  });

  it('warns while offline, and says "renewed" when a later renewal succeeds', async () => {
    const h = harness(token(10 * MINUTE));
    open = h.watch;
    h.renewal = 'offline';
    await h.watch.checkAll();
    expect(h.notices.map((n) => n.state)).toEqual(['ending']);
    h.renewal = 'grant';
    h.advance(MINUTE);
    await h.watch.checkAll();
    expect(h.notices.map((n) => n.state)).toEqual(['ending', 'renewed']);
    expect(h.notices[1]?.endsAt).toBe(new Date(START + 61 * MINUTE).toISOString());
  });

  it('says "renewed" when the user logs in again after a warning', async () => {
    const h = harness(token(10 * MINUTE, false));
    open = h.watch;
    await h.watch.checkAll();
    h.replace(token(8 * 60 * MINUTE, true, 'fresh'));
    await h.watch.checkAll();
    expect(h.notices.map((n) => n.state)).toEqual(['ending', 'renewed']);
  });

  it('says the login has ended when its cached token is gone', async () => {
    const h = harness(null);
    open = h.watch;
    await h.watch.checkAll();
    expect(h.notices).toEqual([
      { sessionKey: 'corp', session: 'corp', state: 'ended', endsAt: null },
    ]);
  });

  it('stops telling once the session is unwatched', async () => {
    const h = harness(token(5 * MINUTE, false));
    open = h.watch;
    expect(h.watch.unwatch('corp')).toBe(true);
    await h.watch.checkAll();
    expect(h.notices).toEqual([]);
  });
});
