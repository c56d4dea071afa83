import { createHash } from 'node:crypto';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createAwsServices, type AwsServices } from '../../../main/aws/awsServices';
import type { SsoSessionRef } from '../../../main/aws/profileCatalog';
import { createSsoLogins } from '../../../main/aws/sso/ssoLogins';
import { ssoRolePickName, type SsoLoginProgress } from '../../../shared/aws/sso';
import { motoAppConfig } from '../../support/awsTestConfig';
import type { AwsHome } from '../../support/awsProfileFiles';
import type { FakeBrowser } from '../../support/fakeSso/fakeBrowser';
import type { FakeSsoOidc } from '../../support/fakeSso/fakeSsoOidc';
import type { FakeSsoPortal } from '../../support/fakeSso/fakeSsoPortal';
import { startSsoTestbed, type SsoTestbed } from '../../support/fakeSso/ssoTestbed';

const START_URL = 'https://corp-example.awsapps.com/start';
const LEGACY_URL = 'https://legacy-example.awsapps.com/start';
const PROD = '111122223333';
const CLI_FIELDS = [
  'startUrl',
  'region',
  'accessToken',
  'expiresAt',
  'clientId',
  'clientSecret',
  'registrationExpiresAt',
  'refreshToken',
];
const CLI_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

describe('SSO login without the AWS CLI, against fake IAM Identity Center endpoints', () => {
  let aws: AwsHome;
  let oidc: FakeSsoOidc;
  let portal: FakeSsoPortal;
  let browser: FakeBrowser;
  let services: AwsServices;
  let testbed: SsoTestbed;
  const cacheDir = () => join(aws.home, '.aws', 'sso', 'cache');
  const cacheFile = (key: string) => join(cacheDir(), `${sha1(key)}.json`);
  const corp: SsoSessionRef = {
    key: 'corp',
    sessionName: 'corp',
    startUrl: START_URL,
    region: 'ap-northeast-1',
  };
  const legacy: SsoSessionRef = {
    key: LEGACY_URL,
    sessionName: null,
    startUrl: LEGACY_URL,
    region: 'us-east-1',
  };

  /** Starts a login and collects its progress until it has finished. */
  async function login(
    session: SsoSessionRef,
    flow: 'authCode' | 'deviceCode',
    logins = services.ssoLogins,
  ) {
    const seen: SsoLoginProgress[] = [];
    const stop = logins.subscribe((p) => {
      seen.push(p);
      if (p.stage === 'deviceCode') {
        // The user opens the page only after the app has polled at least once.
        void (async () => {
          while (!oidc.calls.some((c) => c.operation === '/token'))
            await new Promise((r) => setTimeout(r, 50));
          await logins.openVerificationPage(p.loginId);
        })();
      }
    });
    const started = logins.start(session, flow);
    await logins.finished(started.loginId);
    stop();
    const progress = seen.filter((p) => p.loginId === started.loginId);
    return { started, progress, last: progress[progress.length - 1] };
  }

  beforeAll(async () => {
    const moto = inject('motoEndpoint');
    testbed = await startSsoTestbed(moto);
    ({ aws, oidc, portal, browser } = testbed);
    await aws.writeConfig(
      [
        '[sso-session corp]',
        `sso_start_url = ${START_URL}`,
        'sso_region = ap-northeast-1',
        'sso_registration_scopes = sso:account:access',
        '',
        '[profile corp-admin]',
        'sso_session = corp',
        `sso_account_id = ${PROD}`,
        'sso_role_name = AdministratorAccess',
        'region = ap-northeast-1',
        '',
        '[profile corp-no-access]',
        'sso_session = corp',
        `sso_account_id = ${PROD}`,
        'sso_role_name = Billing',
        'region = ap-northeast-1',
        '',
        '[profile legacy]',
        `sso_start_url = ${LEGACY_URL}`,
        'sso_region = us-east-1',
        `sso_account_id = ${PROD}`,
        'sso_role_name = ReadOnly',
        'region = ap-northeast-1',
        '',
      ].join('\n'),
    );
    services = createAwsServices({
      config: motoAppConfig(moto),
      paths: aws.paths,
      env: process.env,
      openExternal: (url) => browser.openExternal(url),
    });
  });

  afterAll(() => testbed.close());

  beforeEach(() => {
    oidc.userDecision = 'approve';
    oidc.calls.length = 0;
    browser.user = 'signsIn';
  });

  it('lists an SSO profile as not logged in before any login', async () => {
    await rm(cacheDir(), { recursive: true, force: true });
    const listing = await services.awsAccess.listProfiles();
    const profile = listing.profiles.find((p) => p.name === 'corp-admin');
    expect(profile?.kind).toBe('sso');
    expect(profile?.login).toEqual({
      state: 'missing',
      expiresAt: null,
      refreshable: false,
      sessionEndsAt: null,
    });
    await expect(services.awsAccess.contextFor('corp-admin')).rejects.toMatchObject({
      code: 'aws.ssoTokenMissing',
      params: { profile: 'corp-admin', session: 'corp' },
    });
  });

  it('logs in with authorization code + PKCE and writes the token cache as the AWS CLI does', async () => {
    const { progress, last } = await login(corp, 'authCode');
    expect(progress.map((p) => p.stage)).toEqual(['browserOpened', 'done']);

    const register = oidc.calls.find((c) => c.operation === '/client/register')?.body;
    expect(register).toMatchObject({
      clientType: 'public',
      scopes: ['sso:account:access'],
      grantTypes: ['authorization_code', 'refresh_token'],
      redirectUris: ['http://127.0.0.1/oauth/callback'],
      issuerUrl: START_URL,
    });
    const authorize = new URL(browser.opened[browser.opened.length - 1] ?? '');
    expect(authorize.origin).toBe(oidc.endpoint);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('scopes')).toBe('sso:account:access');
    expect(authorize.searchParams.get('redirect_uri')).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback$/,
    );
    const exchange = oidc.calls.find((c) => c.operation === '/token')?.body;
    expect(exchange).toMatchObject({
      grantType: 'authorization_code',
      redirectUri: authorize.searchParams.get('redirect_uri'),
    });
    expect(String(exchange?.codeVerifier)).toHaveLength(86);

    const raw = await readFile(cacheFile('corp'), 'utf8');
    const token = JSON.parse(raw) as Record<string, string>;
    expect(Object.keys(token)).toEqual(CLI_FIELDS);
    expect(
      raw.startsWith(`{"startUrl": "${START_URL}", "region": "ap-northeast-1", "accessToken": "`),
    ).toBe(true);
    expect(token.startUrl).toBe(START_URL);
    expect(token.region).toBe('ap-northeast-1');
    expect(oidc.isValidAccessToken(token.accessToken ?? '')).toBe(true);
    expect(token.expiresAt).toMatch(CLI_TIME);
    expect(Date.parse(token.expiresAt ?? '')).toBeGreaterThan(Date.now() + 50 * 60 * 1000);
    expect(token.clientId).toBe(
      register && oidc.calls.find((c) => c.operation === '/token')?.body.clientId,
    );
    expect(token.clientSecret).toMatch(/^secret/);
    expect(token.registrationExpiresAt).toMatch(CLI_TIME);
    expect(Date.parse(token.registrationExpiresAt ?? '')).toBeGreaterThan(
      Date.now() + 80 * 24 * 3600 * 1000,
    );
    expect(token.refreshToken).toMatch(/^aor/);
    expect((await stat(cacheFile('corp'))).mode & 0o777).toBe(0o600);
    expect((await readdir(cacheDir())).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(last).toMatchObject({
      stage: 'done',
      expiresAt: new Date(token.expiresAt ?? '').toISOString(),
    });
  });

  it('shows the login as valid, with its end, once logged in', async () => {
    const listing = await services.awsAccess.listProfiles();
    const login = listing.profiles.find((p) => p.name === 'corp-admin')?.login;
    const token = JSON.parse(await readFile(cacheFile('corp'), 'utf8')) as Record<string, string>;
    expect(login).toEqual({
      state: 'valid',
      expiresAt: new Date(token.expiresAt ?? '').toISOString(),
      refreshable: true,
      sessionEndsAt: new Date(token.registrationExpiresAt ?? '').toISOString(),
    });
    expect(listing.ssoSessions).toEqual([
      { name: 'corp', startUrl: START_URL, ssoRegion: 'ap-northeast-1', problem: null, login },
    ]);
  });

  it('gets credentials for an SSO profile from the portal and STS GetCallerIdentity shows that role', async () => {
    const identity = await services.awsAccess.callerIdentity('corp-admin');
    expect(identity.account).toBe(PROD);
    expect(identity.arn).toBe(
      `arn:aws:sts::${PROD}:assumed-role/AWSReservedSSO_AdministratorAccess_0123456789abcdef/engineer@example.com`,
    );
    const call = portal.calls.find((c) => c.operation === '/federation/credentials');
    expect(call?.query).toEqual({ role_name: 'AdministratorAccess', account_id: PROD });
  });

  it('reports a role the user is not assigned as access denied', async () => {
    await expect(services.awsAccess.callerIdentity('corp-no-access')).rejects.toMatchObject({
      code: 'aws.accessDenied',
    });
  });

  it('lists every account and role of the session across pages', async () => {
    const accounts = await services.ssoPortal.listAccounts(corp);
    expect(accounts.map((a) => a.accountId)).toEqual([PROD, '222233334444', '333344445555']);
    expect(accounts[0]).toEqual({
      accountId: PROD,
      accountName: 'Production',
      emailAddress: 'prod@example.com',
    });
    const roles = await services.ssoPortal.listAccountRoles(corp, PROD);
    expect(roles).toEqual([
      { accountId: PROD, roleName: 'AdministratorAccess' },
      { accountId: PROD, roleName: 'ReadOnly' },
    ]);
  });

  it('gets credentials for an account and role picked from the listing, without a profile', async () => {
    const picked = ssoRolePickName({
      ssoSession: 'corp',
      accountId: '222233334444',
      roleName: 'ReadOnly',
    });
    const identity = await services.awsAccess.callerIdentity(picked, 'ap-northeast-1');
    expect(identity).toMatchObject({ account: '222233334444', profile: picked });
    expect(identity.arn).toContain('assumed-role/AWSReservedSSO_ReadOnly_');
    await expect(
      services.awsAccess.callerIdentity(
        ssoRolePickName({ ssoSession: 'corp', accountId: '222233334444', roleName: 'Admin' }),
        'ap-northeast-1',
      ),
    ).rejects.toMatchObject({
      code: 'aws.accessDenied',
      params: { action: 'sso:GetRoleCredentials', resource: '222233334444/Admin' },
    });
    await expect(
      services.awsAccess.callerIdentity(
        ssoRolePickName({ ssoSession: 'gone', accountId: '222233334444', roleName: 'ReadOnly' }),
        'ap-northeast-1',
      ),
    ).rejects.toMatchObject({ code: 'aws.ssoSessionMissing', params: { session: 'gone' } });
  });

  it('renews an expired access token with the refresh token and rewrites the cache in place', async () => {
    const before = JSON.parse(await readFile(cacheFile('corp'), 'utf8')) as Record<string, string>;
    // As the CLI would leave it an hour later: same file, access token run out.
    await writeFile(
      cacheFile('corp'),
      JSON.stringify({ ...before, expiresAt: '2020-01-01T00:00:00Z' }),
    );
    oidc.revokeAccessTokens();
    services.awsAccess.forgetCredentials();

    const identity = await services.awsAccess.callerIdentity('corp-admin');
    expect(identity.account).toBe(PROD);
    const refresh = oidc.calls.find((c) => c.operation === '/token')?.body;
    expect(refresh).toMatchObject({
      grantType: 'refresh_token',
      refreshToken: before.refreshToken,
      clientId: before.clientId,
    });
    const after = JSON.parse(await readFile(cacheFile('corp'), 'utf8')) as Record<string, string>;
    expect(Object.keys(after)).toEqual(CLI_FIELDS);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(oidc.isValidAccessToken(after.accessToken ?? '')).toBe(true);
    expect(Date.parse(after.expiresAt ?? '')).toBeGreaterThan(Date.now());
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect({ ...after, accessToken: '', expiresAt: '', refreshToken: '' }).toEqual({
      ...before,
      accessToken: '',
      expiresAt: '',
      refreshToken: '',
    });
  });

  it('asks for a new login when the access token expired and the refresh token is revoked', async () => {
    const current = JSON.parse(await readFile(cacheFile('corp'), 'utf8')) as Record<string, string>;
    await writeFile(
      cacheFile('corp'),
      JSON.stringify({ ...current, expiresAt: '2020-01-01T00:00:00Z' }),
    );
    oidc.revokeRefreshTokens();
    services.awsAccess.forgetCredentials();
    await expect(services.awsAccess.contextFor('corp-admin')).rejects.toMatchObject({
      code: 'aws.ssoTokenExpired',
      params: { profile: 'corp-admin', session: 'corp' },
    });
    const listed = await services.awsAccess.listProfiles();
    expect(listed.profiles.find((p) => p.name === 'corp-admin')?.login?.state).toBe('expired');
  });

  it('logs in a legacy profile with the device code flow, keyed by its start URL', async () => {
    oidc.slowDownNextPoll = true;
    const { progress, started } = await login(legacy, 'deviceCode');
    expect(started.sessionKey).toBe(LEGACY_URL);
    const device = progress.find((p) => p.stage === 'deviceCode');
    expect(device).toMatchObject({
      stage: 'deviceCode',
      userCode: expect.stringMatching(/^[0-9A-F]{4}-[0-9A-F]{4}$/),
    });
    expect(progress[progress.length - 1]?.stage).toBe('done');
    const polls = oidc.calls.filter((c) => c.operation === '/token').map((c) => c.body.grantType);
    expect(polls.length).toBeGreaterThanOrEqual(2);
    expect(new Set(polls)).toEqual(new Set(['urn:ietf:params:oauth:grant-type:device_code']));
    const register = oidc.calls.find((c) => c.operation === '/client/register')?.body;
    expect(register).toMatchObject({ clientType: 'public', scopes: ['sso:account:access'] });

    const token = JSON.parse(await readFile(cacheFile(LEGACY_URL), 'utf8')) as Record<
      string,
      string
    >;
    expect(Object.keys(token)).toEqual(CLI_FIELDS);
    expect(token).toMatchObject({ startUrl: LEGACY_URL, region: 'us-east-1' });
    const identity = await services.awsAccess.callerIdentity('legacy');
    expect(identity.arn).toContain('AWSReservedSSO_ReadOnly_');
  });

  it('asks for a new login when the portal refuses a token the cache still calls valid', async () => {
    // Signed out in the browser, or the administrator ended the session: IAM Identity Center
    // answers 401 although the cached token has not run out yet.
    oidc.revokeAccessTokens();
    services.awsAccess.forgetCredentials();
    await expect(services.awsAccess.callerIdentity('legacy')).rejects.toMatchObject({
      code: 'aws.ssoTokenExpired',
      params: { profile: 'legacy', session: LEGACY_URL },
    });
    await expect(services.ssoPortal.listAccounts(legacy)).rejects.toMatchObject({
      code: 'aws.ssoTokenExpired',
      params: { session: LEGACY_URL },
    });
  });

  it('a login the user denies fails with aws.ssoLoginDenied and writes nothing', async () => {
    await rm(cacheFile('corp'), { force: true });
    oidc.userDecision = 'deny';
    const { last } = await login(corp, 'authCode');
    expect(last).toMatchObject({ stage: 'failed', error: { code: 'aws.ssoLoginDenied' } });
    await expect(stat(cacheFile('corp'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('a cancelled login leaves the previous cache file exactly as it was', async () => {
    await login(corp, 'authCode');
    const before = await readFile(cacheFile('corp'), 'utf8');
    browser.user = 'idle';
    const progress: SsoLoginProgress[] = [];
    const stop = services.ssoLogins.subscribe((p) => progress.push(p));
    const started = services.ssoLogins.start(corp, 'authCode');
    while (!progress.some((p) => p.stage === 'browserOpened'))
      await new Promise((r) => setTimeout(r, 20));
    expect(services.ssoLogins.cancel(started.loginId)).toBe(true);
    await services.ssoLogins.finished(started.loginId);
    stop();
    expect(progress.map((p) => p.stage)).toEqual(['browserOpened', 'cancelled']);
    expect(await readFile(cacheFile('corp'), 'utf8')).toBe(before);
    expect((await readdir(cacheDir())).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(services.ssoLogins.cancel(started.loginId)).toBe(false);
  });

  it('allows one login per SSO session at a time', async () => {
    browser.user = 'idle';
    const first = services.ssoLogins.start(corp, 'authCode');
    expect(() => services.ssoLogins.start(corp, 'deviceCode')).toThrow(
      expect.objectContaining({ code: 'aws.ssoLoginInProgress' }),
    );
    // Another session is independent.
    const other = services.ssoLogins.start(legacy, 'authCode');
    services.ssoLogins.cancel(first.loginId);
    services.ssoLogins.cancel(other.loginId);
    await Promise.all([
      services.ssoLogins.finished(first.loginId),
      services.ssoLogins.finished(other.loginId),
    ]);
    // Once the first login has ended, the session takes a new one.
    const again = services.ssoLogins.start(corp, 'deviceCode');
    expect(again.loginId).not.toBe(first.loginId);
    services.ssoLogins.cancel(again.loginId);
    await services.ssoLogins.finished(again.loginId);
  });

  it('a login nobody finishes times out with aws.ssoLoginTimedOut and writes nothing', async () => {
    await rm(cacheFile('corp'), { force: true });
    browser.user = 'idle';
    const logins = createSsoLogins({
      openExternal: (url) => browser.openExternal(url),
      timeoutMs: 500,
    });
    const { last } = await login(corp, 'authCode', logins);
    expect(last).toMatchObject({ stage: 'failed', error: { code: 'aws.ssoLoginTimedOut' } });
    await expect(stat(cacheFile('corp'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
