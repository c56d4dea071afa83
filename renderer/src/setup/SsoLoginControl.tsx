import { useTranslation } from 'react-i18next';
import type { SsoTarget } from '../../../shared/aws/sso';
import { ErrorNotice } from '../common/ErrorNotice';
import { IpcCallError } from '../ipc/api';
import type { SsoLogin } from './useSsoLogin';

const LOGIN_CODES = new Set(['aws.ssoTokenMissing', 'aws.ssoTokenExpired']);

/** The error means the SSO login is missing or over: the answer is a login, not a message. */
export const needsLogin = (error: unknown): boolean =>
  error instanceof IpcCallError && LOGIN_CODES.has(error.error.code);

/**
 * The login buttons where a screen needs an SSO login, then the login's stage while it runs (with
 * the code and the verification page for a device-code login), and why it failed. The browser
 * login comes back to the app on 127.0.0.1; where it cannot (a remote desktop, a locked-down
 * browser), the device code is the way in.
 */
export function SsoLoginControl({ login, target }: { login: SsoLogin; target: SsoTarget }) {
  const { t } = useTranslation('guided');
  const progress = login.progress;
  return (
    <>
      {login.canStart ? (
        <p className="login-buttons">
          <button type="button" className="primary" onClick={() => void login.start(target)}>
            {t('target.login')}
          </button>{' '}
          <button type="button" onClick={() => void login.start(target, 'deviceCode')}>
            {t('target.loginWithCode')}
          </button>
        </p>
      ) : (
        <p>{t(`target.loginStages.${login.stage ?? 'starting'}`)}</p>
      )}
      {progress?.stage === 'deviceCode' && (
        <p>
          {t('target.deviceCode', { code: progress.userCode })}{' '}
          <button type="button" onClick={() => login.openVerification(progress.loginId)}>
            {t('target.openVerification')}
          </button>
        </p>
      )}
      {login.error !== undefined && <ErrorNotice error={login.error} />}
    </>
  );
}
