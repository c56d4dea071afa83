import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridgeApp, type BridgeApp } from '../../support/bridgeApp';
import { launchChromium, screenshot } from '../../support/browser';
import { t } from '../../support/catalogue';

/**
 * The browser demo has no save dialog: files the app saves arrive as normal downloads. A failed
 * save is told in the header next to the button, and goes once the user moves to another screen.
 */
let browser: Browser;
const apps: BridgeApp[] = [];

async function awsPaths() {
  const dir = await mkdtemp(join(tmpdir(), 'smooz-download-aws-'));
  await writeFile(join(dir, 'config'), '[default]\nregion = ap-northeast-1\n');
  await writeFile(join(dir, 'credentials'), '');
  return { configFile: join(dir, 'config'), credentialsFile: join(dir, 'credentials') };
}

async function open(app: BridgeApp): Promise<Page> {
  apps.push(app);
  const page = await browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
  await page.goto(app.server.pageUrl);
  await page.waitForSelector('h1');
  return page;
}

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  for (const app of apps) await app.close();
});

describe('saving files from the browser demo', () => {
  it('exports the diagnostic report as a download of the page', async () => {
    const page = await open(
      await startBridgeApp({ awsPaths: await awsPaths(), saveAsDownloads: true }),
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: t('support:report.action') }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^smooz-privatelink-diagnostic-\d{8}T\d{6}\.html$/,
    );
    const html = await readFile(await download.path(), 'utf8');
    expect(html).toContain('id="smooz-diagnostic-report"');
    await page.getByTestId('report-saved').waitFor();
    expect(await page.locator('.support-toolbar [role="alert"]').count()).toBe(0);
    await screenshot(page, 'browser-demo-report-downloaded-ja');
  });

  it('shows a failed save in the header only until the user moves on', async () => {
    const blocked = join(await mkdtemp(join(tmpdir(), 'smooz-download-')), 'a-file');
    await writeFile(blocked, '');
    // The folder to save into is a file: the write fails as a full or read-only disk would.
    const page = await open(
      await startBridgeApp({ awsPaths: await awsPaths(), saveDir: join(blocked, 'saved') }),
    );
    await page.getByRole('button', { name: t('support:report.action') }).click();
    const alert = page.locator('.support-toolbar [role="alert"]');
    await alert.waitFor();
    await page.getByRole('button', { name: t('home:modes.offline.action') }).click();
    await page.getByTestId('checklist').waitFor();
    expect(await alert.count()).toBe(0);
  });
});
