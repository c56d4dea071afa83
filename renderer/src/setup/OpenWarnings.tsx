import { useTranslation } from 'react-i18next';
import type { PreflightReport } from '../../../shared/flow/preflight';
import { openWarnings } from './preflightWarnings';

/** The confirmation repeats each warning the user continued past, in the checks' own words. */
export function OpenWarnings({ report }: { report: PreflightReport }) {
  const { t } = useTranslation(['guided', 'setup']);
  const warnings = openWarnings(report);
  if (warnings.length === 0) return null;
  return (
    <section aria-labelledby="confirm-warnings" className="warning-box">
      <h3 id="confirm-warnings">{t('guided:confirm.openWarnings')}</h3>
      <ul className="open-warnings" data-testid="confirm-warnings">
        {warnings.map((check) => (
          <li key={check.id}>
            <strong>{t(`guided:preflight.checks.${check.id}`)}</strong>:{' '}
            {t(`setup:preflight.${check.explanation}`, { ...check.params })}
          </li>
        ))}
      </ul>
    </section>
  );
}
