import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startBridgeApp, type BridgeApp } from '../../support/bridgeApp';
import { launchChromium } from '../../support/browser';
import { resetMoto } from '../../support/motoServer';
import { startSsoTestbed, type SsoTestbed } from '../../support/fakeSso/ssoTestbed';
import { createFakeEncryptor } from '../../smooz-server/fakeEncryptor';
import { startSmoozServer, type SmoozServer } from '../../smooz-server/smoozServer';
import { ADMIN_TOKEN, openPage, waitForScreen } from './guidedHarness';
import { message } from './messages';
import { shoot } from './shots';
import { t } from '../../support/catalogue';

const START_URL = 'https://guided-e2e.awsapps.com/start';
const SSO_ACCOUNT = '111122223333';

let testbed: SsoTestbed;
let smooz: SmoozServer;
let app: BridgeApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const motoEndpoint = inject('motoEndpoint');
  await resetMoto(motoEndpoint);
  // IAM Identity Center's OIDC and portal as fakes (moto has neither), a browser that signs in.
  testbed = await startSsoTestbed(motoEndpoint);
  await testbed.aws.writeConfig(
    [
      '[sso-session company]',
      `sso_start_url = ${START_URL}`,
      'sso_region = ap-northeast-1',
      '[profile customer-sso]',
      'sso_session = company',
      `sso_account_id = ${SSO_ACCOUNT}`,
      'sso_role_name = AdministratorAccess',
      'region = ap-northeast-1',
      '',
    ].join('\n'),
  );
  smooz = await startSmoozServer({ motoEndpoint, adminTokens: [ADMIN_TOKEN] });
  app = await startBridgeApp({
    awsPaths: testbed.aws.paths,
    config: { aws: { endpointUrl: motoEndpoint }, smooz: { apiBaseUrl: smooz.url } },
    secretEncryptor: createFakeEncryptor(),
    openExternal: (url) => testbed.browser.openExternal(url),
  });
  await app.services.smooz.tokens.write(ADMIN_TOKEN);
  browser = await launchChromium();
  page = await openPage(browser, app);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await smooz?.close();
  await testbed?.close();
});

describe('an SSO profile without a login: logged in from the first step, without leaving it', () => {
  it('shows the profile with its start URL and says a login is needed', async () => {
    await page.getByRole('button', { name: t('home:modes.automated.action') }).click();
    await waitForScreen(page, 'target');
    expect(await page.locator('#guided-profile').inputValue()).toBe('customer-sso');
    await page
      .getByText(message('ja', 'guided', 'target.ssoStartUrl', { url: START_URL }))
      .waitFor();
    await page
      .getByText(message('ja', 'guided', 'target.loginNeeded'))
      .waitFor({ timeout: 30_000 });
    expect(await page.getByRole('button', { name: t('guided:actions.next') }).isDisabled()).toBe(
      true,
    );
    await shoot(page, 'guided-sso-login-needed-ja');
  });

  it('logs in with one click and then shows the account, ready to go on', async () => {
    await page.getByRole('button', { name: message('ja', 'guided', 'target.login') }).click();
    await page
      .getByTestId('guided-identity')
      .getByText(SSO_ACCOUNT, { exact: true })
      .waitFor({ timeout: 60_000 });
    expect(await page.getByRole('button', { name: t('guided:actions.next') }).isEnabled()).toBe(
      true,
    );
    expect(testbed.browser.opened.some((url) => new URL(url).pathname.endsWith('/authorize'))).toBe(
      true,
    );
    // The login is the AWS CLI's too: the token went to the CLI's cache under the user's home.
    const cache = await readdir(join(testbed.aws.home, '.aws', 'sso', 'cache'));
    expect(cache.filter((f) => f.endsWith('.json')).length).toBeGreaterThan(0);
  });
});

describe('an account and role without a profile, picked from the SSO session on the first step', () => {
  it('lists the session’s accounts and roles and uses the pick like a profile: its account is shown', async () => {
    const picker = page.getByTestId('sso-role-picker');
    await picker.getByText(message('ja', 'guided', 'rolePick.open')).click();
    const account = picker.getByLabel(message('ja', 'guided', 'rolePick.account'));
    await account.locator('option').first().waitFor({ state: 'attached', timeout: 30_000 });
    // Every account of the session, over the portal's pages.
    expect(await account.locator('option').count()).toBe(3);
    await account.selectOption('222233334444');
    const role = picker.getByLabel(message('ja', 'guided', 'rolePick.role'));
    await expect.poll(() => role.locator('option').allTextContents()).toEqual(['ReadOnly']);
    await picker.getByRole('button', { name: message('ja', 'guided', 'rolePick.use') }).click();

    expect(await page.locator('#guided-profile').inputValue()).toBe(
      'sso-session:company:222233334444:ReadOnly',
    );
    const identity = page.getByTestId('guided-identity');
    await identity.getByText('222233334444', { exact: true }).waitFor({ timeout: 60_000 });
    expect(await identity.textContent()).toContain('AWSReservedSSO_ReadOnly');
    expect(await page.getByRole('button', { name: t('guided:actions.next') }).isEnabled()).toBe(
      true,
    );
    await shoot(page, 'guided-sso-role-pick-ja');
  });
});

describe('a login with a code, for when the browser cannot come back to the app', () => {
  it('shows the code, opens the verification page from the screen, and then shows the account', async () => {
    // A second session the user has not logged in to yet.
    await testbed.aws.writeConfig(
      [
        '[sso-session partner]',
        'sso_start_url = https://partner-e2e.awsapps.com/start',
        'sso_region = ap-northeast-1',
        '[profile partner-sso]',
        'sso_session = partner',
        `sso_account_id = ${SSO_ACCOUNT}`,
        'sso_role_name = AdministratorAccess',
        'region = ap-northeast-1',
        '',
      ].join('\n'),
    );
    // The app opened again: the home screen, then the first step reads the files afresh.
    await page.reload();
    await page.getByRole('button', { name: t('home:modes.automated.action') }).click();
    await waitForScreen(page, 'target');
    expect(await page.locator('#guided-profile').inputValue()).toBe('partner-sso');
    await page
      .getByText(message('ja', 'guided', 'target.loginNeeded'))
      .waitFor({ timeout: 30_000 });
    const openedBefore = testbed.browser.opened.length;

    await page
      .getByRole('button', { name: message('ja', 'guided', 'target.loginWithCode') })
      .click();
    const code = page.getByText(/^コード: \S+/);
    await code.waitFor({ timeout: 30_000 });
    const shownCode = /コード: (\S+)/.exec((await code.textContent()) ?? '')?.[1];
    expect(shownCode).toBeDefined();
    await shoot(page, 'guided-sso-device-code-ja');
    await page
      .getByRole('button', { name: message('ja', 'guided', 'target.openVerification') })
      .click();

    await page
      .getByTestId('guided-identity')
      .getByText(SSO_ACCOUNT, { exact: true })
      .waitFor({ timeout: 60_000 });
    const opened = testbed.browser.opened.slice(openedBefore);
    expect(opened).toHaveLength(1);
    // The verification page for the code on screen, not the authorization-code redirect.
    expect(new URL(opened[0] ?? '').searchParams.get('user_code')).toBe(shownCode);
  });
});
