import { GetRoleCredentialsCommand, SSOClient } from '@aws-sdk/client-sso';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { AppError } from '../../../shared/errors';
import { AwsErrorCodes } from '../../../shared/aws/errorCodes';
import { mapAwsError } from '../awsErrors';
import type { SsoSessionRef } from '../profileCatalog';
import { freshSsoToken } from './tokenRefresh';

/**
 * Credentials for an account and role picked from a session's listing, without a profile: the
 * session's cached token (renewed when due) exchanged at the portal with GetRoleCredentials, as the
 * SDK does for an SSO profile. The portal endpoint is the SDK's own resolution.
 */
export function ssoRoleCredentials(
  session: SsoSessionRef,
  accountId: string,
  roleName: string,
  now: () => Date,
): AwsCredentialIdentityProvider {
  const label = session.sessionName ?? session.startUrl;
  return async (): Promise<AwsCredentialIdentity> => {
    const token = await freshSsoToken(session, now);
    if (!token) throw new AppError(AwsErrorCodes.ssoTokenExpired, { profile: '', session: label });
    const client = new SSOClient({ region: session.region, maxAttempts: 3 });
    let out;
    try {
      out = await client.send(
        new GetRoleCredentialsCommand({ accessToken: token.accessToken, accountId, roleName }),
      );
    } catch (error) {
      const name = (error as { name?: unknown } | null)?.name;
      if (name === 'UnauthorizedException') {
        throw new AppError(AwsErrorCodes.ssoTokenExpired, { profile: '', session: label }, error);
      }
      if (name === 'ForbiddenException') {
        throw new AppError(
          AwsErrorCodes.accessDenied,
          { action: 'sso:GetRoleCredentials', resource: `${accountId}/${roleName}` },
          error,
        );
      }
      throw mapAwsError(error, { action: 'sso:GetRoleCredentials', resource: accountId });
    }
    const role = out.roleCredentials;
    if (!role?.accessKeyId || !role.secretAccessKey) {
      throw new AppError(AwsErrorCodes.credentialsUnavailable, { profile: '' });
    }
    return {
      accessKeyId: role.accessKeyId,
      secretAccessKey: role.secretAccessKey,
      sessionToken: role.sessionToken,
      ...(role.expiration ? { expiration: new Date(role.expiration) } : {}),
    };
  };
}
