import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DB_AUTH_METHODS } from '../../../shared/validation/names';
import { RDS_TYPES } from '../../../shared/validation/rds';
import { UPDATER_PLACEMENTS } from '../../../shared/stack/templateParameters';
import {
  validateValue,
  VALUE_SPECS,
  type ChecklistValues,
  type ValueKey,
} from '../../../shared/steps/values';
import { Sensitive } from '../support/Sensitive';
import { useSupportMode } from '../support/SupportModeContext';

const CHOICES: Partial<Record<ValueKey, readonly string[]>> = {
  rdsType: RDS_TYPES,
  dbAuthMethod: DB_AUTH_METHODS,
  updaterPlacement: UPDATER_PLACEMENTS,
};

/**
 * One value the user types, validated as typed: the message appears under the field in the
 * current language, and the text is kept (and saved) even while it is invalid.
 */
export function ValueField({
  valueKey,
  values,
  frame,
  onChange,
}: {
  valueKey: ValueKey;
  values: ChecklistValues;
  frame?: number | undefined;
  onChange: (key: ValueKey, value: string) => void;
}) {
  const { t } = useTranslation(['checklist', 'validation']);
  const { enabled: supportMode, format } = useSupportMode();
  const [touched, setTouched] = useState(false);
  const id = useId();
  const spec = VALUE_SPECS[valueKey];
  const raw = values[valueKey] ?? '';
  const result = validateValue(valueKey, values);
  const showError =
    !result.ok && (raw.trim() !== '' || touched) && !(spec.optional && raw.trim() === '');
  const message = !result.ok
    ? t(`validation:${result.message.key}`, { ...result.message.params })
    : '';
  const hidden = supportMode && spec.display !== 'text';
  const choices = CHOICES[valueKey];
  const label = (
    <>
      {t(`values.${valueKey}.label`)}
      {frame !== undefined && <span className="frame-chip">{t('frameChip', { n: frame })}</span>}
      {spec.optional && <span className="optional-chip">{t('optional')}</span>}
    </>
  );

  if (choices) {
    return (
      <fieldset className="value-field" data-testid={`field-${valueKey}`}>
        <legend>{label}</legend>
        <p className="field-hint">{t(`values.${valueKey}.hint`)}</p>
        <div className="choices">
          {choices.map((choice) => (
            <label key={choice} className="choice">
              <input
                type="radio"
                name={`${id}-${valueKey}`}
                value={choice}
                // An empty optional choice shows its default (updaterPlacement: outsideVpc).
                checked={(result.ok ? result.value : raw) === choice}
                onChange={() => onChange(valueKey, choice)}
                data-testid={`choice-${valueKey}-${choice}`}
              />
              {t(`values.${valueKey}.choices.${choice}`)}
            </label>
          ))}
        </div>
        {showError && touched && (
          <p className="field-error" role="alert">
            {message}
          </p>
        )}
      </fieldset>
    );
  }

  return (
    <div className="value-field" data-testid={`field-${valueKey}`}>
      <label htmlFor={id}>{label}</label>
      <p className="field-hint" id={`${id}-hint`}>
        {t(`values.${valueKey}.hint`)}
      </p>
      {hidden ? (
        // Support mode: the current value never enters the page (React would mirror a controlled
        // value into the DOM attribute); the masked form is the placeholder, typing replaces it.
        <input
          id={id}
          key="support-mode"
          type="password"
          placeholder={format(spec.display, raw)}
          autoComplete="off"
          aria-describedby={`${id}-hint`}
          onChange={(e) => onChange(valueKey, e.target.value)}
          onBlur={() => setTouched(true)}
          data-testid={`input-${valueKey}`}
        />
      ) : (
        <input
          id={id}
          type="text"
          value={raw}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={showError}
          aria-describedby={`${id}-hint ${showError ? `${id}-error` : ''}`}
          onChange={(e) => onChange(valueKey, e.target.value)}
          onBlur={() => setTouched(true)}
          data-testid={`input-${valueKey}`}
        />
      )}
      {result.ok && result.value !== '' && result.value !== raw.trim() && (
        <p className="field-normalized" data-testid={`normalized-${valueKey}`}>
          {t('normalized')} <Sensitive kind={spec.display} value={result.value} />
        </p>
      )}
      {showError && (
        <p
          className="field-error"
          id={`${id}-error`}
          role="alert"
          data-testid={`error-${valueKey}`}
        >
          {message}
        </p>
      )}
    </div>
  );
}
