import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../common/ErrorNotice';
import { useAction } from '../data/useAction';
import { useUpdateStatus } from './useUpdateStatus';
import './updateNotice.css';

/**
 * The app's own update on the home screen: shown once a newer version is being downloaded or
 * is ready; nothing while up to date or when the update server cannot be reached.
 */
export function UpdateNotice() {
  const { t } = useTranslation('update');
  const { status, installNow: install } = useUpdateStatus();
  const action = useAction();
  if (status.status !== 'downloading' && status.status !== 'ready') return null;
  const installNow = () => void action.run(install, true);
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
          {action.error !== undefined && <ErrorNotice error={action.error} />}
        </>
      )}
    </section>
  );
}
