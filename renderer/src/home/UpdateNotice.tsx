import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateStatus } from '../../../shared/update/updateState';
import { ErrorNotice } from '../common/ErrorNotice';
import { call, onEvent } from '../ipc/api';
import './updateNotice.css';

/**
 * The app's own update on the home screen: shown once a newer version is being downloaded or
 * is ready; nothing while up to date or when the update server cannot be reached.
 */
export function UpdateNotice() {
  const { t } = useTranslation('update');
  const [status, setStatus] = useState<UpdateStatus>({ status: 'idle' });
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    const off = onEvent('update:statusChanged', (next) => live && setStatus(next));
    call('update:getStatus').then(
      (next) => live && setStatus(next),
      () => {
        // Not knowing about updates is not worth a message on the home screen.
      },
    );
    return () => {
      live = false;
      off();
    };
  }, []);
  if (status.status !== 'downloading' && status.status !== 'ready') return null;
  const installNow = () => {
    setError(null);
    call('update:installNow').catch(setError);
  };
  return (
    <section className="update-notice" aria-label={t('label')} data-testid="update-notice">
      {status.status === 'downloading' ? (
        <p>{t('downloading', { version: status.version })}</p>
      ) : (
        <>
          <p>{t('ready', { version: status.version })}</p>
          <button type="button" onClick={installNow}>
            {t('installNow')}
          </button>
          {error !== null && <ErrorNotice error={error} />}
        </>
      )}
    </section>
  );
}
