import type { AppConfig } from '../base/config';
import { createAwsAccess, type AwsAccess } from './awsAccess';
import type { AwsConfigPaths } from './sharedConfigFiles';
import { createSsoLogins, type SsoLogins } from './sso/ssoLogins';
import { createSsoPortal, type SsoPortal } from './sso/ssoPortal';
import { createSsoSessionWatch, type SsoSessionWatch } from './sso/sessionWatch';

export interface AwsServices {
  /** The user's local AWS profiles: listing, credentials for a profile, caller identity. */
  readonly awsAccess: AwsAccess;
  /** SSO logins started from the app (browser or device code), written to the CLI's token cache. */
  readonly ssoLogins: SsoLogins;
  /** Accounts and roles of a logged-in SSO session. */
  readonly ssoPortal: SsoPortal;
  /** Watches SSO sessions in use: renews them, and warns before one runs out. */
  readonly ssoSessionWatch: SsoSessionWatch;
}

export interface AwsServicesOptions {
  readonly config: AppConfig;
  readonly paths: AwsConfigPaths;
  readonly env: NodeJS.ProcessEnv;
  /** The system browser; SSO logins check their own URLs (IAM Identity Center hosts). */
  readonly openExternal: (url: string) => Promise<void>;
}

export function createAwsServices(options: AwsServicesOptions): AwsServices {
  const awsAccess = createAwsAccess(options);
  return {
    awsAccess,
    ssoLogins: createSsoLogins({
      openExternal: options.openExternal,
      onLoggedIn: () => awsAccess.forgetCredentials(),
    }),
    ssoPortal: createSsoPortal(),
    ssoSessionWatch: createSsoSessionWatch(),
  };
}
