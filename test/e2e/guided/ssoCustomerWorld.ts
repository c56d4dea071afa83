import { inject } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { ssoTokenPath } from '../../../main/aws/sso/tokenCache';
import type { AwsHome } from '../../support/awsProfileFiles';
import { startBridgeApp, type BridgeApp } from '../../support/bridgeApp';
import type { FakeBrowser } from '../../support/fakeSso/fakeBrowser';
import type { FakeSsoOidc } from '../../support/fakeSso/fakeSsoOidc';
import type { FakeSsoPortal } from '../../support/fakeSso/fakeSsoPortal';
import { CUSTOMER_ON_MOTO, startSsoTestbed } from '../../support/fakeSso/ssoTestbed';
import { resetMoto } from '../../support/motoServer';
import { seedCustomerAccount, type SeededAccount } from '../../support/seedAccount';
import { createFakeEncryptor } from '../../smooz-server/fakeEncryptor';
import { startSmoozServer, type SmoozServer } from '../../smooz-server/smoozServer';
import { worldDataSources } from '../../smooz-server/worldDataSources';
import { ADMIN_TOKEN } from './guidedHarness';

export const SSO_SESSION = 'company';
export const SSO_PROFILE = 'customer-sso';
export const CUSTOMER_ACCOUNT = '123456789012';

/**
 * The seeded customer account (moto's default account) reached only through an SSO profile, behind
 * the fake IAM Identity Center; the app behind the bridge with the fake browser that signs in.
 * Role credentials are handed out as expiring within the SDK's refresh window, so every call goes
 * through the login again, as when role credentials run out in the middle of a flow.
 */
export interface SsoCustomerWorld {
  readonly seeded: SeededAccount;
  readonly aws: AwsHome;
  readonly oidc: FakeSsoOidc;
  readonly portal: FakeSsoPortal;
  readonly browser: FakeBrowser;
  readonly app: BridgeApp;
  /** The cached login as the CLI wrote it. */
  readToken(): Promise<{ expiresAt: string } & Record<string, unknown>>;
  /** The login ends at `expiresAt` and IAM Identity Center refuses to renew it. */
  endLoginAt(expiresAt: Date): Promise<void>;
  /** The login has ended: expired in the cache, its access and refresh tokens refused. */
  endLogin(): Promise<void>;
  close(): Promise<void>;
}

export async function startSsoCustomerWorld(motoEndpoint: string): Promise<SsoCustomerWorld> {
  await resetMoto(motoEndpoint);
  const seeded = await seedCustomerAccount(motoEndpoint);
  const testbed = await startSsoTestbed(motoEndpoint, CUSTOMER_ON_MOTO);
  const { aws, oidc, portal, browser } = testbed;
  await aws.writeConfig(
    [
      `[sso-session ${SSO_SESSION}]`,
      'sso_start_url = https://customer-e2e.awsapps.com/start',
      'sso_region = ap-northeast-1',
      'sso_registration_scopes = sso:account:access',
      '',
      `[profile ${SSO_PROFILE}]`,
      `sso_session = ${SSO_SESSION}`,
      `sso_account_id = ${CUSTOMER_ACCOUNT}`,
      'sso_role_name = AdministratorAccess',
      'region = ap-northeast-1',
      '',
    ].join('\n'),
  );
  const smooz: SmoozServer = await startSmoozServer({
    motoEndpoint,
    adminTokens: [ADMIN_TOKEN],
    transitionDelayMs: 1_500,
    // SMOOZ's connectivity test logs in to the test world's real databases.
    dataSources: worldDataSources(inject('testWorldFile')),
  });
  const app = await startBridgeApp({
    awsPaths: aws.paths,
    config: { aws: { endpointUrl: motoEndpoint }, smooz: { apiBaseUrl: smooz.url } },
    secretEncryptor: createFakeEncryptor(),
    openExternal: (url) => browser.openExternal(url),
  });
  await app.services.smooz.tokens.write(ADMIN_TOKEN);

  const tokenPath = () => ssoTokenPath(SSO_SESSION);
  const readToken = async () =>
    JSON.parse(await readFile(tokenPath(), 'utf8')) as { expiresAt: string } & Record<
      string,
      unknown
    >;
  const endLoginAt = async (expiresAt: Date) => {
    const token = await readToken();
    await writeFile(tokenPath(), JSON.stringify({ ...token, expiresAt: expiresAt.toISOString() }));
    oidc.revokeRefreshTokens();
  };
  return {
    seeded,
    aws,
    oidc,
    portal,
    browser,
    app,
    readToken,
    endLoginAt,
    async endLogin() {
      await endLoginAt(new Date('2020-01-01T00:00:00Z'));
      oidc.revokeAccessTokens();
    },
    async close() {
      await app.close();
      await smooz.close();
      await testbed.close();
    },
  };
}
