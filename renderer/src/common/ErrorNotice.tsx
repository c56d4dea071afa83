import { useTranslation } from 'react-i18next';
import { errorText } from './errorText';

export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <p className="error-notice" role="alert">
      {errorText(t, error)}
    </p>
  );
}
