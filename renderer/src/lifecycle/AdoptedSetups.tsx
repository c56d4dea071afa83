import { useTranslation } from 'react-i18next';
import type { AdoptionState } from '../../../shared/lifecycle/adopt';

/**
 * The setups adopted on this computer (kept in the store), each with when it was last checked
 * and a re-check: a new scan of its profile and region, which re-checks every adopted setup.
 */
export function AdoptedSetups({
  adoptions,
  onRecheck,
}: {
  adoptions: readonly AdoptionState[];
  onRecheck: (profile: string, region: string) => void;
}) {
  const { t, i18n } = useTranslation('lifecycle');
  const kept = adoptions.filter(
    (a): a is Extract<AdoptionState, { step: 'adopted' }> => a.step === 'adopted',
  );
  if (kept.length === 0) return null;
  return (
    <>
      <h3 id="adopted-title">{t('adoptedTitle')}</h3>
      <ul className="adopted-setups" aria-labelledby="adopted-title">
        {kept.map((a) => (
          <li key={a.key}>
            <span>
              {a.name}{' '}
              <span className="muted">
                ({a.profile} / {a.region}
                {` · ${t('lastChecked', { at: new Date(a.lastCheckedAt).toLocaleString(i18n.language) })}`}
                )
              </span>
            </span>
            <button
              type="button"
              aria-label={t('recheckNamed', { name: a.name })}
              onClick={() => onRecheck(a.profile, a.region)}
            >
              {t('recheck')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
