import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSmoozClient } from '../../../main/smooz/smoozApiClient';
import { accountSnapshot, type AccountSnapshot } from '../../support/accountSnapshot';
import { startBridgeApp, type BridgeApp } from '../../support/bridgeApp';
import { launchChromium } from '../../support/browser';
import {
  connectSmoozTo,
  deployManualSetup,
  motoVpcResolver,
  type ManualDeployment,
} from '../../support/lifecycle/manualSetup';
import {
  ADMIN_TOKEN,
  openPage,
  PROFILE,
  startWorld,
  type GuidedWorld,
} from '../guided/guidedHarness';
import { message } from '../guided/messages';
import { shoot } from '../guided/shots';

const endpoint = inject('motoEndpoint');
let world: GuidedWorld;
let app: BridgeApp;
let browser: Browser;
let page: Page;
let manual: ManualDeployment;
let before: AccountSnapshot;

const ja = (key: string, params: Record<string, string | number> = {}) =>
  message('ja', 'lifecycle', key, params);

beforeAll(async () => {
  world = await startWorld(endpoint, 0);
  manual = await deployManualSetup(endpoint, inject('testWorldFile'), world.seeded, {
    stackName: 'smooz-privatelink',
    functionName: 'smooz-privatelink-function',
  });
  const smooz = createSmoozClient({ baseUrl: world.smooz.url, token: async () => ADMIN_TOKEN });
  await connectSmoozTo(smooz, manual, '本番DB');
  app = await startBridgeApp({
    awsPaths: world.aws.paths,
    config: { aws: { endpointUrl: endpoint }, smooz: { apiBaseUrl: world.smooz.url } },
    secretEncryptor: world.encryptor,
    resolveDatabaseAddresses: motoVpcResolver(endpoint),
  });
  await app.services.smooz.tokens.write(ADMIN_TOKEN);
  before = await accountSnapshot(endpoint);
  browser = await launchChromium();
  page = await openPage(browser, app);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await world?.close();
});

describe('home: find existing setups', () => {
  it('shows the setup made by hand from the manual with its diagnosis, SMOOZ’s working test first', async () => {
    const section = page.getByRole('region', { name: ja('title') });
    await expect.poll(() => section.getByRole('combobox').inputValue()).toBe(PROFILE);
    await section.getByRole('button', { name: ja('scan'), exact: true }).click();
    const card = section.getByRole('listitem', { name: '本番DB' });
    await card.waitFor({ timeout: 60_000 });
    await expect.poll(() => card.getByText(ja('origin.handMade')).count()).toBe(1);
    const findings = card.getByRole('list', { name: ja('findingsLabel', { name: '本番DB' }) });
    const first = findings.getByRole('listitem').first();
    expect(await first.getAttribute('data-testid')).toBe('finding-connectivitySucceeded');
    for (const id of [
      'runtimeDeprecated',
      'singleAzForMultiAzDatabase',
      'noCrossZone',
      'egressThroughNat',
      'openToWholeSmoozAccount',
      'noScheduleBackstop',
    ]) {
      expect(await findings.getByTestId(`finding-${id}`).count(), id).toBe(1);
    }
    await expect
      .poll(() => findings.getByTestId('finding-runtimeDeprecated').textContent())
      .toContain('python3.9');
    await shoot(page, 'lifecycle-found-handmade-ja');
  });

  it('adopts it under a name, and nothing in the account changes', async () => {
    const section = page.getByRole('region', { name: ja('title') });
    const card = section.getByRole('listitem', { name: '本番DB' });
    await card.getByRole('button', { name: ja('adoptNamed', { name: '本番DB' }) }).click();
    await card.getByLabel(ja('adoptName')).fill('本番DB（手作業）');
    await card.getByRole('button', { name: ja('adoptConfirm') }).click();
    await card
      .getByRole('button', { name: ja('releaseNamed', { name: '本番DB' }) })
      .waitFor({ timeout: 60_000 });
    const adoptions = app.services.lifecycle.listAdoptions();
    expect(adoptions).toMatchObject([
      { step: 'adopted', name: '本番DB（手作業）', key: manual.endpointServiceId },
    ]);
    expect(await accountSnapshot(endpoint)).toEqual(before);
    await shoot(page, 'lifecycle-adopted-ja');
  });

  it('lists the adopted connection after the home screen is reopened, and re-checks it', async () => {
    await page.reload();
    const section = page.getByRole('region', { name: ja('title') });
    const recheck = section.getByRole('button', {
      name: ja('recheckNamed', { name: '本番DB（手作業）' }),
    });
    await recheck.waitFor({ timeout: 30_000 });
    const [before] = app.services.lifecycle.listAdoptions();
    await recheck.click();
    const card = section.getByRole('listitem', { name: '本番DB' });
    await card
      .getByRole('button', { name: ja('releaseNamed', { name: '本番DB' }) })
      .waitFor({ timeout: 60_000 });
    const [after] = app.services.lifecycle.listAdoptions();
    expect(after?.step === 'adopted' && before?.step === 'adopted').toBe(true);
    if (after?.step === 'adopted' && before?.step === 'adopted') {
      expect(after.lastCheckedAt > before.lastCheckedAt).toBe(true);
    }
  });

  it('masks the account, the service and the principals in support mode', async () => {
    const section = page.getByRole('region', { name: ja('title') });
    await page.getByLabel(message('ja', 'support', 'mode.label')).check();
    await expect.poll(() => section.textContent()).not.toContain('123456789012');
    const text = (await section.textContent()) ?? '';
    expect(text).not.toContain(manual.endpointServiceId);
    expect(text).not.toContain('210987654321');
    await shoot(page, 'lifecycle-support-mode-ja');
    await page.getByLabel(message('ja', 'support', 'mode.label')).uncheck();
  });

  it('says the same in English', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    const section = page.getByRole('region', { name: message('en', 'lifecycle', 'title') });
    await section
      .getByRole('button', { name: message('en', 'lifecycle', 'scan'), exact: true })
      .click();
    const card = section.getByRole('listitem', { name: '本番DB' });
    await card
      .getByRole('button', { name: message('en', 'lifecycle', 'releaseNamed', { name: '本番DB' }) })
      .waitFor({ timeout: 60_000 });
    await shoot(page, 'lifecycle-adopted-en');
  });

  it('removes it on request: SMOOZ’s connection, then the stack holding it', async () => {
    const en = (key: string, params: Record<string, string | number> = {}) =>
      message('en', 'lifecycle', key, params);
    const section = page.getByRole('region', { name: en('title') });
    const card = section.getByRole('listitem', { name: '本番DB' });
    await card.getByRole('button', { name: en('teardownNamed', { name: '本番DB' }) }).click();
    await card.getByText(en('tornDown')).waitFor({ timeout: 120_000 });
    const after = await accountSnapshot(endpoint);
    expect(after.stacks).toEqual(before.stacks.filter((s) => s !== manual.stackName));
    expect(after.endpointServices).not.toContain(manual.endpointServiceId);
    await shoot(page, 'lifecycle-torn-down-en');
  });
});
