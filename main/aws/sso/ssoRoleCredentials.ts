import { GetRoleCredentialsCommand, SSOClient } from '@aws-sdk/client-sso';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { AppError } from '../../../shared/errors';
import { AwsErrorCodes } from '../../../shared/aws/errorCodes';
import type { SsoSessionRef } from '../profileCatalog';
import { portalAccessToken, portalFailure } from './ssoPortal';

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
  return async (): Promise<AwsCredentialIdentity> => {
    const accessToken = await portalAccessToken(session, now);
    const client = new SSOClient({ region: session.region, maxAttempts: 3 });
    const out = await client
      .send(new GetRoleCredentialsCommand({ accessToken, accountId, roleName }))
      .catch((error: unknown) => {
        throw portalFailure(session, 'sso:GetRoleCredentials', `${accountId}/${roleName}`)(error);
      });
    const role = out.roleCredentials;
    if (!role?.accessKeyId || !role.secretAccessKey) {
      throw new AppError(AwsErrorCodes.credentialsUnavailable, { profile: '' });
    }
    return {
      accessKeyId: role.accessKeyId,
      secretAccessKey: role.secretAccessKey,
      ...(role.sessionToken === undefined ? {} : { sessionToken: role.sessionToken }),
      ...(role.expiration ? { expiration: new Date(role.expiration) } : {}),
    };
  };
}
