import type { Browser, Page } from 'playwright-core';
import { createSmoozClient, type SmoozApi } from '../../../main/smooz/smoozApiClient';
import { startBridgeApp, type BridgeApp } from '../../support/bridgeApp';
import { launchChromium } from '../../support/browser';
import {
  motoVpcResolver,
  setUpByHand,
  type ManualDeployment,
} from '../../support/lifecycle/manualSetup';
import { ADMIN_TOKEN, openPage, startWorld, type GuidedWorld } from '../guided/guidedHarness';

/** The name the engineer gave SMOOZ's connection: home lists the setup under it. */
const HAND_MADE_NAME = '本番DB';

export interface HandMadeApp {
  readonly world: GuidedWorld;
  readonly app: BridgeApp;
  readonly browser: Browser;
  readonly page: Page;
  readonly manual: ManualDeployment;
  /** SMOOZ's API as its admin, to check what SMOOZ sees. */
  readonly smooz: SmoozApi;
  readonly smoozConnectionId: string;
  close(): Promise<void>;
}

/**
 * A fresh world with the manual followed to the end (SMOOZ connected through the hand-made
 * setup), then the app signed in to SMOOZ, resolving names as the VPC does, and home open in
 * Chromium. What was started is closed again if a later part fails.
 */
export async function openHandMadeApp(
  motoEndpoint: string,
  worldFile: string,
): Promise<HandMadeApp> {
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const closeOne of closers.splice(0).reverse()) await closeOne();
  };
  try {
    const world = await startWorld(motoEndpoint, 0);
    closers.push(() => world.close());
    const smooz = createSmoozClient({ baseUrl: world.smooz.url, token: async () => ADMIN_TOKEN });
    const byHand = await setUpByHand(motoEndpoint, worldFile, world.seeded, smooz, HAND_MADE_NAME);
    const app = await startBridgeApp({
      awsPaths: world.aws.paths,
      config: { aws: { endpointUrl: motoEndpoint }, smooz: { apiBaseUrl: world.smooz.url } },
      secretEncryptor: world.encryptor,
      resolveDatabaseAddresses: motoVpcResolver(motoEndpoint),
    });
    closers.push(() => app.close());
    await app.services.smooz.tokens.write(ADMIN_TOKEN);
    const browser = await launchChromium();
    closers.push(() => browser.close());
    const page = await openPage(browser, app);
    return { world, app, browser, page, smooz, ...byHand, close };
  } catch (error) {
    await close();
    throw error;
  }
}
