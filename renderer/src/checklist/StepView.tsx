import { useTranslation } from 'react-i18next';
import type { TemplateInfo } from '../../../shared/ipc/channels/checklist';
import {
  confirmationKey,
  relevantInputs,
  relevantUses,
  stepConfirmations,
  stepIssues,
  type ChecklistState,
} from '../../../shared/steps/checklistState';
import type { StepDefinition, StepId } from '../../../shared/steps/steps';
import type { ValueKey } from '../../../shared/steps/values';
import { StepRefBadge } from '../support/StepRefBadge';
import { ParameterTable } from './ParameterTable';
import { ConsoleMock } from './pictures/ConsoleMock';
import { frameForValue } from './pictures/screens';
import { TemplatePanel } from './TemplatePanel';
import { UsedValue } from './UsedValue';
import { ValueField } from './ValueField';

export function StepView({
  step,
  state,
  template,
  defaults,
  setStepDone,
  setValue,
  setConfirmation,
}: {
  step: StepDefinition;
  state: ChecklistState;
  template: TemplateInfo;
  defaults: Record<string, string>;
  setStepDone: (step: StepId, done: boolean) => void;
  setValue: (key: ValueKey, value: string) => void;
  setConfirmation: (step: StepId, confirmation: string, checked: boolean) => void;
}) {
  const { t } = useTranslation(['checklist', 'validation']);
  const done = state.completed.includes(step.id);
  const issues = stepIssues(step, state);
  const how = t(`steps.${step.id}.how`, { returnObjects: true }) as unknown;
  const inputs = relevantInputs(step, state.values);
  const uses = relevantUses(step, state.values);
  const confirmations = stepConfirmations(step, state.values);

  return (
    <article className="step-view" aria-labelledby="step-title" data-testid={`step-${step.id}`}>
      <header className="step-header">
        <StepRefBadge stepRef={step.ref} />
        <h3 id="step-title">{t(`steps.${step.id}.title`)}</h3>
        {done && <span className="done-chip">{t('status.done')}</span>}
      </header>
      <p className="step-what">{t(`steps.${step.id}.what`)}</p>
      {Array.isArray(how) && (
        <ol className="step-how">
          {how.map((line) => (
            <li key={String(line)}>{String(line)}</li>
          ))}
        </ol>
      )}
      <figure className="step-picture">
        <ConsoleMock screen={step.screen} activeFrames={step.frames} values={state.values} />
        <figcaption>{t(`pictures.${step.screen}.caption`)}</figcaption>
      </figure>
      {inputs.length > 0 && (
        <section className="step-inputs" aria-label={t('inputsTitle')}>
          <h4>{t('inputsTitle')}</h4>
          {inputs.map((key) => (
            <ValueField
              key={key}
              valueKey={key}
              values={state.values}
              frame={frameForValue(step.screen, key)}
              onChange={setValue}
            />
          ))}
        </section>
      )}
      {uses.length > 0 && (
        <section className="step-uses" aria-label={t('usesTitle')}>
          <h4>{t('usesTitle')}</h4>
          {uses.map((key) => (
            <UsedValue
              key={key}
              valueKey={key}
              values={state.values}
              frame={frameForValue(step.screen, key)}
            />
          ))}
        </section>
      )}
      {step.screen === 'stackParameters' && (
        <ParameterTable values={state.values} defaults={defaults} highlight={step.ref.parameter} />
      )}
      {step.offersTemplate && <TemplatePanel template={template} values={state.values} />}
      {confirmations.length > 0 && (
        <section className="step-confirmations" aria-label={t('confirmTitle')}>
          <h4>{t('confirmTitle')}</h4>
          {confirmations.map((c) => (
            <label key={c} className="confirmation">
              <input
                type="checkbox"
                checked={state.confirmations[confirmationKey(step.id, c)] === true}
                onChange={(e) => setConfirmation(step.id, c, e.target.checked)}
                data-testid={`confirm-${c}`}
              />
              {t(`steps.${step.id}.confirm.${c}`)}
            </label>
          ))}
        </section>
      )}
      <footer className="step-footer">
        {!done && issues.length > 0 && (
          <ul className="step-issues" data-testid="step-issues">
            {issues.map((issue) =>
              issue.kind === 'value' ? (
                <li key={issue.key}>
                  {t('issueValue', {
                    label: t(`values.${issue.key}.label`),
                    message: t(`validation:${issue.message.key}`, { ...issue.message.params }),
                  })}
                </li>
              ) : (
                <li key={issue.confirmation}>
                  {t('issueConfirm', { text: t(`steps.${step.id}.confirm.${issue.confirmation}`) })}
                </li>
              ),
            )}
          </ul>
        )}
        {done ? (
          <button
            type="button"
            onClick={() => setStepDone(step.id, false)}
            data-testid="reopen-step"
          >
            {t('reopen')}
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            disabled={issues.length > 0}
            onClick={() => setStepDone(step.id, true)}
            data-testid="complete-step"
          >
            {t('complete')}
          </button>
        )}
      </footer>
    </article>
  );
}
