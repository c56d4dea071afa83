import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SetupState } from '../../../shared/flow/state';
import { accountSnapshot } from '../../support/accountSnapshot';
import type { BridgeApp } from '../../support/bridgeApp';
import { setVpcDns } from '../../integration/template/customerVpc';
import {
  continueToConfirm,
  openGuided,
  waitForScreen,
  type GuidedWorld,
  startSetup,
} from './guidedHarness';
import { message } from './messages';
import { shoot } from './shots';
import { ORDERS_CLUSTER, seedUncoveredAzCluster } from './uncoveredAzCluster';
import { t } from '../../support/catalogue';

/**
 * Several connections in one account, as a customer with several databases has them: a second
 * one set up from the home screen next to the first, a name clash with the first explained and
 * fixed on the preflight screen, and an abandoned setup discarded from the home screen.
 */
let world: GuidedWorld;
let app: BridgeApp;
let page: Page;
let close: (() => Promise<void>) | undefined;
let ordersHost = '';

const ja = (key: string, params: Record<string, string> = {}) =>
  message('ja', 'guided', key, params);
const flowNamed = (name: string): SetupState | undefined =>
  app.services.setup.list().find((f) => f.plan.connectionName === name);

beforeAll(async () => {
  ({ world, app, page, close } = await openGuided(inject('motoEndpoint'), {
    prepare: (w) => seedUncoveredAzCluster(w.motoEndpoint, w.seeded),
  }));
});

afterAll(async () => {
  if (ordersHost !== '') await setVpcDns(world.motoEndpoint, ordersHost, null);
  await close?.();
});

async function createToAvailable(): Promise<void> {
  await page.getByTestId('confirm-create').click();
  await page.waitForSelector('[data-testid="endpoint-phase"][data-phase="available"]', {
    timeout: 180_000,
  });
}

async function home(): Promise<void> {
  await page
    .getByRole('button', { name: t('guided:actions.home') })
    .first()
    .click();
  await page.getByTestId('connections-table').waitFor();
}

const statusOf = (name: string) =>
  page.getByTestId(`connection-${name}`).getByTestId('connection-status').textContent();

describe('a second connection next to an existing one', () => {
  it('sets the first connection up to available', async () => {
    await startSetup(page, /customer-aurora/);
    await continueToConfirm(page);
    await createToAvailable();
    await home();
    expect(await statusOf('customer-aurora')).toBe(t('home:connections.status.available'));
  });

  it('shows every AWS name of the second connection on the confirmation, all its own', async () => {
    await startSetup(page, /customer-postgres/);
    await continueToConfirm(page);
    const first = flowNamed('customer-aurora')?.plan;
    const names = (await page.getByTestId('derived-names').textContent()) ?? '';
    const second = flowNamed('customer-postgres')?.plan;
    expect(second).toBeDefined();
    for (const name of [second?.stackName, second?.lambdaFunctionName]) {
      expect(names).toContain(name);
    }
    expect(second?.stackName).not.toBe(first?.stackName);
    expect(second?.lambdaFunctionName).not.toBe(first?.lambdaFunctionName);
  });

  it('re-derives the names on screen as the connection name is typed', async () => {
    const field = page.getByLabel(t('guided:database.connectionName'));
    await field.fill('customer-postgres-staging');
    const stack = page.getByTestId('name-stackName');
    await expect.poll(() => stack.textContent()).toContain('customer-postgres-staging');
    await field.fill('customer-postgres');
    await expect
      .poll(() => stack.textContent())
      .toContain(flowNamed('customer-postgres')?.plan.stackName);
  });

  it('explains a clash with the first connection on the preflight screen, naming it', async () => {
    const taken = flowNamed('customer-aurora')?.plan.lambdaFunctionName ?? '';
    await page.getByLabel(t('guided:confirm.lambdaName')).fill(taken);
    await page.getByRole('button', { name: ja('actions.applyChanges') }).click();
    const check = page.getByTestId('check-nameClash');
    await page.locator('[data-testid="check-nameClash"][data-status="fail"]').waitFor({
      timeout: 120_000,
    });
    const owners = await page
      .getByTestId('name-clashes')
      .locator('li')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-owner')));
    expect(owners.length).toBeGreaterThan(0);
    expect(new Set(owners)).toEqual(new Set(['connection']));
    expect(await check.textContent()).toContain('customer-aurora');
    expect(
      await page
        .getByRole('button', { name: ja('preflight.clash.open', { name: 'customer-aurora' }) })
        .isVisible(),
    ).toBe(true);
    await shoot(page, 'guided-name-clash-ja');
  });

  it('fixes the clash in place: a new name beside the failed check, checked again', async () => {
    await page.getByLabel(t('guided:confirm.lambdaName')).fill('customer-postgres-updater');
    await page.getByRole('button', { name: ja('preflight.rename.apply') }).click();
    await page.locator('[data-testid="check-nameClash"][data-status="pass"]').waitFor({
      timeout: 120_000,
    });
    expect(flowNamed('customer-postgres')?.plan.lambdaFunctionName).toBe(
      'customer-postgres-updater',
    );
    await continueToConfirm(page);
  });

  it('sets the second connection up to available, and both are listed as available', async () => {
    await createToAvailable();
    await home();
    expect(await statusOf('customer-aurora')).toBe(t('home:connections.status.available'));
    expect(await statusOf('customer-postgres')).toBe(t('home:connections.status.available'));
    // Each row's buttons say which connection they act on.
    for (const name of ['customer-aurora', 'customer-postgres']) {
      await page.getByRole('button', { name: ja('home.recheckNamed', { name }) }).waitFor();
      await page.getByRole('button', { name: ja('home.teardownNamed', { name }) }).waitFor();
    }
    await shoot(page, 'guided-two-connections-ja');
  });
});

