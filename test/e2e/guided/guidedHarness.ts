import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { createAwsHome, type AwsHome } from '../../support/awsProfileFiles';
import { startBridgeApp, type BridgeApp } from '../../support/bridgeApp';
import { launchChromium } from '../../support/browser';
import { resetMoto } from '../../support/motoServer';
import { seedCustomerAccount, type SeededAccount } from '../../support/seedAccount';
import { createFakeEncryptor } from '../../smooz-server/fakeEncryptor';
import { startSmoozServer, type SmoozServer } from '../../smooz-server/smoozServer';
import { worldDataSources } from '../../smooz-server/worldDataSources';
import { TEST_WORLD_ENV } from '../../support/realDatabases/world';
import type { SecretEncryptor } from '../../../main/smooz/secretEncryptor';
import { message } from './messages';
import { t } from '../../support/catalogue';

export const ADMIN_TOKEN = 'smooz-e2e-admin-token-0123456789';
export const PROFILE = 'customer';

/** The customer's account (seeded on moto), SMOOZ (reference server) and the user's AWS files. */
export interface GuidedWorld {
  readonly motoEndpoint: string;
  readonly seeded: SeededAccount;
  readonly smooz: SmoozServer;
  readonly aws: AwsHome;
  readonly encryptor: SecretEncryptor;
  close(): Promise<void>;
}

export async function startWorld(
  motoEndpoint: string,
  smoozDelayMs = 1_500,
  worldFile: string | undefined = process.env[TEST_WORLD_ENV],
): Promise<GuidedWorld> {
  await resetMoto(motoEndpoint);
  const seeded = await seedCustomerAccount(motoEndpoint);
  const smooz = await startSmoozServer({
    motoEndpoint,
    adminTokens: [ADMIN_TOKEN],
    transitionDelayMs: smoozDelayMs,
    // SMOOZ's connectivity test logs in to the test world's real databases.
    ...(worldFile ? { dataSources: worldDataSources(worldFile) } : {}),
  });
  const aws = await createAwsHome();
  await aws.writeConfig(`[profile ${PROFILE}]\nregion = ap-northeast-1\n`);
  await aws.writeCredentials(
    `[${PROFILE}]\naws_access_key_id = AKIAE2ECUSTOMER00000\naws_secret_access_key = e2e-secret\n`,
  );
  return {
    motoEndpoint,
    seeded,
    smooz,
    aws,
    encryptor: createFakeEncryptor(),
    close: async () => {
      await smooz.close();
      await aws.remove();
    },
  };
}

/**
 * The app (real handler table) on a state folder; the same folder again is a restart. Signed in
 * to SMOOZ unless `signedIn` is false (the user then enters the token in the flow).
 */
export async function startApp(
  world: GuidedWorld,
  userDataDir?: string,
  { signedIn = true }: { signedIn?: boolean } = {},
): Promise<BridgeApp> {
  const app = await startBridgeApp({
    awsPaths: world.aws.paths,
    config: {
      aws: { endpointUrl: world.motoEndpoint },
      smooz: { apiBaseUrl: world.smooz.url },
    },
    secretEncryptor: world.encryptor,
    ...(userDataDir === undefined ? {} : { userDataDir }),
  });
  // Entered once by the user in the app; written here so a test can start signed in to SMOOZ.
  if (signedIn) await app.services.smooz.tokens.write(ADMIN_TOKEN);
  return app;
}

/** Counts what the user does: clicks and the decisions typed, the figure the benchmark reports. */
export class ActionCounter {
  count = 0;

  async click(locator: ReturnType<Page['locator']>): Promise<void> {
    this.count += 1;
    await locator.click();
  }

  async fill(locator: ReturnType<Page['locator']>, value: string): Promise<void> {
    this.count += 1;
    await locator.fill(value);
  }
}

