import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SsoSessionSummary } from '../../../shared/aws/profiles';
import { ssoRolePickName, type SsoAccount, type SsoRole } from '../../../shared/aws/sso';
import { ErrorNotice } from '../common/ErrorNotice';
import { IpcCallError, call } from '../ipc/api';
import { useSupportMode } from '../support/SupportModeContext';
import { useSsoLogin } from './useSsoLogin';

export interface RolePick {
  /** Stands in for a profile name (ssoRolePickName). */
  readonly name: string;
  readonly accountId: string;
  readonly accountName: string | null;
  readonly roleName: string;
  readonly session: string;
}

const LOGIN_CODES = new Set(['aws.ssoTokenMissing', 'aws.ssoTokenExpired']);
const needsLogin = (error: unknown): boolean =>
  error instanceof IpcCallError && LOGIN_CODES.has(error.error.code);

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
  const [accounts, setAccounts] = useState<{ key: string; list?: SsoAccount[]; error?: unknown }>();
  const [accountId, setAccountId] = useState('');
  const [roles, setRoles] = useState<{ key: string; list?: SsoRole[]; error?: unknown }>();
  const [roleName, setRoleName] = useState('');
  const login = useSsoLogin(() => setAttempt((a) => a + 1));

  const accountsKey = `${session}|${attempt}`;
  useEffect(() => {
    if (!open || session === '') return undefined;
    let live = true;
    call('aws:ssoListAccounts', { target: { ssoSession: session } }).then(
      (list) => {
        if (!live) return;
        setAccounts({ key: accountsKey, list });
        setAccountId((current) =>
          list.some((a) => a.accountId === current) ? current : (list[0]?.accountId ?? ''),
        );
      },
      (error: unknown) => live && setAccounts({ key: accountsKey, error }),
    );
    return () => {
      live = false;
    };
  }, [open, session, accountsKey]);
  const accountList = accounts?.key === accountsKey ? accounts : undefined;

  const rolesKey = `${accountsKey}|${accountId}`;
  useEffect(() => {
    if (!open || session === '' || accountId === '') return undefined;
    let live = true;
    call('aws:ssoListAccountRoles', { target: { ssoSession: session }, accountId }).then(
      (list) => {
        if (!live) return;
        setRoles({ key: rolesKey, list });
        setRoleName((current) =>
          list.some((r) => r.roleName === current) ? current : (list[0]?.roleName ?? ''),
        );
      },
      (error: unknown) => live && setRoles({ key: rolesKey, error }),
    );
    return () => {
      live = false;
    };
  }, [open, session, accountId, rolesKey]);
  const roleList = roles?.key === rolesKey ? roles : undefined;

  if (usable.length === 0) return null;
  const account = accountList?.list?.find((a) => a.accountId === accountId);
  const accountLabel = (a: SsoAccount) =>
    t('rolePick.accountOption', {
      name: a.accountName ?? '',
      id: format('accountId', a.accountId),
    });
  const listError = accountList?.error ?? roleList?.error;

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
          {login.canStart ? (
            <button
              type="button"
              className="primary"
              onClick={() => void login.start({ ssoSession: session })}
            >
              {t('target.login')}
            </button>
          ) : (
            <p>{t(`target.loginStages.${login.stage ?? 'starting'}`)}</p>
          )}
          {login.error !== undefined && <ErrorNotice error={login.error} />}
        </div>
      ) : (
        listError !== undefined && <ErrorNotice error={listError} />
      )}
      {accountList?.list && (
        <div className="field">
          <label htmlFor="sso-pick-account">{t('rolePick.account')}</label>
          <select
            id="sso-pick-account"
            value={accountId}
            onChange={(e) => setAccountId(e.target.value)}
          >
            {accountList.list.map((a) => (
              <option key={a.accountId} value={a.accountId}>
                {accountLabel(a)}
              </option>
            ))}
          </select>
        </div>
      )}
      {roleList?.list && (
        <div className="field">
          <label htmlFor="sso-pick-role">{t('rolePick.role')}</label>
          <select id="sso-pick-role" value={roleName} onChange={(e) => setRoleName(e.target.value)}>
            {roleList.list.map((r) => (
              <option key={r.roleName} value={r.roleName}>
                {r.roleName}
              </option>
            ))}
          </select>
        </div>
      )}
      <button
        type="button"
        disabled={account === undefined || roleName === '' || roleList?.list === undefined}
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
