import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from './projectRoot';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');

/** Browsers a test file has open, so a failed test can leave a picture of every page. */
const openBrowsers = new Set<Browser>();

/**
 * Debian's Chromium, headless. The background-networking switches stop it from calling Google
 * hosts, which this machine cannot reach (and which tests must not depend on).
 */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  openBrowsers.add(browser);
  browser.on('disconnected', () => openBrowsers.delete(browser));
  return browser;
}

/** Saves each open page as `failed-<test>-<n>.png`: what the screen showed when a test failed. */
export async function screenshotOpenPages(testName: string): Promise<void> {
  const pages = [...openBrowsers].flatMap((b) => b.contexts().flatMap((c) => c.pages()));
  const base = `failed-${testName.replace(/[^\w-]+/g, '-').slice(0, 80)}`;
  await Promise.all(
    pages.map((page, n) => screenshot(page, `${base}-${n}`).catch(() => undefined)),
  );
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Elements whose content is wider than their box: a layout overflow a user would see clipped. */
export function findHorizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('body *')]
      .filter(
        (el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible',
      )
      .filter((el) => el.clientWidth > 0)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className}`),
  );
}