export async function openPage(
  browser: Browser,
  app: BridgeApp,
  locale = 'ja-JP',
  view: BrowserContextOptions = { viewport: { width: 1280, height: 900 } },
): Promise<Page> {
  const page = await browser.newPage({ locale, ...view });
  await page.goto(app.server.pageUrl);
  await page.waitForSelector('h1');
  return page;
}

export interface GuidedSession {
  readonly world: GuidedWorld;
  readonly app: BridgeApp;
  readonly browser: Browser;
  readonly page: Page;
  close(): Promise<void>;
}

export interface GuidedSessionOptions {
  /** Changes the customer's account or the user's files before the app starts. */
  readonly prepare?: (world: GuidedWorld) => Promise<void>;
  readonly signedIn?: boolean;
  readonly locale?: string;
  readonly view?: BrowserContextOptions;
}

/** A fresh world, the app on it and the home screen open in Chromium: what every guided test needs. */
export async function openGuided(
  motoEndpoint: string,
  { prepare, signedIn, locale, view }: GuidedSessionOptions = {},
): Promise<GuidedSession> {
  const world = await startWorld(motoEndpoint);
  await prepare?.(world);
  const app = await startApp(world, undefined, signedIn === undefined ? {} : { signedIn });
  const browser = await launchChromium();
  const page = await openPage(browser, app, locale, view);
  return {
    world,
    app,
    browser,
    page,
    async close() {
      await browser.close();
      await app.close();
      await world.close();
    },
  };
}

/** The guided screen currently shown (data-screen on the guided container). */
export const screenOf = (page: Page) =>
  page.getByTestId('guided-setup').getAttribute('data-screen');

export async function waitForScreen(page: Page, screen: string, timeout = 60_000): Promise<void> {
  await page.waitForSelector(`[data-testid="guided-setup"][data-screen="${screen}"]`, { timeout });
}

/** The target step has looked up the profile's account (STS GetCallerIdentity on moto). */
export async function waitForAccount(page: Page, account = '123456789012'): Promise<void> {
  await page
    .getByTestId('guided-identity')
    .getByText(account, { exact: true })
    .waitFor({ timeout: 30_000 });
}

/**
 * From the home screen to the preflight of a new setup, as the user goes: start, wait for the
 * profile's account, next, pick the database, run the preflight. With `actions`, each click is
 * counted as the user's.
 */
export async function startSetup(
  page: Page,
  database: RegExp,
  { actions }: { actions?: ActionCounter } = {},
): Promise<void> {
  const click = (locator: ReturnType<Page['locator']>) =>
    actions ? actions.click(locator) : locator.click();
  await click(page.getByRole('button', { name: t('home:modes.automated.action') }));
  await waitForAccount(page);
  await click(page.getByRole('button', { name: t('guided:actions.next') }));
  await waitForScreen(page, 'database');
  await click(page.getByLabel(database));
  await click(page.getByRole('button', { name: t('guided:actions.checkAccount') }));
}

/**
 * From the preflight to the confirmation as a user gets there: results with only warnings wait
 * for "continue anyway" (on moto the permission check always warns: it cannot simulate IAM), and
 * that click is the user's own decision, counted like the others.
 */
export async function continueToConfirm(
  page: Page,
  timeout = 120_000,
  { actions, lang = 'ja' }: { actions?: ActionCounter; lang?: 'ja' | 'en' } = {},
): Promise<void> {
  await page.waitForSelector(
    [
      '[data-testid="guided-setup"][data-screen="confirm"]',
      '[data-testid="guided-setup"][data-screen="preflight"] [data-testid="preflight-warnings-open"]',
    ].join(', '),
    { timeout },
  );
  if ((await screenOf(page)) === 'preflight') {
    const button = page.getByRole('button', {
      name: message(lang, 'guided', 'preflight.continueAnyway'),
    });
    if (actions) await actions.click(button);
    else await button.click();
  }
  await waitForScreen(page, 'confirm', timeout);
}
