import { useTranslation } from 'react-i18next';
import { useSupportMode } from './SupportModeContext';

/** A strip under the header while support mode is on, so both sides know values are masked. */
export function SupportBanner() {
  const { t } = useTranslation('support');
  const { enabled } = useSupportMode();
  if (!enabled) return null;
  return (
    <div className="support-banner" role="status" data-testid="support-banner">
      {t('mode.active')}
    </div>
  );
}
