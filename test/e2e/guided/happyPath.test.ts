import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MOVING_EVENTS } from '../../integration/template/rdsEventSamples';
import { emitRdsEvent, failOver, scheduleTick } from '../../support/realDatabases/failoverDrill';
import { readTestWorld } from '../../support/realDatabases/world';
import {
  ActionCounter,
  continueToConfirm,
  waitForScreen,
  type GuidedWorld,
  openGuided,
} from './guidedHarness';

import { shoot } from './shots';
import { t } from '../../support/catalogue';

let world: GuidedWorld;
let page: Page;
let close: (() => Promise<void>) | undefined;
const actions = new ActionCounter();

beforeAll(async () => {
  ({ world, page, close } = await openGuided(inject('motoEndpoint')));
});

afterAll(() => close?.());

describe('guided setup, driven as a user would, from the home screen to available', () => {
  it('starts from the home screen and shows the account of the chosen profile', async () => {
    await actions.click(page.getByRole('button', { name: t('home:modes.automated.action') }));
    await waitForScreen(page, 'target');
    await expect
      .poll(() => page.getByTestId('guided-identity').textContent(), { timeout: 30_000 })
      .toContain('123456789012');
    expect(await page.getByTestId('checklist-prep.database').getAttribute('data-state')).toBe(
      'waiting',
    );
    await shoot(page, 'guided-1-profile-ja');
    await actions.click(page.getByRole('button', { name: t('guided:actions.next') }));
  });

  it('lists the seeded databases with engine, endpoint and Multi-AZ, and picks one', async () => {
    await waitForScreen(page, 'database');
    await page.getByLabel(/customer-postgres/).waitFor();
    expect(await page.getByLabel(/customer-aurora/).isVisible()).toBe(true);
    await actions.click(page.getByLabel(/customer-postgres/));
    expect(await page.getByLabel(t('guided:database.connectionName')).inputValue()).toBe(
      'customer-postgres',
    );
    await shoot(page, 'guided-2-database-ja');
    await actions.click(page.getByRole('button', { name: t('guided:actions.checkAccount') }));
  });

  it('runs preflight by itself and, no check failing, asks for the one confirmation', async () => {
    await continueToConfirm(page, 60_000, { actions });
    expect(await page.getByTestId('checklist-prep.subnet').getAttribute('data-state')).toBe('done');
    expect(await page.getByTestId('will-create').textContent()).toContain('CloudFormation');
    expect(await page.getByTestId('monthly-cost').textContent()).toMatch(/\$\d+\.\d\d/);
    await shoot(page, 'guided-3-confirm-ja');
    await actions.click(page.getByTestId('confirm-create'));
  });

  it('shows the stack being created with a real progress figure and live events', async () => {
    await waitForScreen(page, 'progress', 30_000);
    await page.getByTestId('stack-progress').waitFor({ timeout: 60_000 });
    await expect
      .poll(async () => page.getByTestId('stack-events').locator('tbody tr').count(), {
        timeout: 60_000,
      })
      .toBeGreaterThan(0);
    expect(await page.getByTestId('stack-timing').textContent()).toMatch(/経過 \d+:\d\d/);
    await shoot(page, 'guided-4-stack-ja');
  });

  it('hands the outputs to SMOOZ, accepts its endpoint connection, follows it until available, then verifies it', async () => {
    await waitForScreen(page, 'endpoint', 180_000);
    await page.waitForSelector('[data-testid="endpoint-phase"][data-phase="available"]', {
      timeout: 120_000,
    });
    await page.getByTestId('verification').waitFor();
    expect(await page.getByTestId('verify-smooz').textContent()).toBe('available');
    // The app itself accepted SMOOZ's endpoint connection (the service requires acceptance).
    const acceptance = page.getByTestId('endpoint-acceptance');
    expect(await acceptance.getAttribute('data-state')).toBe('accepted');
    expect(await acceptance.textContent()).toContain(
      '承認済み（SMOOZ のアカウントからの接続要求のみ）',
    );
    expect(await page.getByTestId('verify-connection').textContent()).toContain('available');
    const items = await page
      .locator('[data-testid^="checklist-"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-state')));
    expect(items.every((state) => state === 'done')).toBe(true);
    expect(await world.smooz.connections.list()).toHaveLength(1);
    // SMOOZ logged in to the real PostgreSQL through endpoint, NLB and target: SELECT 1 answered.
    const connectivity = page.getByTestId('connectivity');
    await connectivity.waitFor();
    expect(await connectivity.getAttribute('data-outcome')).toBe('succeeded');
    // The sentence up to the target's address (which the drills below check on their own).
    expect(await connectivity.textContent()).toContain(
      t('guided:endpoint.connectivity.succeeded').split('{{')[0],
    );
    await shoot(page, 'guided-5-available-ja');
  });

  it('took at most six user decisions from home to available', () => {
    expect(actions.count).toBeLessThanOrEqual(6);
  });

  it('lists the connection on the home screen as available', async () => {
    await page
      .getByRole('button', { name: t('guided:actions.home') })
      .first()
      .click();
    await page.getByTestId('connection-customer-postgres').waitFor();
    expect(
      await page
        .getByTestId('connection-customer-postgres')
        .getByTestId('connection-status')
        .textContent(),
    ).toBe(t('home:connections.status.available'));
    await shoot(page, 'guided-6-home-ja');
  });
});

