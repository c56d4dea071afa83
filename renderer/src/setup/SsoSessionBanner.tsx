import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SsoSessionNotice, SsoTarget } from '../../../shared/aws/sso';
import { call, onEvent } from '../ipc/api';
import { useSupportMode } from '../support/SupportModeContext';
import { watchedSessionOf } from './ssoTarget';
import { SsoLoginControl } from './SsoLoginControl';
import { useSsoLogin } from './useSsoLogin';

type Shown = Pick<SsoSessionNotice, 'state' | 'endsAt'>;

/**
 * While a guided flow works with an SSO profile, its session is watched: main renews the login
 * silently, and when it cannot, this banner says so before the login ends, with a button to log
 * in again without leaving the screen. Nothing is blocked; the watch stops when the screen goes.
 */
export function SsoSessionBanner({ profile }: { profile: string }) {
  const { t, i18n } = useTranslation('guided');
  const { format } = useSupportMode();
  // The session of the profile it was looked up for; an answer for another profile is not used.
  const [lookup, setLookup] = useState<{
    profile: string;
    session: { target: SsoTarget; session: string } | null;
  }>();
  const watched = lookup?.profile === profile ? lookup.session : null;
  const [shown, setShown] = useState<Shown>();
  const [round, setRound] = useState(0);
  const login = useSsoLogin(() => {
    // A fresh login: said at once, and the session is watched again (after `ended` it is not).
    setShown({ state: 'renewed', endsAt: null });
    setRound((r) => r + 1);
  });

  useEffect(() => {
    let live = true;
    call('aws:listProfiles').then(
      (listing) => live && setLookup({ profile, session: watchedSessionOf(profile, listing) }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [profile]);

  useEffect(() => {
    if (watched === null) return undefined;
    const stop = onEvent('aws:ssoSessionNotice', (notice) => {
      if (notice.session === watched.session)
        setShown({ state: notice.state, endsAt: notice.endsAt });
    });
    return () => {
      stop();
      void call('aws:ssoUnwatchSession', { target: watched.target }).catch(() => undefined);
    };
  }, [watched]);

  // Watching again after a login is not preceded by an unwatch, which could overtake it.
  useEffect(() => {
    if (watched !== null)
      call('aws:ssoWatchSession', { target: watched.target }).catch(() => undefined);
  }, [watched, round]);

  if (watched === null || shown === undefined) return null;
  const session = format('text', watched.session);
  const time =
    shown.endsAt === null ? '' : new Date(shown.endsAt).toLocaleTimeString(i18n.language);
  return (
    <div
      className={`sso-session-banner sso-session-${shown.state}`}
      role="status"
      data-testid="sso-session-notice"
      data-state={shown.state}
    >
      <p>{t(`ssoSession.${shown.state}`, { session, time })}</p>
      {shown.state !== 'renewed' && <SsoLoginControl login={login} target={watched.target} />}
    </div>
  );
}
