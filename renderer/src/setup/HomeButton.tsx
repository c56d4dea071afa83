import { useTranslation } from 'react-i18next';

/**
 * The way back to the home screen from a setup's own screens. It is the main action only where
 * nothing is left to do here (a connection that is available).
 */
export function HomeButton({ onHome, primary = false }: { onHome: () => void; primary?: boolean }) {
  const { t } = useTranslation('guided');
  return (
    <button type="button" className={primary ? 'primary' : undefined} onClick={onHome}>
      {t('actions.home')}
    </button>
  );
}
