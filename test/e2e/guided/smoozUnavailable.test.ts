import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BridgeApp } from '../../support/bridgeApp';
import { type GuidedWorld, openGuided, continueToConfirm, startSetup } from './guidedHarness';
import { message } from './messages';
import { shoot } from './shots';

let world: GuidedWorld;
let app: BridgeApp;
let page: Page;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ world, app, page, close } = await openGuided(inject('motoEndpoint')));
});

afterAll(() => close?.());

describe('SMOOZ unavailable when the stack is done: the failed call is shown, retried, and nothing is lost', () => {
  it('reports the failed hand-over to SMOOZ with its reason and a retry', async () => {
    // More 503s than the client's own retries: the user sees the failure.
    world.smooz.faults.inject('createConnection', { kind: 'status', status: 503 }, 10);
    await startSetup(page, /customer-postgres/);
    await continueToConfirm(page, 120_000);
    await page.getByTestId('confirm-create').click();
    await page.waitForSelector('[data-testid="endpoint-phase"][data-phase="failed"]', {
      timeout: 180_000,
    });
    expect(await page.getByTestId('endpoint-phase').textContent()).toBe(
      message('ja', 'guided', 'endpoint.phases.notRegistered'),
    );
    expect(await page.locator('.endpoint-step [role="alert"]').first().textContent()).toBe(
      message('ja', 'smooz', 'errors.serverError', { status: 503 }),
    );
    // The stack and everything before it stays done; only step 4 needs attention.
    expect(await page.getByTestId('checklist-stack.outputs').getAttribute('data-state')).toBe(
      'done',
    );
    expect(await world.smooz.connections.list()).toHaveLength(0);
    await shoot(page, 'guided-smooz-unavailable-ja');
  });

  it('creates the connection once when SMOOZ answers again, and follows it to available', async () => {
    world.smooz.faults.clear();
    await page.getByRole('button', { name: message('ja', 'guided', 'actions.retry') }).click();
    await page.waitForSelector('[data-testid="endpoint-phase"][data-phase="available"]', {
      timeout: 120_000,
    });
    expect(await world.smooz.connections.list()).toHaveLength(1);
    const stacks = app.services.setup.list().filter((f) => f.step === 'complete');
    expect(stacks).toHaveLength(1);
  });
});
