import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BridgeApp } from '../../support/bridgeApp';
import {
  ADMIN_TOKEN,
  PROFILE,
  waitForAccount,
  waitForScreen,
  openGuided,
  continueToConfirm,
} from './guidedHarness';
import { expectFieldError, expectFieldValid, message } from './messages';
import { shoot } from './shots';
import { t } from '../../support/catalogue';

/** The name of a connection made earlier with this app, and of one of the seeded databases. */
const EXISTING = 'customer-aurora';

let app: BridgeApp;
let page: Page;
let close: (() => Promise<void>) | undefined;

const ja = (namespace: string, key: string, params?: Record<string, string | number>) =>
  message('ja', namespace, key, params);

beforeAll(async () => {
  // Not signed in to SMOOZ: the token is one of the fields the user types in this flow.
  ({ app, page, close } = await openGuided(inject('motoEndpoint'), { signedIn: false }));
  // A connection made earlier with this app: its name is taken.
  const at = new Date().toISOString();
  app.services.store.upsertConnection({
    id: 'earlier-connection',
    name: EXISTING,
    region: 'ap-northeast-1',
    awsAccountId: '123456789012',
    status: 'available',
    createdAt: at,
    updatedAt: at,
  });
});

afterAll(() => close?.());

describe('bad input in each editable field shows its message under the field and blocks nothing else', () => {
  it('SMOOZ token: empty, too short and refused tokens are explained; the region stays chosen', async () => {
    await page.getByRole('button', { name: t('home:modes.automated.action') }).click();
    await waitForScreen(page, 'target');
    const token = page.locator('#guided-smooz-token');
    const save = page.getByRole('button', { name: ja('guided', 'smooz.save') });
    await token.fill('x');
    await token.fill('');
    await expectFieldError(page, 'guided-smooz-token', ja('guided', 'fieldErrors.tokenRequired'));
    expect(await save.isDisabled()).toBe(true);
    await token.fill('short');
    await expectFieldError(page, 'guided-smooz-token', ja('guided', 'fieldErrors.tokenLength'));
    expect(await page.locator('#guided-region').inputValue()).toBe('ap-northeast-1');

    await token.fill('not-the-admin-token-0123');
    await save.click();
    await expect
      .poll(() => page.locator('.smooz-access [role="alert"]').textContent())
      .toBe(ja('smooz', 'errors.unauthorized'));
    expect(await token.inputValue()).toBe('not-the-admin-token-0123');
    expect(await page.locator('#guided-profile').inputValue()).toBe(PROFILE);

    await token.fill(ADMIN_TOKEN);
    await save.click();
    await page.locator('.smooz-access').waitFor({ state: 'detached' });
  });

  it('region: empty, too long and not a region; fixing it looks the account up and goes on', async () => {
    const region = page.locator('#guided-region');
    const next = page.getByRole('button', { name: t('guided:actions.next') });
    await waitForAccount(page);
    await region.fill('');
    await expectFieldError(page, 'guided-region', ja('validation', 'required'));
    expect(await next.isDisabled()).toBe(true);
    await region.fill('a'.repeat(33));
    await expectFieldError(page, 'guided-region', ja('validation', 'tooLong', { max: 32 }));
    await region.fill('tokyo');
    await expectFieldError(page, 'guided-region', ja('validation', 'region.pattern'));
    expect(await next.isDisabled()).toBe(true);
    expect(await page.locator('#guided-profile').inputValue()).toBe(PROFILE);

    await region.fill('ap-northeast-1');
    await expectFieldValid(page, 'guided-region');
    await waitForAccount(page);
    await next.click();
  });

  it('database step: connection name, typed endpoint and IAM user each report their own problem', async () => {
    await waitForScreen(page, 'database');
    const name = page.locator('#guided-connection-name');
    const submit = page.getByRole('button', { name: t('guided:actions.checkAccount') });
    // The name the app fills in from the database is taken: said at once, not only a dead button.
    await page.getByLabel(/customer-aurora/).click();
    await expectFieldError(
      page,
      'guided-connection-name',
      ja('guided', 'fieldErrors.nameExists', { name: EXISTING }),
    );
    expect(await submit.isDisabled()).toBe(true);
    const postgres = page.getByLabel(/customer-postgres/);
    await postgres.click();
    expect(await name.inputValue()).toBe('customer-postgres');
    await expectFieldValid(page, 'guided-connection-name');

    await name.fill('');
    await expectFieldError(page, 'guided-connection-name', ja('validation', 'required'));
    expect(await submit.isDisabled()).toBe(true);
    await name.fill('本番'.repeat(33));
    await expectFieldError(
      page,
      'guided-connection-name',
      ja('validation', 'tooLong', { max: 64 }),
    );
    await name.fill('prod <db>');
    await expectFieldError(
      page,
      'guided-connection-name',
      ja('validation', 'connectionName.invalidChars'),
    );
    await name.fill(EXISTING);
    await expectFieldError(
      page,
      'guided-connection-name',
      ja('guided', 'fieldErrors.nameExists', { name: EXISTING }),
    );
    expect(await submit.isDisabled()).toBe(true);
    expect(await postgres.isChecked()).toBe(true);

    await page.getByText(ja('guided', 'database.typeEndpoint')).click();
    const endpoint = page.locator('#guided-endpoint');
    const find = page.getByRole('button', { name: ja('guided', 'database.find') });
    await endpoint.fill('https://customer-postgres.abcdefghijkl.ap-northeast-1.rds.amazonaws.com');
    await expectFieldError(page, 'guided-endpoint', ja('validation', 'rdsEndpoint.hasScheme'));
    await endpoint.fill('customer-postgres.abcdefghijkl.ap-northeast-1.rds.amazonaws.com:5432');
    await expectFieldError(
      page,
      'guided-endpoint',
      ja('validation', 'rdsEndpoint.hasPort', { port: 5432 }),
    );
    await endpoint.fill('the database in tokyo');
    await expectFieldError(page, 'guided-endpoint', ja('validation', 'rdsEndpoint.pattern'));
    expect(await find.isDisabled()).toBe(true);
    await endpoint.fill('x'.repeat(254));
    await expectFieldError(page, 'guided-endpoint', ja('validation', 'tooLong', { max: 253 }));

    await page.getByLabel(ja('guided', 'database.authMethods.iam')).click();
    const user = page.locator('#guided-db-user');
    await user.fill('x');
    await user.fill('');
    await expectFieldError(page, 'guided-db-user', ja('validation', 'required'));
    await user.fill('smooz reader!');
    await expectFieldError(page, 'guided-db-user', ja('validation', 'dbUser.pattern'));
    await user.fill('u'.repeat(64));
    await expectFieldError(page, 'guided-db-user', ja('validation', 'tooLong', { max: 63 }));
    await user.fill('smooz_reader');
    await expectFieldValid(page, 'guided-db-user');
    await shoot(page, 'guided-bad-inputs-database-ja');
    await page.getByLabel(ja('guided', 'database.authMethods.password')).click();

    // Every other choice is still as the user left it; fixing the name is all it takes.
    expect(await postgres.isChecked()).toBe(true);
    expect(await endpoint.inputValue()).toBe('x'.repeat(254));
    await name.fill('customer-postgres-e2e');
    await expectFieldValid(page, 'guided-connection-name');
    expect(await submit.isDisabled()).toBe(false);
    await submit.click();
  });

  it('confirmation: a taken name, bad function names and bad subnet lists, in either language', async () => {
    await continueToConfirm(page, 120_000);
    const name = page.locator('#confirm-connection-name');
    const lambda = page.locator('#confirm-lambda-name');
    const subnets = page.locator('#confirm-subnets');
    const create = page.getByTestId('confirm-create');
    const originalLambda = await lambda.inputValue();
    const originalSubnets = await subnets.inputValue();
    const [first = ''] = originalSubnets.split(/[\s,]+/);
    expect(await name.inputValue()).toBe('customer-postgres-e2e');

    await name.fill(EXISTING);
    await expectFieldError(
      page,
      'confirm-connection-name',
      ja('guided', 'fieldErrors.nameExists', { name: EXISTING }),
    );
    expect(await create.isDisabled()).toBe(true);
    await lambda.fill('');
    await expectFieldError(page, 'confirm-lambda-name', ja('validation', 'required'));
    await lambda.fill('f'.repeat(59));
    await expectFieldError(page, 'confirm-lambda-name', ja('validation', 'tooLong', { max: 58 }));
    await lambda.fill('target updater!');
    await expectFieldError(
      page,
      'confirm-lambda-name',
      ja('validation', 'lambdaFunctionName.pattern'),
    );
    await subnets.fill(`${first}, subnet-zzz`);
    await expectFieldError(
      page,
      'confirm-subnets',
      ja('validation', 'subnetIds.item', { item: 'subnet-zzz' }),
    );
    await subnets.fill(`${first}, ${first}`);
    await expectFieldError(
      page,
      'confirm-subnets',
      ja('validation', 'subnetIds.duplicate', { item: first }),
    );
    await shoot(page, 'guided-bad-inputs-confirm-ja');

    // The current language: the same problems, now in English, with every value kept.
    await page.getByRole('button', { name: 'English' }).click();
    await expectFieldError(
      page,
      'confirm-lambda-name',
      message('en', 'validation', 'lambdaFunctionName.pattern'),
    );
    await expectFieldError(
      page,
      'confirm-connection-name',
      message('en', 'guided', 'fieldErrors.nameExists', { name: EXISTING }),
    );
    expect(await name.inputValue()).toBe(EXISTING);
    expect(await subnets.inputValue()).toBe(`${first}, ${first}`);
    await page.getByRole('button', { name: t('common:language.ja') }).click();

    await name.fill('customer-postgres-e2e');
    await subnets.fill(originalSubnets);
    await lambda.fill('smooz-e2e-updater');
    for (const id of ['confirm-connection-name', 'confirm-lambda-name', 'confirm-subnets']) {
      await expectFieldValid(page, id);
    }
    expect(originalLambda).not.toBe('smooz-e2e-updater');
    await create.click();
    // The changed plan is checked again before it can be confirmed.
    await waitForScreen(page, 'preflight', 60_000);
  });

  it('takes the corrected values into the plan and goes on to create the stack', async () => {
    await continueToConfirm(page, 120_000);
    await expect
      .poll(() => page.locator('#confirm-lambda-name').inputValue(), { timeout: 60_000 })
      .toBe('smooz-e2e-updater');
    expect(await page.locator('#confirm-connection-name').inputValue()).toBe(
      'customer-postgres-e2e',
    );
    const [flow] = app.services.setup.list();
    expect(flow?.plan.lambdaFunctionName).toBe('smooz-e2e-updater');
    await page.getByTestId('confirm-create').click();
    await page.waitForSelector('[data-testid="endpoint-phase"][data-phase="available"]', {
      timeout: 180_000,
    });
  });
});
