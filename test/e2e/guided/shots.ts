import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { findHorizontalOverflow, screenshot } from '../../support/browser';

/** A screenshot saved for the README and for a human to look at, after an overflow check. */
export async function shoot(page: Page, name: string): Promise<void> {
  expect(await findHorizontalOverflow(page)).toEqual([]);
  // From the top, as the user first sees the screen (the side checklist is sticky).
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}
