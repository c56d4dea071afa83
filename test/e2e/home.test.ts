import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridgeApp, type BridgeApp } from '../support/bridgeApp';
import { findHorizontalOverflow, launchChromium, screenshot } from '../support/browser';
import { t } from '../support/catalogue';

let browser: Browser;
let app: BridgeApp;
let page: Page;
let awsDir: string;
const foreignRequests: string[] = [];

beforeAll(async () => {
  awsDir = await mkdtemp(join(tmpdir(), 'smooz-e2e-aws-'));
  await writeFile(
    join(awsDir, 'config'),
    '[default]\nregion = ap-northeast-1\n[profile sso-dev]\nsso_session = corp\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\n',
  );
  await writeFile(join(awsDir, 'credentials'), '[ci]\naws_access_key_id = AKIAEXAMPLE\n');
  app = await startBridgeApp({
    awsPaths: { configFile: join(awsDir, 'config'), credentialsFile: join(awsDir, 'credentials') },
  });
  browser = await launchChromium();
  page = await browser.newPage({ locale: 'ja-JP' });
  page.on('request', (request) => {
    if (!request.url().startsWith(app.server.url)) foreignRequests.push(request.url());
  });
  await page.goto(app.server.pageUrl);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('home screen in Chromium over the loopback bridge', () => {
  it('opens in Japanese with the empty connection list and both setup modes', async () => {
    await expect.poll(() => page.locator('h1').textContent()).toBe(t('common:appTitle'));
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    // The list loads after the header: wait for it rather than reading the first frame.
    await page.getByTestId('connections-empty').waitFor();
    expect(
      await page.getByRole('button', { name: t('home:modes.automated.action') }).isVisible(),
    ).toBe(true);
    expect(
      await page.getByRole('button', { name: t('home:modes.offline.action') }).isVisible(),
    ).toBe(true);
    expect(await findHorizontalOverflow(page)).toEqual([]);
    await screenshot(page, 'foundation-home-ja');
  });

  it('renders Japanese glyphs with a real font rather than identical fallback boxes', async () => {
    const inkOf = await page.evaluate(() => {
      const font = getComputedStyle(document.body).font;
      const ink = (text: string) => {
        const canvas = document.createElement('canvas');
        canvas.width = 48;
        canvas.height = 48;
        const ctx = canvas.getContext('2d');
        if (!ctx) return '';
        ctx.font = font.replace(/\d+(\.\d+)?px/, '32px');
        ctx.fillText(text, 4, 36);
        return Array.from(ctx.getImageData(0, 0, 48, 48).data.filter((_, i) => i % 4 === 3)).join(
          ',',
        );
      };
      return { ji: ink('自'), dou: ink('動'), blank: ink(' ') };
    });
    // Missing glyphs all draw the same .notdef box; real glyphs differ from each other and from blank.
    expect(inkOf.ji).not.toBe(inkOf.dou);
    expect(inkOf.ji).not.toBe(inkOf.blank);
  });

  it('switches to English and keeps the choice after a reload', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => page.locator('h1').textContent())
      .toBe('SMOOZ PrivateLink Setup Assistant');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await screenshot(page, 'foundation-home-en');
    await page.reload();
    await expect
      .poll(() => page.locator('h1').textContent())
      .toBe('SMOOZ PrivateLink Setup Assistant');
  });

  it('shows diagnostics that came from the main-process handlers', async () => {
    await page.getByRole('button', { name: 'About / diagnostics' }).click();
    await expect
      .poll(() => page.getByTestId('diag-node').textContent())
      .toBe(process.versions.node);
    expect(await page.getByTestId('diag-aws-config').textContent()).toBe(join(awsDir, 'config'));
    expect(await page.getByTestId('diag-aws-credentials').textContent()).toBe(
      join(awsDir, 'credentials'),
    );
    // default + sso-dev from config, ci from credentials; the sso-session section is not a profile.
    expect(await page.getByTestId('diag-profile-count').textContent()).toBe('3');
    expect(await page.getByTestId('diag-electron').textContent()).toBe('—');
    expect(await findHorizontalOverflow(page)).toEqual([]);
    await screenshot(page, 'foundation-diagnostics-en');
  });

  it('sent no request anywhere but its own loopback origin', () => {
    expect(foreignRequests).toEqual([]);
  });
});

describe('the loopback bridge refuses callers without the token', () => {
  it('answers 401 to an IPC call with a wrong token and 403 to a foreign origin', async () => {
    const wrongToken = await fetch(`${app.server.url}/ipc/app:getDiagnostics`, {
      method: 'POST',
      headers: { authorization: 'Bearer nope', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(wrongToken.status).toBe(401);
    const foreign = await fetch(`${app.server.url}/ipc/app:getDiagnostics`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${app.server.token}`,
        origin: 'http://evil.example',
      },
      body: '{}',
    });
    expect(foreign.status).toBe(403);
    const events = await fetch(`${app.server.url}/events?token=nope`);
    expect(events.status).toBe(401);
  });
});
