import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSmoozClient, type SmoozApi } from '../../../main/smooz/smoozApiClient';
import { startBridgeApp, type BridgeApp } from '../../support/bridgeApp';
import { launchChromium } from '../../support/browser';
import {
  connectSmoozTo,
  deployManualSetup,
  motoVpcResolver,
  type ManualDeployment,
} from '../../support/lifecycle/manualSetup';
import { ADMIN_TOKEN, openPage, startWorld, type GuidedWorld } from '../guided/guidedHarness';
import { message } from '../guided/messages';
import { shoot } from '../guided/shots';

const endpoint = inject('motoEndpoint');
let world: GuidedWorld;
let app: BridgeApp;
let browser: Browser;
let page: Page;
let manual: ManualDeployment;
let smooz: SmoozApi;
let connectionId: string;

const ja = (key: string, params: Record<string, string | number> = {}) =>
  message('ja', 'lifecycle', key, params);

beforeAll(async () => {
  world = await startWorld(endpoint, 0);
  manual = await deployManualSetup(endpoint, inject('testWorldFile'), world.seeded, {
    stackName: 'smooz-privatelink',
    functionName: 'smooz-privatelink-function',
  });
  smooz = createSmoozClient({ baseUrl: world.smooz.url, token: async () => ADMIN_TOKEN });
  connectionId = await connectSmoozTo(smooz, manual, '本番DB');
  app = await startBridgeApp({
    awsPaths: world.aws.paths,
    config: { aws: { endpointUrl: endpoint }, smooz: { apiBaseUrl: world.smooz.url } },
    secretEncryptor: world.encryptor,
    resolveDatabaseAddresses: motoVpcResolver(endpoint),
  });
  await app.services.smooz.tokens.write(ADMIN_TOKEN);
  browser = await launchChromium();
  page = await openPage(browser, app);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await world?.close();
});

describe('home: move an adopted hand-made setup to the current design', () => {
  it('adopts it, then migrates it from the panel to available on the new path', async () => {
    const section = page.getByRole('region', { name: ja('title') });
    await section.getByRole('button', { name: ja('scan'), exact: true }).click();
    const card = section.getByRole('listitem', { name: '本番DB' });
    await card.waitFor({ timeout: 60_000 });
    await card.getByRole('button', { name: ja('adoptNamed', { name: '本番DB' }) }).click();
    await card.getByRole('button', { name: ja('adoptConfirm') }).click();
    const start = card.getByRole('button', { name: ja('migration.start'), exact: true });
    await start.waitFor({ timeout: 60_000 });
    await shoot(page, 'migration-offered-ja');
    await start.click();

    const panel = card.getByRole('region', { name: ja('migration.title') });
    await panel.waitFor({ timeout: 30_000 });
    await shoot(page, 'migration-running-ja');
    await panel.getByText(ja('migration.phase.done')).waitFor({ timeout: 300_000 });
    await shoot(page, 'migration-done-ja');
    expect(await panel.locator('.migration-step.done').count()).toBe(6);
    // The old setup's adoption is released once it is deleted, and home says so at once.
    await card
      .getByRole('button', { name: ja('adoptNamed', { name: '本番DB' }) })
      .waitFor({ timeout: 30_000 });

    const [migration] = app.services.migrator.list();
    const connection = await smooz.getConnection(connectionId);
    expect(connection).toMatchObject({
      status: 'available',
      endpointServiceName: migration?.newSetup?.endpointServiceName,
    });
    expect(connection.endpointServiceName).not.toBe(manual.endpointServiceName);
    expect(await smooz.testConnectivity(connectionId)).toMatchObject({ outcome: 'succeeded' });
  }, 420_000);
});
