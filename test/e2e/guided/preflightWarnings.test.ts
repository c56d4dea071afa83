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
  it('stops on the results with the failover and MySQL host-blocking warnings and an explicit button', async () => {
    await startSetup(page, new RegExp(ORDERS_CLUSTER));
    await page.getByTestId('preflight-warnings-open').waitFor({ timeout: 120_000 });
    const check = page.getByTestId('check-subnetPerFailoverAz');
    expect(await check.getAttribute('data-status')).toBe('warn');
    expect(await check.textContent()).toContain(failoverWarning);
    expect(await page.locator('[data-status="fail"]').count()).toBe(0);
    // An Aurora MySQL writer on its default parameter group: NLB health checks would get the NLB's
    // addresses blocked; the finding names the group, the value and the remedy before anything exists.
    const blocking = page.getByTestId('check-mysqlHostBlocking');
    expect(await blocking.getAttribute('data-status')).toBe('warn');
    const finding = (await blocking.textContent()) ?? '';
    expect(finding).toMatch(
      new RegExp(
        `${ORDERS_CLUSTER}-writer はデフォルトのパラメータグループ default\\.aurora-mysql`,
      ),
    );
    expect(finding).toContain('max_connect_errors は 100（engine-default）');
    expect(finding).toContain(`--db-instance-identifier ${ORDERS_CLUSTER}-writer`);
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
