import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BridgeApp } from '../../support/bridgeApp';
import { launchChromium, screenshot } from '../../support/browser';
import {
  ADMIN_TOKEN,
  PROFILE,
  continueToConfirm,
  startApp,
  startWorld,
  waitForScreen,
  type GuidedWorld,
} from '../guided/guidedHarness';
import { checklistDriver } from './checklistDriver';
import { copySelection, findLeaks, visibleSurface } from './screenScan';
import { t } from '../../support/catalogue';

/**
 * The two promises that cross modes. Values typed in the offline checklist are carried into the
 * automated flow when the user switches (region, database, connection name, sign-in method,
 * database user). And support mode masks every identifying value on the guided screens and the
 * home list too, not only in the checklist, including tooltips and copied text; the diagnostic
 * report then holds the live flow: its state, preflight results, stack events and SMOOZ history.
 */
const CONNECTION_NAME = 'handoff-orders';
/**
 * The endpoint as the RDS console shows it. Moto's own endpoints carry a 10-character hash where
 * AWS has 12 (and the validator wants AWS's), so the flow must find the database by what the
 * endpoint names: its identifier, kind and region.
 */
const TYPED_ENDPOINT = 'customer-postgres.c9akciq32lce.ap-northeast-1.rds.amazonaws.com';
const DB_USER = 'smooz_reader';

let world: GuidedWorld;
let app: BridgeApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let endpoint: string;

/** Values that identify the customer or SMOOZ and must never be on screen in support mode. */
/** Typed on the database screen in support mode; no such database, so the error names it. */
const UNKNOWN_ENDPOINT = 'nosuch-db.c9akciq32lce.ap-northeast-1.rds.amazonaws.com';

const forbidden = () => [
  endpoint,
  TYPED_ENDPOINT,
  UNKNOWN_ENDPOINT,
  '123456789012',
  '210987654321',
  ADMIN_TOKEN,
  'com.amazonaws.vpce.',
];
const PATTERNS = [
  /(?<!\d)\d{12}(?!\d)/,
  /arn:aws/,
  /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])/,
  /[a-z0-9-]+\.[a-z0-9]+\.[a-z0-9-]+\.rds\.amazonaws\.com/,
];

/** Soft, so one leak is reported without stopping the flow the later screens need. */
async function expectNoLeaks(where: string): Promise<void> {
  expect.soft(findLeaks(await visibleSurface(page), forbidden(), PATTERNS), where).toEqual([]);
}

/** Every guided screen names its place in the manual, in type large enough for a shared screen. */
async function expectStepRef(expected: RegExp): Promise<void> {
  const ref = page.locator('.step-header [data-testid="step-ref"]');
  expect.soft(await ref.textContent()).toMatch(expected);
  const size = await ref.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect.soft(size).toBeGreaterThanOrEqual(24);
}

