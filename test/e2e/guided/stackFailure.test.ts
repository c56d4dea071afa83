import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BridgeApp } from '../../support/bridgeApp';
import { launchChromium } from '../../support/browser';
import { setVpcDns } from '../../integration/template/customerVpc';
import {
  openPage,
  startApp,
  startWorld,
  waitForAccount,
  waitForScreen,
  type GuidedWorld,
} from './guidedHarness';
import { message } from './messages';
import { shoot } from './shots';

let world: GuidedWorld;
let app: BridgeApp;
let browser: Browser;
let page: Page;
let databaseHost = '';

beforeAll(async () => {
  world = await startWorld(inject('motoEndpoint'));
  app = await startApp(world);
  browser = await launchChromium();
  page = await openPage(browser, app);
});

afterAll(async () => {
  if (databaseHost !== '') await setVpcDns(world.motoEndpoint, databaseHost, null);
  await browser?.close();
  await app?.close();
  await world?.close();
});

describe('a stack that fails: the failing resource, AWS reason and the next action', () => {
  it('fails the stack when the database name does not resolve inside the VPC', async () => {
    await page.getByRole('button', { name: '自動セットアップを開始' }).click();
    await waitForAccount(page);
    await page.getByRole('button', { name: '次へ' }).click();
    await waitForScreen(page, 'database');
    await page.getByLabel(/customer-postgres/).click();
    await page.getByRole('button', { name: 'この内容で事前チェック' }).click();
    await waitForScreen(page, 'confirm', 120_000);
    const [flow] = app.services.setup.list();
    databaseHost = flow?.plan.database.endpoint ?? '';
    expect(databaseHost).not.toBe('');
    // The VPC's resolver answers nothing for the database: the first registration fails.
    await setVpcDns(world.motoEndpoint, databaseHost, []);
    await page.getByTestId('confirm-create').click();
    await waitForScreen(page, 'attention', 180_000);
  });

  it('names the failing resource, gives AWS reason in plain words and says what to do next', async () => {
    await page.getByTestId('attention-failed').waitFor();
    const failure = page.getByTestId('stack-failure');
    expect(await failure.textContent()).toContain('TargetRegistration');
    expect(await failure.textContent()).toContain(`DNS lookup of ${databaseHost} failed`);
    // …and what it means, in the user's language.
    expect(await page.getByTestId('stack-failure-explained').textContent()).toBe(
      message('ja', 'guided', 'attention.explained.dnsLookup', { host: databaseHost }),
    );
    const attention = await page.getByTestId('attention-failed').textContent();
    expect(await page.getByTestId('attention-failed').getByRole('alert').textContent()).toBe(
      message('ja', 'guided', 'attention.stackFailed', { status: 'ROLLBACK_COMPLETE' }),
    );
    // The next action names the button to press by the label the button really has.
    const retry = message('ja', 'guided', 'actions.deleteAndRetry');
    expect(attention).toContain(message('ja', 'guided', 'attention.stackNext', { action: retry }));
    expect(attention).toContain(`「${retry}」`);
    expect(await page.locator('[data-testid^="checklist-"][data-state="attention"]').count()).toBe(
      1,
    );
    // The next actions the text names: retry (after deleting the stack), stop, or leave for later.
    for (const action of ['deleteAndRetry', 'cancel', 'home']) {
      const button = page.getByRole('button', {
        name: message('ja', 'guided', `actions.${action}`),
      });
      expect(await button.first().isEnabled()).toBe(true);
    }
    await shoot(page, 'guided-stack-failed-ja');
  });
});
