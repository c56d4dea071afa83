import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateInfo } from '../../../shared/ipc/channels/checklist';
import type { ChecklistValues } from '../../../shared/steps/values';
import { ErrorNotice } from '../common/ErrorNotice';
import { CopyButton } from '../support/CopyButton';
import { Sensitive } from '../support/Sensitive';
import { useTemplateLinks } from './useTemplateLinks';

/**
 * The two honest ways to the stack page without SMOOZ's own link: save the bundled template and
 * upload it in the console, or — when SMOOZ hosts the same template on S3 — a quick-create link
 * with every parameter filled in (CloudFormation loads quick-create templates only from S3).
 */
export function TemplatePanel({
  template,
  values,
}: {
  template: TemplateInfo;
  values: ChecklistValues;
}) {
  const { t } = useTranslation('checklist');
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { link: linkQuery, saveTemplate, openExternal } = useTemplateLinks(values);
  const link = linkQuery.status === 'ready' ? linkQuery.value : null;
  const shownError = error ?? (linkQuery.status === 'error' ? linkQuery.error : null);

  const save = () => {
    saveTemplate().then(
      (result) => setSaved(result.saved ? result.fileName : null),
      (e: unknown) => setError(e),
    );
  };

  return (
    <section className="template-panel" aria-labelledby="template-panel-title">
      <h4 id="template-panel-title">{t('template.title')}</h4>
      <p>{t('template.uploadHow', { file: template.fileName })}</p>
      <button type="button" onClick={save} data-testid="save-template">
        {t('template.save')}
      </button>
      {saved !== null && (
        <p role="status" data-testid="template-saved">
          {t('template.saved', { file: saved })}
        </p>
      )}
      <h4>{t('template.quickCreateTitle')}</h4>
      {link?.available === true && (
        <div className="quick-create" data-testid="quick-create-link">
          <code className="link-text">
            <Sensitive kind="text" value={link.url} />
          </code>
          <div className="row-actions">
            <CopyButton kind="text" value={link.url} label={t('template.quickCreateTitle')} />
            <button type="button" onClick={() => void openExternal(link.url)}>
              {t('template.open')}
            </button>
          </div>
          <p className="field-hint">{t('template.quickCreateNote')}</p>
        </div>
      )}
      {link?.available === false && link.reason === 'noTemplateUrl' && (
        <p className="notice" data-testid="quick-create-unavailable">
          {t('template.noTemplateUrl')}
        </p>
      )}
      {link?.available === false && link.reason === 'missingValues' && (
        <p className="notice" data-testid="quick-create-missing">
          {t('template.missingValues', {
            values: link.missing.map((key) => t(`values.${key}.label`)).join(t('listSeparator')),
          })}
        </p>
      )}
      {shownError !== null && <ErrorNotice error={shownError} />}
    </section>
  );
}
