import { useTranslation } from 'react-i18next';
import type { Verification } from '../../../shared/ipc/channels/guided';
import { ErrorNotice } from '../common/ErrorNotice';
import { IpcCallError } from '../ipc/api';
import { useSupportMode } from '../support/SupportModeContext';

/**
 * SMOOZ's connectivity test as part of step 4's verification: a real login through the endpoint,
 * or the first broken link with what to do about it.
 */
export function ConnectivityResult({ verification }: { verification: Verification }) {
  const { t } = useTranslation('guided');
  // Addresses and SMOOZ's message name the customer's network: masked in support mode.
  const { format } = useSupportMode();
  const { connectivity: result, connectivityError } = verification;
  if (result === undefined && connectivityError === undefined) return null;
  const target = result?.target && {
    address: format('ip', result.target.address),
    port: result.target.port,
  };
  return (
    <section
      className="connectivity"
      aria-labelledby="connectivity-title"
      data-testid="connectivity"
      data-outcome={result?.outcome ?? 'not-run'}
    >
      <h4 id="connectivity-title">{t('endpoint.connectivity.title')}</h4>
      {connectivityError !== undefined && (
        <>
          <p>{t('endpoint.connectivity.couldNotRun')}</p>
          <ErrorNotice error={new IpcCallError(connectivityError)} />
        </>
      )}
      {result?.outcome === 'succeeded' && (
        <p className="connectivity-ok" role="status">
          {t(
            result.checked === 'handshake'
              ? 'endpoint.connectivity.handshake'
              : 'endpoint.connectivity.succeeded',
            { address: target?.address ?? '', port: target?.port ?? '' },
          )}
        </p>
      )}
      {result?.outcome === 'failed' && (
        <div className="error-notice" role="alert" data-broken-link={result.brokenLink}>
          <p>
            {t('endpoint.connectivity.failed', {
              link: result.brokenLink
                ? t(`endpoint.connectivity.links.${result.brokenLink}`)
                : (result.reason?.code ?? ''),
            })}
          </p>
          {target && <p>{t('endpoint.connectivity.target', target)}</p>}
          {result.reason && (
            <p className="muted">
              {t('endpoint.connectivity.detail', {
                message: format('text', result.reason.message),
              })}
            </p>
          )}
          {result.brokenLink && (
            <p>
              {t('endpoint.connectivity.whatToDo')}{' '}
              {t(`endpoint.connectivity.fixes.${result.brokenLink}`)}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
