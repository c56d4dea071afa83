import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DescribeSecurityGroupsCommand, EC2Client } from '@aws-sdk/client-ec2';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAwsClient } from '../../../main/aws/clientFactory';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';
import type { BridgeApp } from '../../support/bridgeApp';
import { launchChromium } from '../../support/browser';
import { startAppProcess, type AppProcess } from './appProcessControl';
import {
  startApp,
  startWorld,
  type GuidedWorld,
  continueToConfirm,
  startSetup,
} from './guidedHarness';
import { shoot } from './shots';

let world: GuidedWorld;
let userDataDir: string;
let first: AppProcess;
let second: BridgeApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  world = await startWorld(inject('motoEndpoint'));
  userDataDir = await mkdtemp(join(tmpdir(), 'smooz-e2e-restart-'));
  first = await startAppProcess(world, userDataDir);
  browser = await launchChromium();
  page = await browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
  await page.goto(first.pageUrl);
});

afterAll(async () => {
  await browser?.close();
  await first?.kill();
  await second?.close();
  await world?.close();
  await rm(userDataDir, { recursive: true, force: true });
});

describe('quit during stack creation and restart', () => {
  it('is quit hard while the stack is being created', async () => {
    await startSetup(page, /customer-aurora/);
    await continueToConfirm(page, 60_000);
    await page.getByTestId('confirm-create').click();
    await page.getByTestId('stack-progress').waitFor({ timeout: 60_000 });
    await first.kill();
    await page.close();
  });

  it('reopens at the same step after the restart, without the user finding it again', async () => {
    second = await startApp(world, userDataDir);
    const [flow] = second.services.setup.list();
    expect(flow?.step).toBe('creatingStack');
    page = await browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
    await page.goto(second.server.pageUrl);
    await page.getByTestId('guided-setup').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('guided-step-title').textContent()).not.toBe('');
    const screen = await page.getByTestId('guided-setup').getAttribute('data-screen');
    expect(['progress', 'endpoint']).toContain(screen);
    await shoot(page, 'guided-restart-resumed-ja');
  });

  it('finishes to available with nothing created twice', async () => {
    await page.waitForSelector('[data-testid="endpoint-phase"][data-phase="available"]', {
      timeout: 180_000,
    });
    const config = motoAppConfig(world.motoEndpoint);
    const cfn = createAwsClient(CloudFormationClient, config, motoContext);
    const stacks = ((await cfn.send(new DescribeStacksCommand({}))).Stacks ?? []).filter(
      (s) => s.StackStatus !== 'DELETE_COMPLETE',
    );
    expect(stacks).toHaveLength(1);
    const ec2 = createAwsClient(EC2Client, config, motoContext);
    const groups = (await ec2.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups ?? [];
    // The updater runs outside the VPC (the default): no Lambda security group at all.
    expect(groups.filter((g) => g.GroupName?.startsWith('smooz-privatelink-lambda'))).toEqual([]);
    expect(await world.smooz.connections.list()).toHaveLength(1);
  });
});
