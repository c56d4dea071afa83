import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { continueToConfirm, openGuided, screenOf, startSetup } from './guidedHarness';
import { message } from './messages';
import { shoot } from './shots';

let page: Page;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ page, close } = await openGuided(inject('motoEndpoint')));
});

afterAll(() => close?.());

const choice = (placement: 'outsideVpc' | 'insideVpc') =>
  page.getByLabel(message('ja', 'guided', `confirm.placement.choices.${placement}`), {
    exact: false,
  });
const lambdaSgLine = (name: string) => message('ja', 'guided', 'confirm.create.lambdaSg', { name });

describe('where the updater runs: recommended, explained, and switched on the confirmation', () => {
  it('recommends outside the VPC for the private database and says why in one sentence', async () => {
    await startSetup(page, /customer-postgres/);
    await continueToConfirm(page);
    expect(await page.getByTestId('placement-why').textContent()).toBe(
      message('ja', 'guided', 'confirm.placement.why.privateDatabase', {
        identifier: 'customer-postgres',
      }),
    );
    expect(await choice('outsideVpc').isChecked()).toBe(true);
    expect(await choice('insideVpc').isChecked()).toBe(false);
    // Nothing for the VPC will be created: no security group, rules from the NLB only.
    const willCreate = (await page.getByTestId('will-create').textContent()) ?? '';
    expect(willCreate).not.toContain('セキュリティグループ「');
    expect(willCreate).toContain('NLB のサブネットから');
    expect(await page.getByTestId('name-lambdaSecurityGroupName').count()).toBe(0);
    await shoot(page, 'guided-placement-outside-ja');
  });

  it('switches inside the VPC: the security group appears, the checks run again for that placement', async () => {
    await choice('insideVpc').check();
    const sgName = (await page.getByTestId('name-lambdaSecurityGroupName').textContent()) ?? '';
    const shownName = sgName.replace(
      message('ja', 'guided', 'confirm.names.lambdaSecurityGroupName'),
      '',
    );
    expect(await page.getByTestId('will-create').textContent()).toContain(lambdaSgLine(shownName));
    await page
      .getByRole('button', { name: message('ja', 'guided', 'actions.applyChanges') })
      .click();
    await continueToConfirm(page);
    expect(await screenOf(page)).toBe('confirm');
    expect(await choice('insideVpc').isChecked()).toBe(true);
    // The recommendation is still the database's, the choice the user's.
    expect(await page.getByTestId('placement-why').textContent()).toContain('customer-postgres');
    expect(await page.getByTestId('will-create').textContent()).toContain(lambdaSgLine(shownName));
    await shoot(page, 'guided-placement-inside-ja');
  });
});
