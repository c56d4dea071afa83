import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findHorizontalOverflow } from '../../support/browser';
import { waitForAccount, waitForScreen, openGuided } from './guidedHarness';
import { shoot } from './shots';
import { t } from '../../support/catalogue';

/** What the keyboard focus landed on: its accessible name and whether the focus ring shows. */
interface Focused {
  readonly tag: string;
  readonly name: string;
  readonly ringVisible: boolean;
}

let page: Page;
let close: (() => Promise<void>) | undefined;
const visited: Focused[] = [];

beforeAll(async () => {
  ({ page, close } = await openGuided(inject('motoEndpoint'), {
    // A 1280 px wide window at 125 % zoom: 1024 CSS pixels of layout, 1.25 device pixels each.
    view: { viewport: { width: 1024, height: 720 }, deviceScaleFactor: 1.25 },
  }));
});

afterAll(() => close?.());

function focused(p: Page): Promise<Focused | null> {
  return p.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (el === null || el === document.body) return null;
    const byIds = (ids: string | null) =>
      (ids ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
    const labels = 'labels' in el ? [...((el as HTMLInputElement).labels ?? [])] : [];
    const name = [
      el.getAttribute('aria-label') ?? '',
      byIds(el.getAttribute('aria-labelledby')),
      labels.map((l) => l.textContent ?? '').join(' '),
      el instanceof HTMLButtonElement || el.tagName === 'SUMMARY' || el.tagName === 'A'
        ? (el.textContent ?? '')
        : '',
    ]
      .join(' ')
      .trim();
    const style = getComputedStyle(el);
    const ringVisible =
      (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
      style.boxShadow !== 'none';
    return { tag: el.tagName.toLowerCase(), name, ringVisible };
  });
}

/** Presses Tab until the focus is on an element with this name, recording every stop. */
async function tabTo(p: Page, name: string | RegExp, maxStops = 40): Promise<void> {
  for (let i = 0; i < maxStops; i += 1) {
    await p.keyboard.press('Tab');
    const now = await focused(p);
    if (now === null) continue;
    visited.push(now);
    if (typeof name === 'string' ? now.name.includes(name) : name.test(now.name)) return;
  }
  throw new Error(`"${String(name)}" not reached with Tab; stops: ${JSON.stringify(visited)}`);
}

async function expectNoOverflow(p: Page): Promise<void> {
  expect(await findHorizontalOverflow(p)).toEqual([]);
  const page = await p.evaluate(() => ({
    content: document.documentElement.scrollWidth,
    window: document.documentElement.clientWidth,
  }));
  expect(page.content).toBeLessThanOrEqual(page.window);
}

describe('keyboard only, at 125 % zoom', () => {
  it('starts the setup from the home screen with Tab and Enter; nothing is cut off', async () => {
    await expectNoOverflow(page);
    await tabTo(page, t('home:modes.automated.action'));
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'target');
    await waitForAccount(page);
    await expectNoOverflow(page);
    await shoot(page, 'guided-zoom125-profile-ja');
  });

  it('reaches profile, region and Next in that order, each labelled', async () => {
    const start = visited.length;
    await tabTo(page, t('guided:actions.next'));
    const names = visited.slice(start).map((f) => f.name);
    const at = (text: string) => names.findIndex((n) => n.includes(text));
    expect(at(t('guided:target.profile'))).toBeGreaterThanOrEqual(0);
    expect(at(t('guided:target.profile'))).toBeLessThan(at(t('guided:target.region')));
    expect(at(t('guided:target.region'))).toBeLessThan(at(t('guided:actions.next')));
    await page.keyboard.press('Enter');
  });

  it('picks a database with the keyboard and runs the checks', async () => {
    await waitForScreen(page, 'database');
    await page.getByLabel(/customer-postgres/).waitFor();
    await expectNoOverflow(page);
    await tabTo(page, /customer-/);
    // Arrow keys move within the radio group; Space selects the one with the focus.
    for (let i = 0; i < 3 && !(await focused(page))?.name.includes('customer-postgres'); i += 1) {
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Space');
    expect(await page.getByLabel(/customer-postgres/).isChecked()).toBe(true);
    expect(await page.locator('#guided-connection-name').inputValue()).toBe('customer-postgres');
    await tabTo(page, t('guided:actions.checkAccount'));
    await page.keyboard.press('Enter');
  });

  it('continues past the preflight warnings with the keyboard', async () => {
    await page.getByTestId('preflight-warnings-open').waitFor({ timeout: 120_000 });
    await expectNoOverflow(page);
    await tabTo(page, t('guided:preflight.continueAnyway'));
    await page.keyboard.press('Enter');
  });

  it('confirms with the keyboard; the step title takes the focus on each new screen', async () => {
    await waitForScreen(page, 'confirm', 120_000);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('guided-step-title');
    await expectNoOverflow(page);
    // Every subnet id of the list is in sight, not scrolled away inside the field.
    const subnets = await page.locator('#confirm-subnets').evaluate((el) => ({
      wide: el.scrollWidth - el.clientWidth,
      tall: el.scrollHeight - el.clientHeight,
    }));
    expect(subnets).toEqual({ wide: 0, tall: 0 });
    await shoot(page, 'guided-zoom125-confirm-ja');
    await tabTo(page, t('guided:actions.create'), 60);
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'progress', 60_000);
    await expectNoOverflow(page);
  });

  it('shows the stack progress with the time still expected, and the endpoint to available', async () => {
    await page.getByTestId('stack-timing').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('stack-timing').textContent()).toMatch(
      /経過 \d+:\d\d · 残り (約 \d+〜\d+ 分|最大 約 \d+ 分)/,
    );
    await page.waitForSelector('[data-testid="endpoint-phase"][data-phase="available"]', {
      timeout: 180_000,
    });
    await expectNoOverflow(page);
    await shoot(page, 'guided-zoom125-available-ja');
  });

  it('showed a focus ring and had a name at every stop of the keyboard', () => {
    expect(visited.length).toBeGreaterThan(5);
    expect(visited.filter((f) => !f.ringVisible)).toEqual([]);
    expect(visited.filter((f) => f.name === '')).toEqual([]);
  });
});
