import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { ROOT } from '../../support/projectRoot';

/**
 * A message as the user must see it, taken from the renderer's own catalogue
 * (renderer/src/locales/<lang>/<namespace>.json) and interpolated the way i18next does, so a test
 * proves the field shows the right message, not just some text.
 */
export function message(
  lang: 'ja' | 'en',
  namespace: string,
  key: string,
  params: Record<string, string | number> = {},
): string {
  const catalogue: unknown = JSON.parse(
    readFileSync(join(ROOT, 'renderer', 'src', 'locales', lang, `${namespace}.json`), 'utf8'),
  );
  const text = key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue);
  if (typeof text !== 'string') throw new Error(`no message ${lang}/${namespace}:${key}`);
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name]));
}

/**
 * The field with this id shows exactly `expected` in its own message line, directly under it, and
 * is marked invalid for assistive technology (aria-invalid, aria-describedby → the message).
 */
export async function expectFieldError(page: Page, id: string, expected: string): Promise<void> {
  const input = page.locator(`#${id}`);
  const error = page.getByTestId(`${id}-error`);
  await expect.poll(() => error.textContent()).toBe(expected);
  expect(await input.getAttribute('aria-invalid')).toBe('true');
  expect((await input.getAttribute('aria-describedby'))?.split(' ')).toContain(`${id}-error`);
  const [field, line] = await Promise.all([input.boundingBox(), error.boundingBox()]);
  expect(line?.y).toBeGreaterThanOrEqual((field?.y ?? 0) + (field?.height ?? 0));
}

export async function expectFieldValid(page: Page, id: string): Promise<void> {
  await expect.poll(() => page.getByTestId(`${id}-error`).count()).toBe(0);
  expect(await page.locator(`#${id}`).getAttribute('aria-invalid')).toBe('false');
}
