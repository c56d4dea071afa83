import { paginateListAccountRoles, paginateListAccounts, SSOClient } from '@aws-sdk/client-sso';
import { AppError } from '../../../shared/errors';
import { AwsErrorCodes } from '../../../shared/aws/errorCodes';
import type { SsoAccount, SsoRole } from '../../../shared/aws/sso';
import { mapAwsError } from '../awsErrors';
import { sessionLabel, type SsoSessionRef } from '../profileCatalog';
import { readSsoToken } from './tokenCache';
import { freshSsoToken } from './tokenRefresh';

/**
 * The accounts and roles an SSO session may use (ListAccounts / ListAccountRoles), so the user can
 * pick one even without a profile for it. The portal endpoint is the SDK's own resolution
 * (`AWS_ENDPOINT_URL_SSO` and the like apply).
 */
export interface SsoPortal {
  listAccounts(session: SsoSessionRef): Promise<SsoAccount[]>;
  listAccountRoles(session: SsoSessionRef, accountId: string): Promise<SsoRole[]>;
}

/** The session's portal access token (renewed when due), or why the user must log in. */
export async function portalAccessToken(session: SsoSessionRef, now: () => Date): Promise<string> {
  const label = sessionLabel(session);
  if (!(await readSsoToken(session.key))) {
    throw new AppError(AwsErrorCodes.ssoTokenMissing, { profile: '', session: label });
  }
  const token = await freshSsoToken(session, now).catch((error: unknown) => {
    throw mapAwsError(error);
  });
  if (!token) throw new AppError(AwsErrorCodes.ssoTokenExpired, { profile: '', session: label });
  return token.accessToken;
}

/** A portal call's failure: a refused token means the login ended; the rest as any AWS error. */
export const portalFailure =
  (session: SsoSessionRef, action: string, resource: string) =>
  (error: unknown): AppError => {
    const name = typeof error === 'object' && error !== null && 'name' in error ? error.name : '';
    if (name === 'UnauthorizedException') {
      return new AppError(
        AwsErrorCodes.ssoTokenExpired,
        { profile: '', session: sessionLabel(session) },
        error,
      );
    }
    return mapAwsError(error, { action, resource });
  };

export function createSsoPortal(now: () => Date = () => new Date()): SsoPortal {
  return {
    async listAccounts(session) {
      const token = await portalAccessToken(session, now);
      const client = new SSOClient({ region: session.region, maxAttempts: 3 });
      const accounts: SsoAccount[] = [];
      try {
        for await (const page of paginateListAccounts({ client }, { accessToken: token })) {
          for (const account of page.accountList ?? []) {
            if (!account.accountId) continue;
            accounts.push({
              accountId: account.accountId,
              accountName: account.accountName ?? null,
              emailAddress: account.emailAddress ?? null,
            });
          }
        }
      } catch (error) {
        throw portalFailure(session, 'sso:ListAccounts', session.startUrl)(error);
      }
      return accounts;
    },
    async listAccountRoles(session, accountId) {
      const token = await portalAccessToken(session, now);
      const client = new SSOClient({ region: session.region, maxAttempts: 3 });
      const roles: SsoRole[] = [];
      try {
        for await (const page of paginateListAccountRoles(
          { client },
          { accessToken: token, accountId },
        )) {
          for (const role of page.roleList ?? []) {
            if (role.roleName) roles.push({ accountId, roleName: role.roleName });
          }
        }
      } catch (error) {
        throw portalFailure(session, 'sso:ListAccountRoles', accountId)(error);
      }
      return roles;
    },
  };
}
