import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSupportMode } from '../support/SupportModeContext';
import { SsoLoginControl } from './SsoLoginControl';
import { useSsoLogin } from './useSsoLogin';
import { useSsoSessionWatch } from './useSsoSessionWatch';

/**
 * While a guided flow works with an SSO profile, its session is watched: main renews the login
 * silently, and when it cannot, this banner says so before the login ends, with a button to log
 * in again without leaving the screen. Nothing is blocked; the watch stops when the screen goes.
 */
export function SsoSessionBanner({ profile }: { profile: string }) {
  const { t, i18n } = useTranslation('guided');
  const { format } = useSupportMode();
  const [round, setRound] = useState(0);
  const { watched, notice: shown, setNotice } = useSsoSessionWatch(profile, round);
  const login = useSsoLogin(() => {
    // A fresh login: said at once, and the session is watched again (after `ended` it is not).
    setNotice({ state: 'renewed', endsAt: null });
    setRound((r) => r + 1);
  });

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
