import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  accountSnapshot,
  snapshotDelta,
  type AccountSnapshot,
} from '../../support/accountSnapshot';
import type { BridgeApp } from '../../support/bridgeApp';
import {
  waitForScreen,
  type GuidedWorld,
  openGuided,
  continueToConfirm,
  startSetup,
} from './guidedHarness';
import { message } from './messages';
import { shoot } from './shots';
import { smoozAccountSnapshot } from './smoozAccountSnapshot';
import { t } from '../../support/catalogue';

let world: GuidedWorld;
let app: BridgeApp;
let page: Page;
let close: (() => Promise<void>) | undefined;
let customerBefore: AccountSnapshot;
let smoozBefore: Awaited<ReturnType<typeof smoozAccountSnapshot>>;

beforeAll(async () => {
  ({ world, app, page, close } = await openGuided(inject('motoEndpoint'), {
    prepare: async (w) => {
      customerBefore = await accountSnapshot(w.motoEndpoint);
      smoozBefore = await smoozAccountSnapshot(w.motoEndpoint, w.smooz);
    },
  }));
});

afterAll(() => close?.());

describe('teardown from the connection list on the home screen', () => {
  it('sets a connection up to available, changing both accounts', async () => {
    await startSetup(page, /customer-aurora/);
    await continueToConfirm(page, 120_000);
    await page.getByTestId('confirm-create').click();
    await page.waitForSelector('[data-testid="endpoint-phase"][data-phase="available"]', {
      timeout: 180_000,
    });
    // The comparison at the end means something only if the flow really left its marks.
    const customer = await accountSnapshot(world.motoEndpoint);
    expect(customer.stacks).toHaveLength(customerBefore.stacks.length + 1);
    // The updater runs outside the VPC (a private database): rules, no security group of its own.
    expect(snapshotDelta(customerBefore, customer).rulesAddedToExistingGroups).not.toEqual([]);
    const smooz = await smoozAccountSnapshot(world.motoEndpoint, world.smooz);
    expect(smooz.vpcEndpoints).toHaveLength(smoozBefore.vpcEndpoints.length + 1);
    expect(smooz.connections).toHaveLength(1);
  });

  it('re-checks from the list: SMOOZ status, endpoint connection and targets, checked again', async () => {
    await page
      .getByRole('button', { name: t('guided:actions.home') })
      .first()
      .click();
    const row = page.getByTestId('connection-customer-aurora');
    await row.waitFor();
    const [record] = await app.services.guided.list();
    const before = record?.verification?.checkedAt ?? '';
    expect(before).not.toBe('');
    await row.getByRole('button', { name: t('guided:home.recheck') }).click();
    await waitForScreen(page, 'endpoint');
    await expect
      .poll(async () => (await app.services.guided.list())[0]?.verification?.checkedAt ?? '')
      .not.toBe(before);
    expect(await page.getByTestId('verify-smooz').textContent()).toBe('available');
    expect(await page.getByTestId('verify-connection').textContent()).toBe(
      message('ja', 'guided', 'endpoint.connectionStates.available'),
    );
    expect(await page.getByTestId('verify-targets').textContent()).toContain(
      message('ja', 'guided', 'endpoint.targetStates.healthy'),
    );
    // SMOOZ logged in to the real MariaDB behind the Aurora endpoint again.
    await expect
      .poll(() => page.getByTestId('connectivity').getAttribute('data-outcome'))
      .toBe('succeeded');
  });

  it('asks before removing anything, and "cancel" removes nothing', async () => {
    await page
      .getByRole('button', { name: t('guided:actions.home') })
      .first()
      .click();
    const row = page.getByTestId('connection-customer-aurora');
    await row.waitFor();
    await row.getByRole('button', { name: t('guided:home.teardown') }).click();
    expect(await row.textContent()).toContain(
      t('guided:home.confirmTeardown', { name: 'customer-aurora' }),
    );
    await shoot(page, 'guided-teardown-confirm-ja');
    await row.getByRole('button', { name: t('guided:home.confirmNo') }).click();
    expect(await row.getByRole('button', { name: t('guided:home.teardown') }).isVisible()).toBe(
      true,
    );
    expect(await world.smooz.connections.list()).toHaveLength(1);
  });

  it('removes the SMOOZ endpoint and everything the app made, and the list no longer shows it', async () => {
    const row = page.getByTestId('connection-customer-aurora');
    await row.getByRole('button', { name: t('guided:home.teardown') }).click();
    await row.getByRole('button', { name: t('guided:home.confirmYes') }).click();
    await waitForScreen(page, 'teardown', 120_000);
    // Its own screen: no manual step is flagged while the connection is being removed.
    expect(await page.locator('[data-state="attention"]').count()).toBe(0);
    await page.getByTestId('teardown-done').waitFor({ timeout: 180_000 });
    expect(await page.getByTestId('teardown-removed').locator('li').count()).toBeGreaterThan(0);
    await shoot(page, 'guided-teardown-done-ja');
    await page
      .getByRole('button', { name: t('guided:actions.home') })
      .first()
      .click();
    await page.getByTestId('connections-empty').waitFor();
  });

  it('leaves the customer account and SMOOZ account as they were before the setup', async () => {
    expect(await accountSnapshot(world.motoEndpoint)).toEqual(customerBefore);
    expect(await smoozAccountSnapshot(world.motoEndpoint, world.smooz)).toEqual(smoozBefore);
  });
});
