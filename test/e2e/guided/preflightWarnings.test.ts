import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openGuided, screenOf, startSetup, waitForScreen } from './guidedHarness';
import { message } from './messages';
import { shoot } from './shots';
import { ORDERS_CLUSTER, UNCOVERED_AZ, seedUncoveredAzCluster } from './uncoveredAzCluster';

let page: Page;
let warnings = 0;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ page, close } = await openGuided(inject('motoEndpoint'), {
    prepare: (w) => seedUncoveredAzCluster(w.motoEndpoint, w.seeded),
  }));
});

afterAll(() => close?.());

const failoverWarning = message('ja', 'setup', 'preflight.subnetPerFailoverAz.noSubnet', {
  azs: UNCOVERED_AZ,
});

describe('a preflight with only warnings waits for "continue anyway"', () => {
  it('stops on the results with the failover warning and an explicit button', async () => {
    await startSetup(page, new RegExp(ORDERS_CLUSTER));
    await page.getByTestId('preflight-warnings-open').waitFor({ timeout: 120_000 });
    const check = page.getByTestId('check-subnetPerFailoverAz');
    expect(await check.getAttribute('data-status')).toBe('warn');
    expect(await check.textContent()).toContain(failoverWarning);
    expect(await page.locator('[data-status="fail"]').count()).toBe(0);
    warnings = await page.locator('[data-status="warn"]').count();
    // Time to read: the screen does not move on by itself.
    await page.waitForTimeout(3_000);
    expect(await screenOf(page)).toBe('preflight');
    await shoot(page, 'guided-preflight-warnings-ja');
  });

  it('goes to the confirmation on "continue anyway", which repeats every open warning', async () => {
    await page
      .getByRole('button', { name: message('ja', 'guided', 'preflight.continueAnyway') })
      .click();
    await waitForScreen(page, 'confirm');
    const repeated = page.getByTestId('confirm-warnings');
    expect(await repeated.textContent()).toContain(failoverWarning);
    expect(await repeated.locator('li').count()).toBe(warnings);
    await shoot(page, 'guided-confirm-warnings-ja');
  });
});
