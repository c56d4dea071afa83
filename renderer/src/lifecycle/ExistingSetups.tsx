import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { validateRegion } from '../../../shared/validation/awsIds';
import { ErrorNotice } from '../common/ErrorNotice';
import { valueOf } from '../data/useIpcQuery';
import { useAwsProfiles } from '../setup/useAwsProfiles';
import { Sensitive } from '../support/Sensitive';
import { useSupportMode } from '../support/SupportModeContext';
import { AdoptedSetups } from './AdoptedSetups';
import { FoundSetupCard } from './FoundSetupCard';
import { useAdoptions, useExistingSetups, type ScanTarget } from './useLifecycle';
import './lifecycle.css';

/**
 * Home: SMOOZ PrivateLink setups already in an account, made by this app or by hand from the
 * manual, each with its diagnosis and an Adopt button. Only reads AWS (and runs SMOOZ's test).
 */
export function ExistingSetups() {
  const { t } = useTranslation('lifecycle');
  const listing = useAwsProfiles();
  const adoptions = useAdoptions();
  const { format } = useSupportMode();
  const [chosenProfile, setProfile] = useState<string>();
  const [chosenRegion, setRegion] = useState<string>();
  const [target, setTarget] = useState<ScanTarget>();
  const scan = useExistingSetups(target);

  const profiles = valueOf(listing)?.profiles ?? [];
  const profile = chosenProfile ?? valueOf(listing)?.selectedProfile ?? profiles[0]?.name ?? '';
  const region =
    chosenRegion ??
    valueOf(listing)?.regionFromEnvironment ??
    profiles.find((p) => p.name === profile)?.region ??
    'ap-northeast-1';
  const regionCheck = validateRegion(region);
  const find = (where: { profile: string; region: string }) =>
    setTarget((last) => ({ ...where, attempt: (last?.attempt ?? 0) + 1 }));
  const recheck = (adoptedProfile: string, adoptedRegion: string) => {
    setProfile(adoptedProfile);
    setRegion(adoptedRegion);
    find({ profile: adoptedProfile, region: adoptedRegion });
  };
  const scanning = target !== undefined && scan.status === 'loading';
  const found = valueOf(scan);

  return (
    <section className="panel existing-setups" aria-labelledby="existing-setups-title">
      <h2 id="existing-setups-title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      {listing.status === 'error' && <ErrorNotice error={listing.error} />}
      {adoptions.status === 'ready' && (
        <AdoptedSetups adoptions={adoptions.value} onRecheck={recheck} />
      )}
      <form
        className="existing-setups-target"
        onSubmit={(event) => {
          event.preventDefault();
          if (profile && regionCheck.ok) find({ profile, region: regionCheck.value });
        }}
      >
        <label>
          {t('profile')}
          <select value={profile} onChange={(e) => setProfile(e.target.value)}>
            {profiles.map((p) => (
              <option key={p.name} value={p.name}>
                {/* Profile names often hold account ids: masked in support mode. */}
                {format('text', p.name)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('region')}
          <input
            value={region}
            onChange={(e) => setRegion(e.target.value)}
            aria-invalid={!regionCheck.ok}
            spellCheck={false}
          />
        </label>
        <button
          type="submit"
          className="primary"
          disabled={!profile || !regionCheck.ok || scanning}
        >
          {t('scan')}
        </button>
      </form>
      {scanning && <p role="status">{t('scanning')}</p>}
      {scan.status === 'error' && <ErrorNotice error={scan.error} />}
      {found && !scanning && (
        <>
          <p role="status" data-testid="existing-setups-count">
            {found.setups.length === 0 ? (
              t('noneFound')
            ) : (
              <>
                {t('found', { count: found.setups.length })}{' '}
                <Sensitive kind="accountId" value={found.accountId} />
              </>
            )}
          </p>
          <ul className="found-setups">
            {found.setups.map((s) => (
              <FoundSetupCard
                key={s.setup.key}
                found={s}
                adoption={valueOf(adoptions)?.find((a) => a.key === s.setup.key)}
                smoozAccountId={found.smoozAccountId}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
