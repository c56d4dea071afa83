import { useState } from 'react';
import { useAnnounceScreen } from '../common/currentScreen';
import './checklist.css';
import { useTranslation } from 'react-i18next';
import { buildChecklistDocument } from '../../../shared/steps/document';
import { applicableSteps, isChecklistComplete } from '../../../shared/steps/checklistState';
import { automatedPrefill, type AutomatedPrefill } from '../../../shared/steps/handoff';
import { formatStepRef } from '../../../shared/steps/stepRef';
import { stepById } from '../../../shared/steps/steps';
import { ErrorNotice } from '../common/ErrorNotice';
import { StepView } from './StepView';
import { useChecklist } from './useChecklist';

/**
 * Offline mode: the manual as a checklist. The app makes no AWS or SMOOZ call here (main's
 * checklist handlers have no network code at all), and the banner says so. Switching to the
 * automated flow hands it the values typed so far; they also stay here.
 */
export function ChecklistScreen({
  onSwitchToAutomated,
}: {
  onSwitchToAutomated: (prefill: AutomatedPrefill) => void;
}) {
  const { t, i18n } = useTranslation('checklist');
  const {
    load,
    actionError,
    setValue,
    setConfirmation,
    goTo,
    setStepDone,
    exportDocument: save,
  } = useChecklist();
  const [exported, setExported] = useState<string | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  useAnnounceScreen(
    `checklist:${load.status === 'ready' ? load.snapshot.state.currentStep : load.status}`,
  );

  if (load.status === 'loading') return <p>{t('common:loading')}</p>;
  if (load.status === 'error') return <ErrorNotice error={load.error} />;
  const { state, template } = load.snapshot;
  const defaults = Object.fromEntries(
    template.parameters.flatMap((p) => (p.default === undefined ? [] : [[p.name, p.default]])),
  );
  const step = stepById(state.currentStep);
  // Step 3-1's security group and ⑦ drop out when the updater runs outside the VPC.
  const steps = applicableSteps(state.values);
  const index = steps.findIndex((s) => s.id === step.id);

  const exportDocument = (format: 'markdown' | 'pdf') => {
    setExported(null);
    setExportError(null);
    const document = buildChecklistDocument(
      state,
      (key, params) => t(key, params ?? {}),
      i18n.language,
      defaults,
    );
    save({ format, document }).then(
      (result) => setExported(result.saved ? result.fileName : null),
      (error: unknown) => setExportError(error),
    );
  };

  return (
    <section className="offline-checklist" data-testid="checklist">
      <div className="offline-banner" role="note" data-testid="offline-banner">
        <strong>{t('offline.title')}</strong> {t('offline.body')}
      </div>
      <div className="checklist-toolbar">
        <span className="progress" data-testid="checklist-progress">
          {t('progress', {
            done: steps.filter((s) => state.completed.includes(s.id)).length,
            total: steps.length,
          })}
        </span>
        <button
          type="button"
          onClick={() => exportDocument('markdown')}
          data-testid="export-markdown"
        >
          {t('export.markdown')}
        </button>
        <button type="button" onClick={() => exportDocument('pdf')} data-testid="export-pdf">
          {t('export.pdf')}
        </button>
        <button
          type="button"
          onClick={() => onSwitchToAutomated(automatedPrefill(state.values))}
          data-testid="switch-automated"
        >
          {t('switchToAutomated')}
        </button>
      </div>
      {exported !== null && (
        <p role="status" data-testid="export-saved">
          {t('export.saved', { file: exported })}
        </p>
      )}
      {exportError !== null && <ErrorNotice error={exportError} />}
      {actionError !== null && <ErrorNotice error={actionError} />}
      {isChecklistComplete(state) && (
        <p className="all-done" role="status" data-testid="checklist-complete">
          {t('allDone')}
        </p>
      )}
      <div className="checklist-body">
        <nav className="step-nav" aria-label={t('navLabel')}>
          <ol>
            {steps.map((s) => {
              const done = state.completed.includes(s.id);
              return (
                <li key={s.id}>
                  <button
                    type="button"
                    className={`step-link${s.id === step.id ? ' current' : ''}${done ? ' done' : ''}`}
                    aria-current={s.id === step.id ? 'step' : undefined}
                    onClick={() => goTo(s.id)}
                    data-testid={`nav-${s.id}`}
                  >
                    <span className="nav-state" aria-hidden="true">
                      {done ? '✓' : s.id === step.id ? '▶' : '○'}
                    </span>
                    <span className="nav-ref">{formatStepRef(s.ref)}</span>
                    <span className="nav-title">{t(`steps.${s.id}.short`)}</span>
                    <span className="sr-only-text">
                      {done ? t('status.done') : t('status.open')}
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
        </nav>
        <div className="step-main">
          <StepView
            step={step}
            state={state}
            template={template}
            defaults={defaults}
            setStepDone={setStepDone}
            setValue={setValue}
            setConfirmation={setConfirmation}
          />
          <div className="step-pager">
            <button
              type="button"
              disabled={index <= 0}
              onClick={() => goTo(steps[index - 1]?.id ?? step.id)}
            >
              {t('previous')}
            </button>
            <button
              type="button"
              disabled={index === steps.length - 1}
              onClick={() => goTo(steps[index + 1]?.id ?? step.id)}
              data-testid="next-step"
            >
              {t('next')}
            </button>
          </div>
        </div>
      </div>
    </section>
  );
}
