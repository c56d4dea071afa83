import { useTranslation } from 'react-i18next';
import {
  normalizedValue,
  VALUE_SPECS,
  type ChecklistValues,
  type ValueKey,
} from '../../../shared/steps/values';
import { CopyButton } from '../support/CopyButton';
import { Sensitive } from '../support/Sensitive';

/** Values picked from a fixed set are shown in words, as the console labels them. */
const CHOICE_KEYS: readonly ValueKey[] = ['rdsType', 'dbAuthMethod', 'updaterPlacement'];

/** A value typed in an earlier step, shown here as the exact text to enter, with a copy button. */
export function UsedValue({
  valueKey,
  values,
  frame,
}: {
  valueKey: ValueKey;
  values: ChecklistValues;
  frame?: number | undefined;
}) {
  const { t } = useTranslation('checklist');
  const spec = VALUE_SPECS[valueKey];
  const value = normalizedValue(valueKey, values);
  const label = t(`values.${valueKey}.label`);
  return (
    <div className="used-value" data-testid={`use-${valueKey}`}>
      <span className="used-label">
        {label}
        {frame !== undefined && <span className="frame-chip">{t('frameChip', { n: frame })}</span>}
      </span>
      {value === undefined || value === '' ? (
        <span className="used-missing">
          {spec.optional ? t('values.none') : t('values.missing')}
        </span>
      ) : (
        <>
          <code className="used-code">
            {CHOICE_KEYS.includes(valueKey) ? (
              t(`values.${valueKey}.choices.${value}`)
            ) : (
              <Sensitive kind={spec.display} value={value} />
            )}
          </code>
          <CopyButton kind={spec.display} value={value} label={label} />
        </>
      )}
    </div>
  );
}