beforeAll(async () => {
  world = await startWorld(inject('motoEndpoint'));
  // The profile's own region differs from the database's: only the checklist can tell the flow.
  // A second profile named the way `aws configure sso` names them, with the account id in it.
  await world.aws.writeConfig(
    `[profile ${PROFILE}]\nregion = us-west-2\n[profile AdministratorAccess-123456789012]\nregion = ap-northeast-1\n`,
  );
  app = await startApp(world);
  const [postgres] = (await app.services.setup.listDatabases(PROFILE, world.seeded.region)).filter(
    (db) => db.identifier === world.seeded.postgres.identifier,
  );
  endpoint = postgres?.endpoint ?? '';
  browser = await launchChromium();
  context = await browser.newContext({
    locale: 'ja-JP',
    viewport: { width: 1280, height: 900 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  page = await context.newPage();
  await page.goto(app.server.pageUrl);
  await page.waitForSelector('h1');
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await world?.close();
});

describe('offline checklist → automated flow, then support mode over the whole guided flow', () => {
  it('carries the values typed in the checklist into the automated flow', async () => {
    expect(endpoint).toMatch(/^customer-postgres\..*\.rds\.amazonaws\.com$/);
    const checklist = checklistDriver(page);
    await page.getByRole('button', { name: t('home:modes.offline.action') }).click();
    await page.getByTestId('checklist').waitFor();
    await page.getByTestId('nav-prep.database').click();
    // Typed as it might be pasted from the console: upper case, the flow gets it normalized.
    await checklist.fill('rdsEndpoint', TYPED_ENDPOINT.toUpperCase());
    await page.getByTestId('nav-stack.start').click();
    await checklist.choose('dbAuthMethod', 'iam');
    await page.getByTestId('nav-stack.additional').click();
    await checklist.fill('dbUser', DB_USER);
    await page.getByTestId('nav-endpoint.form').click();
    await checklist.fill('connectionName', CONNECTION_NAME);
    // Not the profile's account (moto's 123456789012): the flow must point that out.
    await checklist.fill('customerAccountId', '2222-3333-4444');

    await page.getByTestId('switch-automated').click();
    await waitForScreen(page, 'target');
    const notice = page.getByTestId('handoff-notice');
    expect(await notice.getByTestId('handoff-rdsEndpoint').textContent()).toContain(TYPED_ENDPOINT);
    expect(await notice.getByTestId('handoff-region').textContent()).toContain('ap-northeast-1');
    expect(await page.locator('#guided-region').inputValue()).toBe('ap-northeast-1');
    await expect
      .poll(() => page.getByTestId('guided-identity').textContent(), { timeout: 30_000 })
      .toContain('123456789012');
    await expectStepRef(/^手順 3-1$/);
    await screenshot(page, 'handoff-target-ja');
    await page.getByRole('button', { name: t('guided:actions.next') }).click();

    await waitForScreen(page, 'database');
    const radio = page.getByLabel(new RegExp(world.seeded.postgres.identifier));
    await radio.waitFor();
    await expect.poll(() => radio.isChecked()).toBe(true);
    expect(await page.getByLabel(t('checklist:values.connectionName.label')).inputValue()).toBe(
      CONNECTION_NAME,
    );
    expect(await page.locator('#guided-auth-iam').isChecked()).toBe(true);
    expect(await page.locator('#guided-db-user').inputValue()).toBe(DB_USER);
    const mismatch = await page.getByTestId('handoff-account-mismatch').textContent();
    expect(mismatch).toContain('222233334444');
    expect(mismatch).toContain('123456789012');
  });

  it('shows identifying values while support mode is off (so the scans below can fail)', async () => {
    const leaks = findLeaks(await visibleSurface(page), forbidden(), PATTERNS);
    expect(leaks).toContain(endpoint);
  });

  it('masks the database screen and the hand-off notice once support mode is on', async () => {
    await page.getByTestId('support-mode-switch').check();
    await expect.poll(() => page.getAttribute('html', 'data-support-mode')).toBe('on');
    expect(await page.getByTestId('handoff-rdsEndpoint').textContent()).toContain(
      `••••••••${TYPED_ENDPOINT.slice(-4)}`,
    );
    await expectNoLeaks('database');
    await expectStepRef(/^手順 3-1$/);
    // An error that names what was typed is masked too, and so is the field it was typed in.
    await page.getByText(t('guided:database.typeEndpoint')).click();
    await page.locator('#guided-endpoint').fill(UNKNOWN_ENDPOINT);
    await page.getByRole('button', { name: t('guided:database.find'), exact: true }).click();
    const notice = page.locator('.typed-endpoint [role="alert"]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain(`••••••••${UNKNOWN_ENDPOINT.slice(-4)}`);
    await expectNoLeaks('database, after a failed lookup');
    await screenshot(page, 'support-mode-guided-database-ja');
    await page.getByRole('button', { name: t('guided:actions.checkAccount') }).click();
  });

  it('masks the confirmation screen with its plan, cost and permissions', async () => {
    await continueToConfirm(page, 90_000);
    await expectNoLeaks('confirm');
    await expectStepRef(/^手順 3-2 ⑥$/);
    await page.getByTestId('confirm-create').click();
  });

  it('masks the stack progress screen with its live events', async () => {
    await waitForScreen(page, 'progress', 30_000);
    await expect
      .poll(async () => page.getByTestId('stack-events').locator('tbody tr').count(), {
        timeout: 60_000,
      })
      .toBeGreaterThan(0);
    await expectNoLeaks('progress');
    await expectStepRef(/^手順 3-[12]$/);
  });

  it('masks the endpoint screen until available, and copies only masked text from it', async () => {
    await waitForScreen(page, 'endpoint', 180_000);
    await page.waitForSelector('[data-testid="endpoint-phase"][data-phase="available"]', {
      timeout: 120_000,
    });
    await page.getByTestId('verification').waitFor();
    await expectNoLeaks('endpoint');
    await expectStepRef(/^手順 4$/);
    await screenshot(page, 'support-mode-guided-endpoint-ja');
    const copied = await copySelection(page, '[data-testid="guided-setup"]');
    expect(copied.length).toBeGreaterThan(100);
    expect(findLeaks(copied, forbidden(), PATTERNS)).toEqual([]);
  });

  it('masks the home list with the new connection', async () => {
    await page
      .getByRole('button', { name: t('common:nav.back') })
      .first()
      .click();
    await page.getByTestId(`connection-${CONNECTION_NAME}`).waitFor();
    expect(await page.getByTestId(`connection-${CONNECTION_NAME}`).textContent()).toContain(
      '••••••••9012',
    );
    await expectNoLeaks('home');
    await screenshot(page, 'support-mode-home-ja');
  });

  it('masks the about and diagnostics panel as well', async () => {
    await page.getByRole('button', { name: t('common:nav.about') }).click();
    await page.getByRole('button', { name: t('common:nav.back') }).waitFor();
    await expectNoLeaks('about');
    await page.getByRole('button', { name: t('common:nav.back') }).click();
    await page.getByTestId(`connection-${CONNECTION_NAME}`).waitFor();
  });

  it('masks the profile screen of a new setup: account, ARN and profile names', async () => {
    await page.getByRole('button', { name: t('home:modes.automated.action') }).click();
    await waitForScreen(page, 'target');
    await expect
      .poll(() => page.getByTestId('guided-identity').textContent(), { timeout: 30_000 })
      .toContain('9012');
    // The profile's name is masked whole (it reads as a token), keeping its last four.
    expect(await page.locator('#guided-profile').textContent()).toContain('••••••••9012（');
    await expectNoLeaks('target');
    await expectStepRef(/^手順 3-1$/);
    await screenshot(page, 'support-mode-guided-target-ja');
    await page.getByRole('button', { name: t('common:nav.back') }).click();
    await page.getByTestId(`connection-${CONNECTION_NAME}`).waitFor();
  });

  it('exports a report with the live flow state, preflight, stack events and SMOOZ history, redacted', async () => {
    await page.getByTestId('export-report').click();
    await page.getByTestId('report-saved').waitFor();
    const [file] = (await readdir(app.saveDir)).filter((f) => f.endsWith('.html'));
    const html = await readFile(join(app.saveDir, file ?? ''), 'utf8');
    expect(findLeaks(html, forbidden(), PATTERNS.slice(0, 2))).toEqual([]);
    const json =
      /<script type="application\/json" id="smooz-diagnostic-report">(.*)<\/script>/s.exec(
        html,
      )?.[1];
    const report = JSON.parse(json ?? 'null') as {
      flows: { step: string; plan: { connectionName: string } }[];
      preflight: { connectionName: string; checks: { id: string; status: string }[] }[];
      stackEvents: { events: { status: string }[] }[];
      smooz: { statusHistory: unknown[] };
    };
    expect(report.flows).toEqual([
      expect.objectContaining({
        step: 'complete',
        plan: expect.objectContaining({ connectionName: CONNECTION_NAME }),
      }),
    ]);
    expect(report.preflight[0]?.checks.map((c) => c.id)).toContain('lambdaEgress');
    expect(report.stackEvents[0]?.events.map((e) => e.status)).toContain('CREATE_COMPLETE');
    expect(JSON.stringify(report.smooz.statusHistory)).toContain('available');

    // Support opens it in a plain browser, without the app: the summary tables come first.
    const viewer = await context.newPage();
    await viewer.setContent(html);
    expect(await viewer.locator('h2').first().textContent()).toBe('概要 / overview');
    expect(await viewer.locator('table').nth(3).textContent()).toContain('CREATE_COMPLETE');
    await screenshot(viewer, 'diagnostic-report-ja');
    await viewer.close();
  });

  it('masks the teardown screens while removing and when done, with the same name rule as the confirmation', async () => {
    const [flow] = app.services.setup.list();
    const stackName = flow?.plan.stackName ?? '';
    const row = page.getByTestId(`connection-${CONNECTION_NAME}`);
    await row.getByRole('button', { name: /削除/ }).first().click();
    await row.getByRole('button', { name: t('guided:home.confirmYes') }).click();
    await waitForScreen(page, 'teardown', 60_000);
    await expectNoLeaks('teardown, removing');
    await page.getByTestId('teardown-done').waitFor({ timeout: 180_000 });
    const removed = (await page.getByTestId('teardown-removed').textContent()) ?? '';
    // Rules from the subnets' CIDRs are listed, masked; the stack is named as on the confirmation.
    expect(removed).toContain('••••');
    expect(removed).toContain(stackName);
    await expectNoLeaks('teardown, done');
    await screenshot(page, 'support-mode-teardown-done-ja');
  });
});
