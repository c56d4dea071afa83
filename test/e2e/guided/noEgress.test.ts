import { DeleteRouteCommand, DescribeVpcEndpointsCommand, EC2Client } from '@aws-sdk/client-ec2';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAwsClient } from '../../../main/aws/clientFactory';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';
import {
  waitForAccount,
  waitForScreen,
  type GuidedWorld,
  openGuided,
  continueToConfirm,
} from './guidedHarness';

import { message } from './messages';
import { shoot } from './shots';

let world: GuidedWorld;
let page: Page;
let close: (() => Promise<void>) | undefined;
let ec2: EC2Client;

beforeAll(async () => {
  ({ world, page, close } = await openGuided(inject('motoEndpoint'), {
    locale: 'en-US',
    prepare: async (w) => {
      ec2 = createAwsClient(EC2Client, motoAppConfig(w.motoEndpoint), motoContext);
      // A customer without a NAT gateway route: the private subnets have no way to AWS's APIs.
      await ec2.send(
        new DeleteRouteCommand({
          RouteTableId: w.seeded.routeTables.nat,
          DestinationCidrBlock: '0.0.0.0/0',
        }),
      );
    },
  }));
  await page.getByRole('button', { name: 'English' }).click();
});

afterAll(() => close?.());

describe('a subnet without egress: preflight fails, the offered fix is applied from the UI', () => {
  it('fails the egress check and offers interface endpoints with their cost next to NAT', async () => {
    await page.getByRole('button', { name: 'Start automated setup' }).click();
    await waitForScreen(page, 'target');
    await waitForAccount(page);
    await page.getByRole('button', { name: 'Next' }).click();
    await waitForScreen(page, 'database');
    await page.getByLabel(/customer-postgres/).click();
    await shoot(page, 'guided-database-en');
    await page.getByRole('button', { name: 'Run the preflight checks' }).click();
    // Outside the VPC (recommended for this private database) no route is needed; the customer's
    // organisation wants the Lambda in the VPC, so the user switches on the confirmation.
    await continueToConfirm(page, 120_000, { lang: 'en' });
    await page.getByLabel(message('en', 'guided', 'confirm.placement.choices.insideVpc')).check();
    await page
      .getByRole('button', { name: message('en', 'guided', 'actions.applyChanges') })
      .click();
    const egress = page.getByTestId('check-lambdaEgress');
    await page.waitForSelector('[data-testid="check-lambdaEgress"][data-status="fail"]', {
      timeout: 60_000,
    });
    expect(await egress.textContent()).toContain('(for comparison) NAT gateway');
    expect(await page.getByTestId('checklist-prep.subnet').getAttribute('data-state')).toBe(
      'attention',
    );
    expect(await screenOfPage(page)).toBe('preflight');
    await shoot(page, 'guided-preflight-fail-en');
  });

  it('applies the fix with one click, passes the checks and goes on to the confirmation', async () => {
    await page.getByRole('button', { name: 'Create the endpoints and re-check' }).click();
    await continueToConfirm(page, 120_000, { lang: 'en' });
    const endpoints = await ec2.send(
      new DescribeVpcEndpointsCommand({
        Filters: [{ Name: 'vpc-id', Values: [world.seeded.vpcId] }],
      }),
    );
    const interfaces = (endpoints.VpcEndpoints ?? []).filter(
      (e) => e.VpcEndpointType === 'Interface',
    );
    expect(interfaces.map((e) => e.ServiceName)).toContain(
      'com.amazonaws.ap-northeast-1.elasticloadbalancing',
    );
    expect(interfaces.every((e) => e.PrivateDnsEnabled)).toBe(true);
    expect(await page.getByTestId('monthly-cost').textContent()).toMatch(/\$\d+\.\d\d/);
    // The endpoints exist now: the confirmation says so instead of "nothing is created yet".
    expect(await page.getByTestId('step-what').textContent()).toBe(
      message('en', 'guided', 'screens.confirm.whatExisting'),
    );
    const existing = (await page.getByTestId('already-created').textContent()) ?? '';
    for (const endpoint of interfaces) expect(existing).toContain(endpoint.VpcEndpointId);
    await shoot(page, 'guided-confirm-after-fix-en');
  });

  it('then completes the flow to available', async () => {
    await page.getByTestId('confirm-create').click();
    await page.waitForSelector('[data-testid="endpoint-phase"][data-phase="available"]', {
      timeout: 180_000,
    });
    expect(await page.getByTestId('verify-smooz').textContent()).toBe('available');
    await shoot(page, 'guided-available-en');
  });
});

const screenOfPage = (p: Page) => p.getByTestId('guided-setup').getAttribute('data-screen');
