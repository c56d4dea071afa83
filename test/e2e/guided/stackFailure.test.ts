import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAwsClient } from '../../../main/aws/clientFactory';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';
import type { BridgeApp } from '../../support/bridgeApp';
import { setVpcDns } from '../../integration/template/customerVpc';
import {
  waitForScreen,
  type GuidedWorld,
  openGuided,
  continueToConfirm,
  startSetup,
} from './guidedHarness';
import { message } from './messages';
import { shoot } from './shots';

let world: GuidedWorld;
let app: BridgeApp;
let page: Page;
let close: (() => Promise<void>) | undefined;
let databaseHost = '';

beforeAll(async () => {
  ({ world, app, page, close } = await openGuided(inject('motoEndpoint')));
});

afterAll(async () => {
  if (databaseHost !== '') await setVpcDns(world.motoEndpoint, databaseHost, null);
  await close?.();
});

describe('a stack that fails: the failing resource, AWS reason and the next action', () => {
  it('fails the stack when the database name does not resolve inside the VPC', async () => {
    await startSetup(page, /customer-postgres/);
    await continueToConfirm(page, 120_000);
    const [flow] = app.services.setup.list();
    databaseHost = flow?.plan.database.endpoint ?? '';
    expect(databaseHost).not.toBe('');
    // The VPC's resolver answers nothing for the database: the first registration fails.
    await setVpcDns(world.motoEndpoint, databaseHost, []);
    await page.getByTestId('confirm-create').click();
    await waitForScreen(page, 'attention', 180_000);
  });

  it('names the failing resource, gives AWS reason in plain words and says what to do next', async () => {
    await page.getByTestId('attention-failed').waitFor();
    const failure = page.getByTestId('stack-failure');
    expect(await failure.textContent()).toContain('TargetRegistration');
    expect(await failure.textContent()).toContain(`DNS lookup of ${databaseHost} failed`);
    // …and what it means, in the user's language.
    expect(await page.getByTestId('stack-failure-explained').textContent()).toBe(
      message('ja', 'guided', 'attention.explained.dnsLookup', { host: databaseHost }),
    );
    const attention = await page.getByTestId('attention-failed').textContent();
    expect(await page.getByTestId('attention-failed').getByRole('alert').textContent()).toBe(
      message('ja', 'guided', 'attention.stackFailed', { status: 'ROLLBACK_COMPLETE' }),
    );
    // The next action names the button to press by the label the button really has.
    const retry = message('ja', 'guided', 'actions.deleteAndRetry');
    expect(attention).toContain(message('ja', 'guided', 'attention.stackNext', { action: retry }));
    expect(attention).toContain(`「${retry}」`);
    expect(await page.locator('[data-testid^="checklist-"][data-state="attention"]').count()).toBe(
      1,
    );
    // The next actions the text names: retry (after deleting the stack), stop, or leave for later.
    for (const action of ['deleteAndRetry', 'cancel', 'home']) {
      const button = page.getByRole('button', {
        name: message('ja', 'guided', `actions.${action}`),
      });
      expect(await button.first().isEnabled()).toBe(true);
    }
    await shoot(page, 'guided-stack-failed-ja');
  });

  it('after the cause is fixed, "delete and retry" replaces the stack and follows the endpoint to available', async () => {
    const [flow] = app.services.setup.list();
    const stackOf = (f: typeof flow) => f?.created.find((r) => r.kind === 'stack');
    const failedStack = stackOf(flow);
    expect(failedStack?.kind === 'stack' && failedStack.stackId).toMatch(/^arn:/);
    await setVpcDns(world.motoEndpoint, databaseHost, null);
    await page
      .getByRole('button', { name: message('ja', 'guided', 'actions.deleteAndRetry') })
      .click();
    await page.waitForSelector('[data-testid="endpoint-phase"][data-phase="available"]', {
      timeout: 180_000,
    });
    const flows = app.services.setup.list();
    expect(flows.map((f) => f.step)).toEqual(['complete']);
    expect(await world.smooz.connections.list()).toHaveLength(1);
    // The stack that completed is a new one: the rolled-back stack was deleted first.
    const cfn = createAwsClient(
      CloudFormationClient,
      motoAppConfig(world.motoEndpoint),
      motoContext,
    );
    const stackName = flows[0]?.plan.stackName ?? '';
    const [stack] =
      (await cfn.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks ?? [];
    expect(stack?.StackStatus).toBe('CREATE_COMPLETE');
    expect(stack?.StackId).not.toBe(failedStack?.kind === 'stack' && failedStack.stackId);
  });
});
