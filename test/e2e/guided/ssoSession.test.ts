import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  accountSnapshot,
  snapshotDelta,
  type AccountSnapshot,
} from '../../support/accountSnapshot';
import { launchChromium } from '../../support/browser';
import { openPage, waitForAccount, waitForScreen, continueToConfirm } from './guidedHarness';
import { message } from './messages';
import { shoot } from './shots';
import {
  SSO_PROFILE,
  SSO_SESSION,
  startSsoCustomerWorld,
  type SsoCustomerWorld,
} from './ssoCustomerWorld';
import { t } from '../../support/catalogue';

let world: SsoCustomerWorld;
let browser: Browser;
let page: Page;
let before: AccountSnapshot;

beforeAll(async () => {
  world = await startSsoCustomerWorld(inject('motoEndpoint'));
  before = await accountSnapshot(inject('motoEndpoint'));
  browser = await launchChromium();
  page = await openPage(browser, world.app);
});

afterAll(async () => {
  await browser?.close();
  await world?.close();
});

const notice = (state: string) =>
  page.locator(`[data-testid="sso-session-notice"][data-state="${state}"]`);

/** The parts of a message around one placeholder whose value the test cannot know exactly. */
function around(key: string, params: Record<string, string>, unknown: string): string[] {
  return message('ja', 'guided', key, { ...params, [unknown]: '\u0000' }).split('\u0000');
}

describe('guided setup with an SSO profile: the login is watched and renewed from the screen', () => {
  it('logs in on the first step', async () => {
    await page.getByRole('button', { name: t('home:modes.automated.action') }).click();
    await waitForScreen(page, 'target');
    expect(await page.locator('#guided-profile').inputValue()).toBe(SSO_PROFILE);
    await page.getByRole('button', { name: message('ja', 'guided', 'target.login') }).click();
    await waitForAccount(page);
    // A fresh login that renews itself needs no notice.
    expect(await page.getByTestId('sso-session-notice').count()).toBe(0);
  });

  it('says before the login ends that it cannot be renewed, without blocking the step', async () => {
    const endsAt = new Date(Date.now() + 10 * 60_000);
    await world.endLoginAt(endsAt);
    await page.getByRole('button', { name: t('guided:actions.next') }).click();
    await waitForScreen(page, 'database');
    await notice('ending').waitFor({ timeout: 30_000 });
    const text = (await notice('ending').textContent()) ?? '';
    for (const part of around('ssoSession.ending', { session: SSO_SESSION }, 'time'))
      expect(text).toContain(part);
    expect(text).toContain(endsAt.toLocaleTimeString('ja-JP'));
    // Non-blocking: the database list is there and can be used.
    await page.getByLabel(/customer-postgres/).waitFor();
    await shoot(page, 'guided-sso-session-ending-ja');
  });

  it('logs in again from the notice: the login is renewed and the notice says so', async () => {
    const before = Date.parse((await world.readToken()).expiresAt);
    await notice('ending')
      .getByRole('button', { name: message('ja', 'guided', 'target.login') })
      .click();
    await notice('renewed').waitFor({ timeout: 60_000 });
    expect(await notice('renewed').textContent()).toContain(
      message('ja', 'guided', 'ssoSession.renewed', { session: SSO_SESSION }),
    );
    expect(Date.parse((await world.readToken()).expiresAt)).toBeGreaterThan(before + 30 * 60_000);
  });

  it('a flow whose login ended waits for it with the AWS reason, and continues after the login', async () => {
    await page.getByLabel(/customer-postgres/).click();
    await page.getByRole('button', { name: t('guided:actions.checkAccount') }).click();
    await continueToConfirm(page, 90_000);
    await world.endLogin();
    // The engine stops on the ended login within milliseconds of the start; hold the start's
    // answer until after that push, as a slow transport might, so a screen that let the older
    // answer win would go back to the running step and never show the login.
    await page.route('**/ipc/setup%3Astart', async (route) => {
      const answer = await route.fetch();
      await page.getByTestId('attention-waitingForLogin').waitFor({ timeout: 60_000 });
      await route.fulfill({ response: answer });
    });
    const answered = page.waitForResponse('**/ipc/setup%3Astart');
    await page.getByTestId('confirm-create').click();

    const attention = page.getByTestId('attention-waitingForLogin');
    await attention.waitFor({ timeout: 60_000 });
    expect(await attention.getByTestId('login-reason').textContent()).toBe(
      message('ja', 'aws', 'errors.ssoTokenExpired', { session: SSO_SESSION }),
    );
    await answered;
    await page.unroute('**/ipc/setup%3Astart');
    // Time for the page to read the late answer and render whatever it does with it.
    await page.waitForTimeout(500);
    expect(await attention.isVisible()).toBe(true);
    await shoot(page, 'guided-sso-waiting-for-login-ja');

    await attention.getByRole('button', { name: message('ja', 'guided', 'target.login') }).click();
    await waitForScreen(page, 'endpoint', 240_000);
    // Nothing done before the login ended was done twice: the three NLB-subnet rules (the updater
    // runs outside the VPC, with no group of its own), one stack.
    const delta = snapshotDelta(before, await accountSnapshot(inject('motoEndpoint')));
    expect(delta.securityGroups).toHaveLength(0);
    expect(delta.rulesAddedToExistingGroups).toHaveLength(3);
    expect(delta.stacks).toHaveLength(1);
  });
});