describe('failover drills: the database moves, SMOOZ reaches it again through the new target', () => {
  const worldFile = inject('testWorldFile');
  const failover = MOVING_EVENTS.instance.find((e) => e.category === 'failover');
  const connectivity = () => page.getByTestId('connectivity');
  const postgresNow = () => readTestWorld(worldFile).databases.postgres;

  /** Home's re-check: SMOOZ's connectivity test runs again and the endpoint screen shows it. */
  async function recheckFromHome(): Promise<string | null> {
    const back = page.getByRole('button', { name: t('guided:actions.home') });
    if ((await back.count()) > 0) await back.first().click();
    const row = page.getByTestId('connection-customer-postgres');
    await row.waitFor();
    await row.getByRole('button', { name: t('guided:home.recheck') }).click();
    await waitForScreen(page, 'endpoint');
    await connectivity().waitFor();
    return connectivity().getAttribute('data-outcome');
  }

  async function recheckHere(): Promise<void> {
    const before = await page.getByTestId('verification').textContent();
    await page.getByRole('button', { name: t('guided:actions.recheck') }).click();
    await expect.poll(() => page.getByTestId('verification').textContent()).not.toBe(before);
  }

  it('shows the broken link while the target still points at the old address', async () => {
    const moved = await failOver(worldFile, 'postgres', {
      motoEndpoint: world.motoEndpoint,
      identifier: 'customer-postgres',
    });
    expect(moved.availabilityZone?.to).not.toBe(moved.availabilityZone?.from);
    expect(await recheckFromHome()).toBe('failed');
    expect(
      await connectivity().locator('[data-broken-link]').getAttribute('data-broken-link'),
    ).toBe('tcp-refused');
    expect(await connectivity().textContent()).toContain(
      t('guided:endpoint.connectivity.links.tcp-refused'),
    );
    expect(await connectivity().textContent()).toContain(
      t('guided:endpoint.connectivity.fixes.tcp-refused'),
    );
    await shoot(page, 'guided-failover-broken-ja');
  });

  it('moves the target on the RDS failover event; the connectivity test succeeds again', async () => {
    if (!failover) throw new Error('no failover sample');
    const started = Date.now();
    const delivered = await emitRdsEvent(world.motoEndpoint, {
      ...failover,
      identifier: 'customer-postgres',
    });
    expect(delivered.map((d) => d.result?.status)).toContain('updated');
    await recheckHere();
    expect(await connectivity().getAttribute('data-outcome')).toBe('succeeded');
    const { address, port } = postgresNow();
    expect(await connectivity().textContent()).toContain(`${address}:${port}`);
    console.info(`failover drill, RDS event: SELECT 1 again after ${Date.now() - started} ms`);
  });

  it('with the event lost, the 1-minute schedule alone moves the target', async () => {
    await failOver(worldFile, 'postgres', {
      motoEndpoint: world.motoEndpoint,
      identifier: 'customer-postgres',
    });
    expect(await recheckFromHome()).toBe('failed');
    const started = Date.now();
    const delivered = await scheduleTick(world.motoEndpoint);
    expect(delivered.map((d) => d.result?.status)).toContain('updated');
    await recheckHere();
    expect(await connectivity().getAttribute('data-outcome')).toBe('succeeded');
    const { address, port } = postgresNow();
    expect(await connectivity().textContent()).toContain(`${address}:${port}`);
    console.info(
      `failover drill, schedule only: SELECT 1 again ${Date.now() - started} ms after the tick`,
    );
  });
});
