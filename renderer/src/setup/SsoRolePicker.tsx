import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SsoSessionSummary } from '../../../shared/aws/profiles';
import { ssoRolePickName, type SsoAccount } from '../../../shared/aws/sso';
import { ErrorNotice } from '../common/ErrorNotice';
import { useSupportMode } from '../support/SupportModeContext';
import { SsoLoginControl, needsLogin } from './SsoLoginControl';
import { useSsoAccountRoles, useSsoAccounts } from './useAwsProfiles';
import { useSsoLogin } from './useSsoLogin';

export interface RolePick {
  /** Stands in for a profile name (ssoRolePickName). */
  readonly name: string;
  readonly accountId: string;
  readonly accountName: string | null;
  readonly roleName: string;
  readonly session: string;
}

/** The current choice while it is still listed, else the first listed (or none). */
const keepOrFirst = (listed: readonly string[], current: string): string =>
  listed.includes(current) ? current : (listed[0] ?? '');

/**
 * 3-1 without a profile for the account: one of the user's SSO sessions lists the accounts and
 * roles it may use, and the pick is used in place of a profile. Logs in to the session if needed.
 */
export function SsoRolePicker({
  sessions,
  onPick,
}: {
  sessions: readonly SsoSessionSummary[];
  onPick: (pick: RolePick) => void;
}) {
  const { t } = useTranslation('guided');
  const { format } = useSupportMode();
  const usable = sessions.filter((s) => s.problem === null);
  const [open, setOpen] = useState(false);
  const [session, setSession] = useState(usable[0]?.name ?? '');
  const [attempt, setAttempt] = useState(0);
  // What the user picked; while not listed (yet), the first listed one stands for it.
  const [pickedAccount, setAccountId] = useState('');
  const [pickedRole, setRoleName] = useState('');
  const login = useSsoLogin(() => setAttempt((a) => a + 1));

  const target = { ssoSession: session };
  const accountsKey = open && session !== '' ? `${session}|${attempt}` : null;
  const accountQuery = useSsoAccounts(target, accountsKey);
  const accounts = accountQuery.status === 'ready' ? accountQuery.value : undefined;
  const accountId = keepOrFirst(accounts?.map((a) => a.accountId) ?? [], pickedAccount);
  const rolesKey = accountsKey !== null && accountId !== '' ? `${accountsKey}|${accountId}` : null;
  const roleQuery = useSsoAccountRoles(target, accountId, rolesKey);
  const roles = roleQuery.status === 'ready' ? roleQuery.value : undefined;
  const roleName = keepOrFirst(roles?.map((r) => r.roleName) ?? [], pickedRole);

  if (usable.length === 0) return null;
  const account = accounts?.find((a) => a.accountId === accountId);
  const accountLabel = (a: SsoAccount) =>
    t('rolePick.accountOption', {
      name: a.accountName ?? '',
      id: format('accountId', a.accountId),
    });
  const listError =
    (accountQuery.status === 'error' ? accountQuery.error : undefined) ??
    (roleQuery.status === 'error' ? roleQuery.error : undefined);

  return (
    <details
      className="sso-role-picker"
      data-testid="sso-role-picker"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>{t('rolePick.open')}</summary>
      <p className="field-hint">{t('rolePick.hint')}</p>
      {usable.length > 1 && (
        <div className="field">
          <label htmlFor="sso-pick-session">{t('rolePick.session')}</label>
          <select
            id="sso-pick-session"
            value={session}
            onChange={(e) => setSession(e.target.value)}
          >
            {usable.map((s) => (
              <option key={s.name} value={s.name}>
                {format('text', s.name)}
              </option>
            ))}
          </select>
        </div>
      )}
      {listError !== undefined && needsLogin(listError) ? (
        <div className="login-box">
          <p>{t('rolePick.loginNeeded', { session: format('text', session) })}</p>
          <SsoLoginControl login={login} target={{ ssoSession: session }} />
        </div>
      ) : (
        listError !== undefined && <ErrorNotice error={listError} />
      )}
      {accounts && (
        <div className="field">
          <label htmlFor="sso-pick-account">{t('rolePick.account')}</label>
          <select
            id="sso-pick-account"
            value={accountId}
            onChange={(e) => setAccountId(e.target.value)}
          >
            {accounts.map((a) => (
              <option key={a.accountId} value={a.accountId}>
                {accountLabel(a)}
              </option>
            ))}
          </select>
        </div>
      )}
      {roles && (
        <div className="field">
          <label htmlFor="sso-pick-role">{t('rolePick.role')}</label>
          <select id="sso-pick-role" value={roleName} onChange={(e) => setRoleName(e.target.value)}>
            {roles.map((r) => (
              <option key={r.roleName} value={r.roleName}>
                {r.roleName}
              </option>
            ))}
          </select>
        </div>
      )}
      <button
        type="button"
        disabled={account === undefined || roleName === '' || roles === undefined}
        onClick={() => {
          if (account === undefined) return;
          onPick({
            name: ssoRolePickName({ ssoSession: session, accountId: account.accountId, roleName }),
            accountId: account.accountId,
            accountName: account.accountName,
            roleName,
            session,
          });
          setOpen(false);
        }}
      >
        {t('rolePick.use')}
      </button>
    </details>
  );
}
