import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { findHorizontalOverflow, screenshot } from '../../support/browser';

/**
 * Text a missing translation leaves on screen: i18next shows the key itself (`confirm.fields.vpc`)
 * when a catalogue lacks it, and `{{name}}` when a value was not passed in.
 */
function findUntranslated(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const key = /^[a-z][a-zA-Z]*(\.[a-zA-Z][a-zA-Z0-9]*)+$/;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const found: string[] = [];
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      // AWS service names (com.amazonaws.…) have the same shape and are real values.
      if ((key.test(text) && !text.startsWith('com.')) || text.includes('{{')) found.push(text);
    }
    return found;
  });
}

/**
 * A screenshot saved for the README and for a human to look at, after checking that nothing
 * overflows and that every text on screen was translated.
 */
export async function shoot(page: Page, name: string): Promise<void> {
  expect(await findHorizontalOverflow(page)).toEqual([]);
  expect(await findUntranslated(page)).toEqual([]);
  // From the top, as the user first sees the screen (the side checklist is sticky).
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}
