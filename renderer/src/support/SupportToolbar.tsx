import { useState } from 'react';
import './support.css';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../common/ErrorNotice';
import { useCurrentScreen } from '../common/currentScreen';
import { useReportExport } from './useReportExport';
import { useSupportMode } from './SupportModeContext';

type ExportStatus = { kind: 'saved'; fileName: string } | { kind: 'error'; error: unknown };

/** The header's support controls: the screen-share switch and the diagnostic report export. */
export function SupportToolbar() {
  const { t } = useTranslation('support');
  const { enabled, setEnabled } = useSupportMode();
  const screen = useCurrentScreen();
  const saveReport = useReportExport();
  const [result, setResult] = useState<{ screen: string; status: ExportStatus } | null>(null);
  // The export's outcome is shown on the screen it was asked on only.
  const status = result?.screen === screen ? result.status : null;

  const exportReport = () => {
    setResult(null);
    saveReport().then(
      (saved) =>
        saved.saved && setResult({ screen, status: { kind: 'saved', fileName: saved.fileName } }),
      (error: unknown) => setResult({ screen, status: { kind: 'error', error } }),
    );
  };

  return (
    <div className="support-toolbar" role="group" aria-label={t('toolbar')}>
      <label className="support-switch">
        <input
          type="checkbox"
          role="switch"
          checked={enabled}
          onChange={(e) => setEnabled(e.target.checked)}
          data-testid="support-mode-switch"
        />
        <span>{t('mode.label')}</span>
      </label>
      <button type="button" onClick={exportReport} data-testid="export-report">
        {t('report.action')}
      </button>
      {status?.kind === 'saved' && (
        <span role="status" data-testid="report-saved">
          {t('report.saved', { fileName: status.fileName })}
        </span>
      )}
      {status?.kind === 'error' && <ErrorNotice error={status.error} />}
    </div>
  );
}
