import { writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  PROFILE,
  openGuided,
  waitForAccount,
  waitForScreen,
  type GuidedWorld,
} from './guidedHarness';
import { expectFieldError, expectFieldValid, message } from './messages';
import { shoot } from './shots';
import { t } from '../../support/catalogue';

let world: GuidedWorld;
let page: Page;
let close: (() => Promise<void>) | undefined;

const ja = (namespace: string, key: string, params?: Record<string, string | number>) =>
  message('ja', namespace, key, params);

beforeAll(async () => {
  ({ world, page, close } = await openGuided(inject('motoEndpoint'), {
    // The config file re-saved from PowerShell (UTF-16 LE with its byte order mark); the keys in
    // the credentials file still work.
    prepare: async (world) => {
      const text = `\ufeff[profile ${PROFILE}]\r\nregion = ap-northeast-1\r\n`;
      await writeFile(world.aws.paths.configFile, Buffer.from(text, 'utf16le'));
    },
  }));
});

afterAll(() => close?.());

describe('an AWS config file the SDK cannot read, and invisible characters in a name', () => {
  it('the profile step says the config file is UTF-16 and how to fix it; the keys still work', async () => {
    await page.getByRole('button', { name: t('home:modes.automated.action') }).click();
    await waitForScreen(page, 'target');
    const problems = page.getByTestId('aws-file-problems');
    await expect
      .poll(() => problems.textContent())
      .toBe(
        ja('aws', 'errors.configFileUtf16', {
          file: world.aws.paths.configFile,
          encoding: 'UTF-16 LE',
        }),
      );
    expect(await page.locator('#guided-profile').inputValue()).toBe(PROFILE);
    await waitForAccount(page);
    await shoot(page, 'guided-aws-config-utf16-ja');
    await page.getByRole('button', { name: t('guided:actions.next') }).click();
  });

  it('a connection name with a zero-width space is refused, naming the character', async () => {
    await waitForScreen(page, 'database');
    await page.getByLabel(/customer-postgres/).click();
    const name = page.locator('#guided-connection-name');
    await name.fill('customer\u200b-postgres');
    await expectFieldError(
      page,
      'guided-connection-name',
      ja('validation', 'name.invisibleChars', { char: 'U+200B' }),
    );
    await name.fill('customer-postgres');
    await expectFieldValid(page, 'guided-connection-name');
  });
});
