import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LifecycleScan } from '../../../shared/lifecycle/scan';
import { validateRegion } from '../../../shared/validation/awsIds';
import { ErrorNotice } from '../common/ErrorNotice';
import { useIpcQuery } from '../common/useIpcQuery';
import { call } from '../ipc/api';
import { Sensitive } from '../support/Sensitive';
import { AdoptedSetups } from './AdoptedSetups';
import { FoundSetupCard } from './FoundSetupCard';
import './lifecycle.css';

type ScanState =
  | { readonly status: 'idle' }
  | { readonly status: 'scanning' }
  | { readonly status: 'done'; readonly scan: LifecycleScan }
  | { readonly status: 'failed'; readonly error: unknown };

/**
 * Home: SMOOZ PrivateLink setups already in an account, made by this app or by hand from the
 * manual, each with its diagnosis and an Adopt button. Only reads AWS (and runs SMOOZ's test).
 */
export function ExistingSetups() {
  const { t } = useTranslation('lifecycle');
  const [listing] = useIpcQuery(() => call('aws:listProfiles'));
  const [adoptions, reloadAdoptions] = useIpcQuery(() => call('lifecycle:listAdoptions'));
  const [chosenProfile, setProfile] = useState<string>();
  const [chosenRegion, setRegion] = useState<string>();
  const [scan, setScan] = useState<ScanState>({ status: 'idle' });

  const profiles = listing.status === 'ready' ? listing.value.profiles : [];
  const profile =
    chosenProfile ??
    (listing.status === 'ready'
      ? (listing.value.selectedProfile ?? profiles[0]?.name)
      : undefined) ??
    '';
  const region =
    chosenRegion ??
    (listing.status === 'ready'
      ? (listing.value.regionFromEnvironment ?? profiles.find((p) => p.name === profile)?.region)
      : undefined) ??
    'ap-northeast-1';
  const regionCheck = validateRegion(region);

  const scanOf = (target: { profile: string; region: string }) => {
    setScan({ status: 'scanning' });
    call('lifecycle:scan', target).then(
      (result) => {
        setScan({ status: 'done', scan: result });
        reloadAdoptions();
      },
      (error: unknown) => setScan({ status: 'failed', error }),
    );
  };
  const run = () => {
    if (regionCheck.ok && profile) scanOf({ profile, region: regionCheck.value });
  };
  const recheck = (adoptedProfile: string, adoptedRegion: string) => {
    setProfile(adoptedProfile);
    setRegion(adoptedRegion);
    scanOf({ profile: adoptedProfile, region: adoptedRegion });
  };

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
          run();
        }}
      >
        <label>
          {t('profile')}
          <select value={profile} onChange={(e) => setProfile(e.target.value)}>
            {profiles.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
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
          disabled={!profile || !regionCheck.ok || scan.status === 'scanning'}
        >
          {t('scan')}
        </button>
      </form>
      {scan.status === 'scanning' && <p role="status">{t('scanning')}</p>}
      {scan.status === 'failed' && <ErrorNotice error={scan.error} />}
      {scan.status === 'done' && (
        <>
          <p role="status" data-testid="existing-setups-count">
            {scan.scan.setups.length === 0 ? (
              t('noneFound')
            ) : (
              <>
                {t('found', { count: scan.scan.setups.length })}{' '}
                <Sensitive kind="accountId" value={scan.scan.accountId} />
              </>
            )}
          </p>
          <ul className="found-setups">
            {scan.scan.setups.map((found) => (
              <FoundSetupCard key={found.setup.key} found={found} onChanged={run} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
