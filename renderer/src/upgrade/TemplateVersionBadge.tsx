import { useTranslation } from 'react-i18next';
import { useTemplateVersion } from './useUpgrade';

/**
 * "Template v1, current v2 — update" on a connection whose stack runs an older template. Nothing
 * for a current stack, or when the version cannot be read (the row's own status says why).
 */
export function TemplateVersionBadge({
  connectionId,
  name,
  onReview,
}: {
  readonly connectionId: string;
  readonly name: string;
  readonly onReview: (connectionId: string) => void;
}) {
  const { t } = useTranslation('lifecycle');
  const check = useTemplateVersion(connectionId);
  if (check.status !== 'ready' || check.value.stackVersion >= check.value.currentVersion) {
    return null;
  }
  return (
    <p className="template-version" data-testid="template-version">
      {t('upgrade.behind', {
        version: check.value.stackVersion,
        current: check.value.currentVersion,
      })}{' '}
      <button
        type="button"
        aria-label={t('upgrade.reviewNamed', { name })}
        onClick={() => onReview(connectionId)}
      >
        {t('upgrade.review')}
      </button>
    </p>
  );
}
