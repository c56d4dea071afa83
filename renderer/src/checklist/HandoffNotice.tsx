import { useTranslation } from 'react-i18next';
import './handoff.css';
import type { AutomatedPrefill } from '../../../shared/steps/handoff';
import { VALUE_SPECS, type ValueKey } from '../../../shared/steps/values';
import { Sensitive } from '../support/Sensitive';

/** The hand-off values the guided screens fill in, under the checklist's name for each. */
const APPLIED: readonly [keyof AutomatedPrefill, ValueKey][] = [
  ['accountId', 'customerAccountId'],
  ['region', 'region'],
  ['rdsEndpoint', 'rdsEndpoint'],
  ['connectionName', 'connectionName'],
  ['authMethod', 'dbAuthMethod'],
  ['dbUser', 'dbUser'],
];

/**
 * Shown at the start of the automated flow when the user came from the offline checklist: which
 * typed values were carried over (masked in support mode like every other value), and that the
 * rest is read from the account rather than copied. Once a profile is chosen, an account id typed
 * in the checklist that is not the profile's account is pointed out before anything is looked up.
 */
export function HandoffNotice({
  prefill,
  profileAccountId,
}: {
  prefill: AutomatedPrefill;
  profileAccountId?: string;
}) {
  const { t } = useTranslation('checklist');
  const carried = APPLIED.flatMap(([field, key]) => {
    const value = prefill[field];
    return typeof value === 'string' ? [{ key, value }] : [];
  });
  if (carried.length === 0) return null;
  return (
    <div className="handoff-notice" role="note" data-testid="handoff-notice">
      <p>
        <strong>{t('handoff.title')}</strong> {t('handoff.body')}
      </p>
      <dl>
        {carried.map(({ key, value }) => (
          <div key={key} data-testid={`handoff-${key}`}>
            <dt>{t(`values.${key}.label`)}</dt>
            <dd>
              {key === 'dbAuthMethod' ? (
                t(`values.dbAuthMethod.choices.${value}`)
              ) : (
                <Sensitive kind={VALUE_SPECS[key].display} value={value} />
              )}
            </dd>
          </div>
        ))}
      </dl>
      {prefill.accountId !== undefined &&
        profileAccountId !== undefined &&
        prefill.accountId !== profileAccountId && (
          <p className="handoff-mismatch" role="alert" data-testid="handoff-account-mismatch">
            {t('handoff.accountMismatch')} <Sensitive kind="accountId" value={prefill.accountId} />{' '}
            ≠ <Sensitive kind="accountId" value={profileAccountId} />
          </p>
        )}
    </div>
  );
}