describe('an abandoned setup discarded from the home screen', () => {
  it('leaves a setup stopped after it created its groups, rules and a failed stack', async () => {
    await startSetup(page, new RegExp(ORDERS_CLUSTER));
    await continueToConfirm(page);
    ordersHost = flowNamed(ORDERS_CLUSTER)?.plan.database.endpoint ?? '';
    await setVpcDns(world.motoEndpoint, ordersHost, []);
    await page.getByTestId('confirm-create').click();
    await waitForScreen(page, 'attention', 180_000);
    await page.getByRole('button', { name: ja('actions.cancel') }).click();
    await page.getByTestId('attention-cancelled').waitFor();
    await home();
  });

  it('lists it on the home screen with what it already created', async () => {
    const row = page.getByTestId(`unfinished-${ORDERS_CLUSTER}`);
    await row.waitFor();
    const created = flowNamed(ORDERS_CLUSTER)?.created ?? [];
    expect(created.length).toBeGreaterThan(0);
    expect(await row.getByTestId('unfinished-created').locator('li').count()).toBe(created.length);
  });

  it('asks first, listing exactly what will be removed, then removes it and frees its names', async () => {
    const flow = flowNamed(ORDERS_CLUSTER);
    const stackName = flow?.plan.stackName ?? '';
    const row = page.getByTestId(`unfinished-${ORDERS_CLUSTER}`);
    await row
      .getByRole('button', { name: ja('home.discardNamed', { name: ORDERS_CLUSTER }) })
      .click();
    const list = row.getByTestId('discard-list');
    await list.waitFor();
    expect(await list.textContent()).toContain(stackName);
    expect(await list.locator('li').count()).toBeGreaterThanOrEqual(flow?.created.length ?? 1);
    await shoot(page, 'guided-discard-confirm-ja');
    await row
      .getByRole('button', { name: ja('discard.confirm', { name: ORDERS_CLUSTER }) })
      .click();
    await row.waitFor({ state: 'detached', timeout: 180_000 });
    expect(flowNamed(ORDERS_CLUSTER)).toBeUndefined();
    const account = await accountSnapshot(world.motoEndpoint);
    expect(JSON.stringify(account)).not.toContain(stackName);
    expect(await statusOf('customer-aurora')).toBe(t('home:connections.status.available'));
    expect(await statusOf('customer-postgres')).toBe(t('home:connections.status.available'));
    await shoot(page, 'guided-discarded-home-ja');
  });
});
