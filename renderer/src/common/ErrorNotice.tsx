import { useTranslation } from 'react-i18next';
import { useSupportMode } from '../support/SupportModeContext';
import { errorText } from './errorText';

/** An error in words; its parameters (ARNs, account ids, hosts) are masked in support mode. */
export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const { format } = useSupportMode();
  return (
    <p className="error-notice" role="alert">
      {format('text', errorText(t, error))}
    </p>
  );
}
