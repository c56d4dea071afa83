import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../main/base/logger';
import { electronUpdaterPort } from '../../main/electron/electronUpdater';
import { startBridgeApp, type BridgeApp } from '../support/bridgeApp';
import { findHorizontalOverflow, launchChromium, screenshot } from '../support/browser';
import { realUpdater, startUpdateFeed } from '../support/updateFeed';
import { t } from '../support/catalogue';

let browser: Browser;
let app: BridgeApp;
let page: Page;
let feed: Awaited<ReturnType<typeof startUpdateFeed>>;
const savedAppImage = process.env.APPIMAGE;

beforeAll(async () => {
  const awsDir = await mkdtemp(join(tmpdir(), 'smooz-e2e-release-'));
  feed = await startUpdateFeed({ version: '0.2.0' });
  const real = realUpdater('0.1.0');
  process.env.APPIMAGE = real.installed;
  app = await startBridgeApp({
    awsPaths: { configFile: join(awsDir, 'config'), credentialsFile: join(awsDir, 'credentials') },
    updater: electronUpdaterPort(real.updater, feed.url, silentLogger),
    // As loadConfig reports an override in force (npm start, or a packaged app in developer mode).
    config: {
      endpointOverrides: {
        applied: [{ name: 'SMOOZ_API_BASE_URL', value: 'http://127.0.0.1:4010/privatelink/v1' }],
        ignored: [],
      },
    },
  });
  await app.services.update.checkNow();
  browser = await launchChromium();
  page = await browser.newPage({ locale: 'ja-JP' });
  await page.goto(app.server.pageUrl);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await feed?.close();
  process.env.APPIMAGE = savedAppImage;
  if (savedAppImage === undefined) delete process.env.APPIMAGE;
});

describe('release hardening, seen in the page', () => {
  it('takes the bridge token out of the address at once, and still works after a reload', async () => {
    await expect.poll(() => page.locator('h1').isVisible()).toBe(true);
    expect(page.url()).not.toContain(app.server.token);
    expect(page.url()).not.toContain('token');
    await page.reload();
    await expect
      .poll(() => page.getByRole('button', { name: t('update:installNow') }).isVisible())
      .toBe(true);
    expect(page.url()).not.toContain('token');
  });

  it('shows on the home screen that a downloaded update installs on restart', async () => {
    const notice = page.getByTestId('update-notice');
    await expect
      .poll(() => notice.textContent())
      .toContain(t('update:ready', { version: '0.2.0' }));
    expect(await findHorizontalOverflow(page)).toEqual([]);
    await screenshot(page, 'release-update-ready-ja');
  });

  it('shows in About which endpoint an environment variable changed', async () => {
    await page.getByRole('button', { name: t('common:nav.about') }).click();
    const box = page.getByTestId('endpoint-overrides');
    await expect.poll(() => box.textContent()).toContain('SMOOZ_API_BASE_URL');
    expect(await box.textContent()).toContain(t('about:overridesTitle'));
    expect(await findHorizontalOverflow(page)).toEqual([]);
    await screenshot(page, 'release-about-overrides-ja');
  });

  it('says the same in English, without overflow', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    const box = page.getByTestId('endpoint-overrides');
    await expect.poll(() => box.textContent()).toContain('Developer setting: endpoints changed');
    expect(await findHorizontalOverflow(page)).toEqual([]);
    await screenshot(page, 'release-about-overrides-en');
    await page.getByRole('button', { name: 'Back to home' }).click();
    await expect
      .poll(() => page.getByTestId('update-notice').textContent())
      .toContain('Version 0.2.0 is available. It will be installed when the app restarts.');
    expect(await findHorizontalOverflow(page)).toEqual([]);
    await screenshot(page, 'release-update-ready-en');
  });
});
