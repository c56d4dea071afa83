import type { Page } from 'playwright-core';

/**
 * Everything on the page a viewer can see, hover or read out, in one string: rendered text, every
 * attribute (titles are tooltips, aria-labels are read out, data attributes reach screenshots of
 * dev tools) and the values of inputs. A select option's `value` is left out: it is the key the
 * app selects by, never drawn, hovered or copied (its label is scanned).
 */
export function visibleSurface(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [document.body.innerText, document.body.textContent ?? ''];
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) {
        if (attr === 'class' || attr === 'style' || attr === 'd') continue;
        if (attr === 'value' && el instanceof HTMLOptionElement) continue;
        parts.push(el.getAttribute(attr) ?? '');
      }
      if (el instanceof HTMLInputElement && el.type !== 'password') parts.push(el.value);
      if (el instanceof HTMLTextAreaElement) parts.push(el.value);
    }
    return parts.join('\n');
  });
}

/** Which of the exact values, then which of the patterns, appear in `surface`. */
export function findLeaks(
  surface: string,
  forbidden: readonly string[],
  patterns: readonly RegExp[],
): string[] {
  return [
    ...forbidden.filter((s) => s !== '' && surface.includes(s)),
    ...patterns.flatMap((p) => {
      const match = p.exec(surface);
      return match ? [`${String(p)} → ${match[0]}`] : [];
    }),
  ];
}

/** Selects the element's text and copies it as a user would, then reads the clipboard. */
export async function copySelection(page: Page, selector: string): Promise<string> {
  await page.evaluate((sel) => {
    (document.activeElement as HTMLElement | null)?.blur();
    const element = document.querySelector(sel);
    if (element) document.getSelection()?.selectAllChildren(element);
  }, selector);
  await page.keyboard.press('Control+C');
  return page.evaluate(() => navigator.clipboard.readText());
}
