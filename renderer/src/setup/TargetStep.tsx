import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AwsProfile, AwsProfileListing } from '../../../shared/aws/profiles';
import { validateRegion } from '../../../shared/validation/awsIds';
import { ErrorNotice } from '../common/ErrorNotice';
import { IpcCallError } from '../ipc/api';
import { Sensitive } from '../support/Sensitive';
import { useSupportMode } from '../support/SupportModeContext';
import { SsoLoginControl, needsLogin } from './SsoLoginControl';
import { SsoRolePicker, type RolePick } from './SsoRolePicker';
import { loginTargetOf } from './ssoTarget';
import { useAwsProfiles, useCallerIdentity } from './useAwsProfiles';
import { ValidatedField, problemOf } from './ValidatedField';
import { useSsoLogin } from './useSsoLogin';

export interface Target {
  readonly profile: string;
  readonly region: string;
  readonly accountId: string;
}

function defaultRegion(listing: AwsProfileListing, profile: AwsProfile | undefined): string {
  return listing.regionFromEnvironment ?? profile?.region ?? 'ap-northeast-1';
}

/**
 * 3-1, first decision: which of the user's own AWS profiles and which region. The account is
 * looked up as soon as both are chosen; an SSO profile without a valid login is logged in here,
 * without leaving the screen. A region carried from the offline checklist comes first.
 */
export function TargetStep({
  onDone,
  preferredRegion,
}: {
  onDone: (target: Target) => void;
  preferredRegion?: string;
}) {
  const { t } = useTranslation('guided');
  const { format } = useSupportMode();
  const profiles = useAwsProfiles(preferredRegion ?? '');
  const listing = profiles.status === 'ready' ? profiles.value : undefined;
  // The user's own choices; until then the listing's defaults stand.
  const [chosenProfile, setProfile] = useState<string>();
  const [typedRegion, setRegion] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  // After a login the account is looked up again.
  const login = useSsoLogin(() => setAttempt((a) => a + 1));
  // Accounts and roles picked from an SSO session: listed with the profiles, usable like one.
  const [picks, setPicks] = useState<readonly RolePick[]>([]);

  // The profile the environment selects (or the first usable one), and its region.
  const usable = listing?.profiles.filter((p) => p.problem === null) ?? [];
  const first = usable.find((p) => p.name === listing?.selectedProfile) ?? usable[0];
  const profile = chosenProfile ?? first?.name ?? '';
  const region =
    typedRegion ?? preferredRegion ?? (listing === undefined ? '' : defaultRegion(listing, first));

  const regionCheck = validateRegion(region);
  const validRegion = regionCheck.ok ? regionCheck.value : undefined;
  const lookup = useCallerIdentity(profile, validRegion, attempt);
  const identity = lookup.status === 'ready' ? lookup.value : undefined;
  const identityError = lookup.status === 'error' ? lookup.error : undefined;

  if (profiles.status === 'error') return <ErrorNotice error={profiles.error} />;
  if (listing === undefined) return <p>{t('common:loading')}</p>;

  const selected = listing.profiles.find((p) => p.name === profile);
  return (
    <form
      className="guided-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (identity && validRegion)
          onDone({ profile, region: validRegion, accountId: identity.account });
      }}
    >
      <div className="field">
        <label htmlFor="guided-profile">{t('target.profile')}</label>
        <select
          id="guided-profile"
          value={profile}
          onChange={(e) => {
            const next = listing.profiles.find((p) => p.name === e.target.value);
            setProfile(e.target.value);
            if (next?.region && listing.regionFromEnvironment === null) setRegion(next.region);
          }}
        >
          {listing.profiles.length === 0 && picks.length === 0 && (
            <option value="">{t('target.noProfiles')}</option>
          )}
          {listing.profiles.map((p) => (
            <option key={p.name} value={p.name} disabled={p.problem !== null}>
              {/* Profile names often hold account ids (`aws configure sso` names them
                  `<role>-<account id>`): shown masked in support mode. */}
              {t('target.profileOption', {
                name: format('text', p.name),
                kind: t(`target.kinds.${p.kind}`),
              })}
            </option>
          ))}
          {picks.map((pick) => (
            <option key={pick.name} value={pick.name}>
              {t('target.rolePickOption', {
                account: t('rolePick.accountOption', {
                  name: pick.accountName ?? '',
                  id: format('accountId', pick.accountId),
                }),
                role: pick.roleName,
                session: format('text', pick.session),
              })}
            </option>
          ))}
        </select>
        {selected?.sso?.startUrl && (
          <p className="field-hint">
            {t('target.ssoStartUrl', { url: format('text', selected.sso.startUrl) })}
          </p>
        )}
        {listing.profiles.some((p) => p.problem !== null) && (
          <ul className="profile-problems">
            {listing.profiles
              .filter((p) => p.problem !== null)
              .map((p) => (
                <li key={p.name}>
                  {format('text', p.name)}:{' '}
                  <ErrorNotice error={new IpcCallError(p.problem ?? { code: 'internal' })} />
                </li>
              ))}
          </ul>
        )}
        {(listing.fileProblems.length > 0 || listing.ignoredSections.length > 0) && (
          // What the SDK skips in the files: without this, a broken file just lists no profiles.
          <ul className="profile-problems" data-testid="aws-file-problems">
            {listing.fileProblems.map((problem, index) => (
              <li key={`${problem.code}-${index}`}>
                <ErrorNotice error={new IpcCallError(problem)} />
              </li>
            ))}
            {listing.ignoredSections.map((section) => (
              <li key={section}>{t('aws:ignoredSection', { section: format('text', section) })}</li>
            ))}
          </ul>
        )}
      </div>
      {listing.ssoSessions.length > 0 && (
        <SsoRolePicker
          sessions={listing.ssoSessions}
          onPick={(pick) => {
            setPicks((all) => [...all.filter((p) => p.name !== pick.name), pick]);
            setProfile(pick.name);
          }}
        />
      )}
      <ValidatedField
        id="guided-region"
        label={t('target.region')}
        value={region}
        onChange={setRegion}
        problem={problemOf(regionCheck)}
      />
      <div className="identity" aria-live="polite" data-testid="guided-identity">
        {identity && (
          <p>
            {t('target.account')} <Sensitive kind="accountId" value={identity.account} />{' '}
            <span className="muted">
              (<Sensitive kind="arn" value={identity.arn} />)
            </span>
          </p>
        )}
        {identityError !== undefined && needsLogin(identityError) && (
          <div className="login-box">
            <p>{t('target.loginNeeded')}</p>
            <SsoLoginControl login={login} target={loginTargetOf(profile)} />
          </div>
        )}
        {identityError !== undefined && !needsLogin(identityError) && (
          <ErrorNotice error={identityError} />
        )}
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={!identity || !validRegion}>
          {t('actions.next')}
        </button>
      </div>
    </form>
  );
}
