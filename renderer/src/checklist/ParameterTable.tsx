import { useTranslation } from 'react-i18next';
import { stackParameterList } from '../../../shared/steps/parameterList';
import { formatStepRef } from '../../../shared/steps/stepRef';
import type { ChecklistValues } from '../../../shared/steps/values';
import { CopyButton } from '../support/CopyButton';
import { Sensitive } from '../support/Sensitive';

/** Every stack parameter with the exact value to enter, in the console's order (①–⑧, then more). */
export function ParameterTable({
  values,
  defaults,
  highlight,
}: {
  values: ChecklistValues;
  defaults: Record<string, string>;
  highlight?: number | undefined;
}) {
  const { t } = useTranslation('checklist');
  return (
    <table className="parameter-table" data-testid="parameter-table">
      <thead>
        <tr>
          <th scope="col">{t('parameters.number')}</th>
          <th scope="col">{t('parameters.name')}</th>
          <th scope="col">{t('parameters.value')}</th>
          <th scope="col">
            <span className="sr-only-text">{t('parameters.copy')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {stackParameterList(values, defaults).map((p) => (
          <tr
            key={p.name}
            className={p.number !== undefined && p.number === highlight ? 'highlight' : undefined}
          >
            <td>
              {p.number === undefined ? '' : formatStepRef({ section: '3-2', parameter: p.number })}
            </td>
            <td>
              <code>{p.name}</code>
            </td>
            <td>
              {p.value === '' ? (
                <span className="used-missing">{t('values.none')}</span>
              ) : (
                <code className={p.valid ? undefined : 'invalid-value'}>
                  <Sensitive kind={p.display} value={p.value} />
                </code>
              )}
            </td>
            <td>
              {p.value !== '' && <CopyButton kind={p.display} value={p.value} label={p.name} />}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
