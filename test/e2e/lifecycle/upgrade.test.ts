import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accountSnapshot } from '../../support/accountSnapshot';
import { motoContext } from '../../support/awsTestConfig';
import type { BridgeApp } from '../../support/bridgeApp';
import { launchChromium } from '../../support/browser';
import { createEngineHarness, currentTemplate } from '../../support/engineHarness';
import { driveToEnd, postgresRequest } from '../../support/engineFlows';
import { versionOneTemplate } from '../../support/lifecycle/olderTemplates';
import { SMOOZ_TEMPLATE_VERSION } from '../../../shared/stack/templateVersion';
import { openPage, PROFILE, startApp, startWorld, type GuidedWorld } from '../guided/guidedHarness';
import { message } from '../guided/messages';
import { shoot } from '../guided/shots';

const endpoint = inject('motoEndpoint');
let world: GuidedWorld;
let app: BridgeApp;
let browser: Browser;
let page: Page;
const NAME = '本番 PostgreSQL';

const ja = (key: string, params: Record<string, string | number> = {}) =>
  message('ja', 'lifecycle', key, params);

beforeAll(async () => {
  world = await startWorld(endpoint, 0);
  // A connection an older release made: its stack runs template v1.
  const userDataDir = mkdtempSync(join(tmpdir(), 'smooz-e2e-upgrade-'));
  const old = versionOneTemplate(await currentTemplate());
  const { engine } = createEngineHarness(endpoint, {
    userDataDir,
    loadTemplate: async () => old,
    getAwsContext: async (_profile, region) => ({ ...motoContext, region }),
  });
  const created = await engine.create({
    ...postgresRequest(world.seeded, NAME),
    profile: PROFILE,
  });
  const flow = await driveToEnd(engine, created.plan.connectionId);
  expect(flow.step).toBe('complete');
  app = await startApp(world, userDataDir);
  const at = new Date().toISOString();
  app.services.store.upsertConnection({
    id: flow.plan.connectionId,
    name: NAME,
    region: flow.plan.region,
    awsAccountId: flow.plan.accountId,
    status: 'available',
    createdAt: at,
    updatedAt: at,
  });
  browser = await launchChromium();
  page = await openPage(browser, app);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await world?.close();
});

describe('home: a connection on an older template', () => {
  it('shows the versions and an update button, and the review lists the safe change', async () => {
    // The app reopens the connection's guided screen on start; the user goes home.
    await page
      .getByRole('button', { name: message('ja', 'common', 'nav.back') })
      .first()
      .click();
    await page
      .getByText(ja('upgrade.behind', { version: 1, current: SMOOZ_TEMPLATE_VERSION }))
      .waitFor({ timeout: 30_000 });
    await shoot(page, 'upgrade-home');
    await page.getByRole('button', { name: ja('upgrade.reviewNamed', { name: NAME }) }).click();
    const resource = ja('upgrade.resources.UpdaterFunction');
    await page.getByText(ja('upgrade.actions.Modify', { resource })).waitFor({ timeout: 30_000 });
    expect(await page.locator('.upgrade-change.replaced').count()).toBe(0);
    await shoot(page, 'upgrade-review');
  });

  it('applies it and shows the result; the NLB and endpoint service stay the same', async () => {
    const before = await accountSnapshot(endpoint);
    await page.getByRole('button', { name: ja('upgrade.apply') }).click();
    await page
      .getByText(ja('upgrade.done', { current: SMOOZ_TEMPLATE_VERSION }))
      .waitFor({ timeout: 30_000 });
    await shoot(page, 'upgrade-done');
    const after = await accountSnapshot(endpoint);
    expect(after.loadBalancers).toEqual(before.loadBalancers);
    expect(after.endpointServices).toEqual(before.endpointServices);
  });
});
