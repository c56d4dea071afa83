import { readFileSync, writeFileSync } from 'node:fs';
import { createAwsServices, type AwsServices } from '../../../main/aws/awsServices';
import type { SsoSessionRef } from '../../../main/aws/profileCatalog';
import { ssoTokenPath } from '../../../main/aws/sso/tokenCache';
import { motoAppConfig } from '../../support/awsTestConfig';
import { CUSTOMER_ON_MOTO, startSsoTestbed } from '../../support/fakeSso/ssoTestbed';
import type { FakeSsoOidc } from '../../support/fakeSso/fakeSsoOidc';
import type { FakeSsoPortal } from '../../support/fakeSso/fakeSsoPortal';

export const SSO_PROFILE = 'corp-admin';
const SESSION: SsoSessionRef = {
  key: 'corp',
  sessionName: 'corp',
  startUrl: 'https://corp-example.awsapps.com/start',
  region: 'ap-northeast-1',
};

export interface SsoWorld {
  readonly services: AwsServices;
  readonly oidc: FakeSsoOidc;
  readonly portal: FakeSsoPortal;
  /** Logs in from the app, as the user's "log in" button does, and waits until it is done. */
  login(): Promise<void>;
  /**
   * The login ends: the cached token is past its expiry and the service no longer takes its
   * access or refresh token. Synchronous, so it can happen between two API calls of a step.
   */
  endLogin(): void;
  close(): Promise<void>;
}

/**
 * An SSO profile for moto's default account (where the seeded customer account lives), behind the
 * fake IAM Identity Center endpoints. Role credentials are real moto STS sessions but are handed
 * out as expiring within the SDK's refresh window, so every API call renews them through the
 * app's login check, as happens for real when role credentials run out in the middle of a flow.
 */
export async function startSsoWorld(motoEndpoint: string): Promise<SsoWorld> {
  const { aws, oidc, portal, browser, close } = await startSsoTestbed(
    motoEndpoint,
    CUSTOMER_ON_MOTO,
  );
  await aws.writeConfig(
    [
      `[sso-session ${SESSION.key}]`,
      `sso_start_url = ${SESSION.startUrl}`,
      `sso_region = ${SESSION.region}`,
      'sso_registration_scopes = sso:account:access',
      '',
      `[profile ${SSO_PROFILE}]`,
      `sso_session = ${SESSION.key}`,
      'sso_account_id = 123456789012',
      'sso_role_name = AdministratorAccess',
      'region = ap-northeast-1',
      '',
    ].join('\n'),
  );
  const services = createAwsServices({
    config: motoAppConfig(motoEndpoint),
    paths: aws.paths,
    env: process.env,
    openExternal: (url) => browser.openExternal(url),
  });
  return {
    services,
    oidc,
    portal,
    async login() {
      const started = services.ssoLogins.start(SESSION, 'authCode');
      await services.ssoLogins.finished(started.loginId);
    },
    endLogin() {
      const path = ssoTokenPath(SESSION.key);
      const token = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      writeFileSync(path, JSON.stringify({ ...token, expiresAt: '2020-01-01T00:00:00Z' }));
      oidc.revokeAccessTokens();
      oidc.revokeRefreshTokens();
    },
    close,
  };
}
