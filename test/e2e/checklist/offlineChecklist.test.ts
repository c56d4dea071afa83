import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrintToPdf } from '../../../main/checklist/fileOutput';
import { STEPS } from '../../../shared/steps/steps';
import { ROOT, startBridgeApp, type BridgeApp } from '../../support/bridgeApp';
import { findHorizontalOverflow, launchChromium, screenshot } from '../../support/browser';
import { checklistDriver } from './checklistDriver';
import { startNetworkTrap, type NetworkTrap } from './networkTrap';
import { redactText } from '../../../shared/redaction/patterns';
import { t } from '../../support/catalogue';

/** SVG text has no CSS box, so the overflow helper's width test does not apply to it. */
const htmlOverflow = async (page: Page) =>
  (await findHorizontalOverflow(page)).filter(
    (el) => !/^(text|tspan|g|rect|circle|svg)\./.test(el),
  );

/**
 * Offline mode end to end: the whole manual as a checklist in Chromium, with every AWS and SMOOZ
 * address pointed at a trap that records any request, a restart in the middle, and the exports.
 */
const VALUES = {
  rdsEndpoint: 'orders-db.c9akciq32lce.ap-northeast-1.rds.amazonaws.com',
  rdsPort: '5433',
  vpcId: 'vpc-0a1b2c3d4e5f60718',
  rdsAvailabilityZone: 'ap-northeast-1a',
  rdsSecurityGroupId: 'sg-0123456789abcdef0',
  subnetId: 'subnet-0fedcba9876543210',
  subnetCidr: '10.20.1.0/24',
  lambdaSecurityGroupId: 'sg-0aaaabbbbccccdddd',
  stackName: 'smooz-privatelink',
  smoozRoleArn: 'arn:aws:iam::210987654321:role/smooz-4321',
  availabilityZoneIds: 'apne1-az4',
  availabilityZones: 'ap-northeast-1a',
  endpointServiceName: 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0',
  connectionName: '本番 受注DB',
  customerAccountId: '1234-5678-9012',
};

let browser: Browser;
let app: BridgeApp;
let page: Page;
let trap: NetworkTrap;
let awsDir: string;
let userDataDir: string;
let saveDir: string;
const foreignRequests: string[] = [];
const printToPdf: PrintToPdf = async (html) => {
  const printer = await browser.newPage();
  try {
    await printer.setContent(html);
    return await printer.pdf({ format: 'A4', printBackground: true });
  } finally {
    await printer.close();
  }
};

async function startApp(): Promise<void> {
  app = await startBridgeApp({
    userDataDir,
    saveDir,
    printToPdf,
    awsPaths: { configFile: join(awsDir, 'config'), credentialsFile: join(awsDir, 'credentials') },
    config: { aws: { endpointUrl: trap.url }, smooz: { apiBaseUrl: trap.url } } as never,
  });
}

async function openChecklist(): Promise<void> {
  await page.goto(app.server.pageUrl);
  await page.getByRole('button', { name: t('home:modes.offline.action') }).click();
  await page.getByTestId('checklist').waitFor();
}

beforeAll(async () => {
  trap = await startNetworkTrap();
  awsDir = await mkdtemp(join(tmpdir(), 'smooz-offline-aws-'));
  userDataDir = await mkdtemp(join(tmpdir(), 'smooz-offline-state-'));
  saveDir = join(userDataDir, 'exports');
  await writeFile(join(awsDir, 'config'), '[default]\nregion = ap-northeast-1\n');
  await writeFile(join(awsDir, 'credentials'), '');
  browser = await launchChromium();
  page = await browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(app.server.url)) return route.continue();
    foreignRequests.push(url);
    return route.abort();
  });
  await startApp();
  trap.startGuard();
});

afterAll(async () => {
  trap?.stopGuard();
  await browser?.close();
  await app?.close();
  await trap?.close();
});

describe('offline checklist in Chromium, with no AWS or SMOOZ endpoint reachable', () => {
  it('says it makes no AWS or SMOOZ call, and walks 3-1 with validation as typed', async () => {
    await openChecklist();
    const c = checklistDriver(page);
    expect(await page.getByTestId('offline-banner').textContent()).toContain(
      t('checklist:offline.body'),
    );
    await c.showsStep('prep.database');
    expect(await page.getByTestId('step-ref').first().textContent()).toBe(
      t('support:stepRef', { ref: '3-1' }),
    );

    await c.choose('rdsType', 'cluster');
    await c.fill('rdsEndpoint', VALUES.rdsEndpoint);
    expect(await page.getByTestId('error-rdsEndpoint').textContent()).toContain(
      t('checklist:values.rdsType.choices.cluster'),
    );
    await c.choose('rdsType', 'instance');
    await expect.poll(() => page.getByTestId('error-rdsEndpoint').count()).toBe(0);
    await c.fill('rdsPort', '70000');
    expect(await page.getByTestId('error-rdsPort').textContent()).toContain('1〜65535');
    await c.fill('rdsPort', VALUES.rdsPort);
    await c.fill('vpcId', 'vpc-12');
    expect(await page.getByTestId('error-vpcId').textContent()).toContain('vpc-');
    await c.fill('vpcId', VALUES.vpcId);
    await c.fill('rdsAvailabilityZone', VALUES.rdsAvailabilityZone);
    await c.fill('rdsSecurityGroupId', VALUES.rdsSecurityGroupId);
    // Outside the VPC (nothing chosen yet) step 3-1's security group, its rule and ⑦ are not in
    // the list (the NLB's /32s come after the stack in both placements).
    expect(await page.getByTestId('choice-updaterPlacement-outsideVpc').isChecked()).toBe(true);
    expect(await page.getByTestId('nav-sg.createLambdaSg').count()).toBe(0);
    expect(await page.getByTestId('nav-stack.param7').count()).toBe(0);
    expect(await page.getByTestId('checklist-progress').textContent()).toBe(
      t('checklist:progress', { total: STEPS.length - 3, done: 0 }),
    );
    // This customer's organisation requires Lambda functions in a VPC.
    await c.choose('updaterPlacement', 'insideVpc');
    await page.getByTestId('nav-sg.createLambdaSg').waitFor();
    expect(await page.getByTestId('nav-stack.param7').count()).toBe(1);
    expect(await page.getByTestId('complete-step').isEnabled()).toBe(true);
    await screenshot(page, 'checklist-3-1-database-ja');
    expect(await htmlOverflow(page)).toEqual([]);
    await c.complete('prep.database');

    await c.showsStep('prep.subnet');
    await c.fill('subnetId', VALUES.subnetId);
    await c.fill('subnetCidr', '0.0.0.0/0');
    expect(await page.getByTestId('error-subnetCidr').textContent()).toContain(
      t('validation:cidr.tooBroad', { prefix: 0 }),
    );
    await c.fill('subnetCidr', VALUES.subnetCidr);
    expect(await page.getByTestId('complete-step').isEnabled()).toBe(false);
    await c.confirm('sameAz', 'natRoute');
    await c.complete('prep.subnet');

    await c.showsStep('sg.createLambdaSg');
    expect(await page.getByTestId('use-vpcId').textContent()).toContain(VALUES.vpcId);
    await c.fill('lambdaSecurityGroupId', VALUES.lambdaSecurityGroupId);
    await c.confirm('noInbound', 'defaultOutbound');
    await c.complete('sg.createLambdaSg');

    await c.showsStep('sg.addRdsRules');
    const rules = await page.getByTestId('step-sg.addRdsRules').textContent();
    for (const v of [VALUES.rdsSecurityGroupId, VALUES.lambdaSecurityGroupId, VALUES.rdsPort]) {
      expect(rules).toContain(v);
    }
    expect(rules).not.toContain(VALUES.subnetCidr);
    expect(await page.getByTestId('picture-editInboundRules').textContent()).toContain(
      VALUES.rdsPort,
    );
    await screenshot(page, 'checklist-3-1-rds-rules-ja');
    await c.confirm('ruleFromLambdaSg', 'outboundUnchanged');
    await c.complete('sg.addRdsRules');

    await c.showsStep('stack.start');
    await c.choose('dbAuthMethod', 'password');
    await c.fill('stackName', VALUES.stackName);
    await c.confirm('adminRights');
    expect(await page.getByTestId('quick-create-unavailable').textContent()).toContain('S3');
    await page.getByTestId('save-template').click();
    await page.getByTestId('template-saved').waitFor();
    await c.complete('stack.start');

    await c.showsStep('stack.param1');
    // The automated flow's derivation (shared/naming), keyed on the checklist's own id.
    expect(await page.getByTestId('input-lambdaFunctionName').inputValue()).toMatch(
      /^smooz-privatelink-updater-[0-9a-f]{8}$/,
    );
    await c.confirm('entered');
    await c.complete('stack.param1');
    for (const n of [2, 3, 4] as const) {
      await c.confirm('entered');
      await c.complete(`stack.param${n}`);
    }
  });

  it('keeps values and check-offs across a restart and continues where it stopped', async () => {
    await app.close();
    await startApp();
    await openChecklist();
    const c = checklistDriver(page);
    await c.showsStep('stack.param5');
    expect(await page.getByTestId('checklist-progress').textContent()).toBe(
      t('checklist:progress', { total: STEPS.length, done: 9 }),
    );
    const table = await page.getByTestId('parameter-table').textContent();
    expect(table).toContain(VALUES.rdsEndpoint);
    expect(table).toContain(VALUES.subnetId);
    await screenshot(page, 'checklist-3-2-parameter-5-after-restart-ja');

    for (const n of [5, 6, 7] as const) {
      await c.confirm('entered');
      await c.complete(`stack.param${n}`);
    }
    await c.showsStep('stack.param8');
    await c.fill('smoozRoleArn', '210987654321');
    expect(await page.getByTestId('error-smoozRoleArn').textContent()).toContain(
      t('validation:roleArn.pattern'),
    );
    await c.fill('smoozRoleArn', VALUES.smoozRoleArn);
    await expect.poll(() => page.getByTestId('error-smoozRoleArn').count()).toBe(0);
    await c.confirm('entered');
    await c.complete('stack.param8');

    await c.confirm('entered');
    await c.complete('stack.additional');
    await c.confirm('noPermissionsRole', 'capabilitiesTicked', 'createClicked');
    await c.complete('stack.acknowledge');

    await c.showsStep('stack.outputs');
    await c.fill('availabilityZoneIds', 'ap-northeast-1a');
    expect(await page.getByTestId('error-availabilityZoneIds').textContent()).toContain(
      t('validation:availabilityZoneId.isName', { name: 'ap-northeast-1a' }),
    );
    await c.fill('availabilityZoneIds', VALUES.availabilityZoneIds);
    await c.fill('availabilityZones', VALUES.availabilityZones);
    await c.fill('endpointServiceName', VALUES.endpointServiceName);
    await c.confirm('createComplete');
    await c.complete('stack.outputs');

    // The NLB's own addresses, /32 each, once the stack has made it.
    await c.showsStep('stack.nlbRules');
    const nlbRules = await page.getByTestId('step-stack.nlbRules').textContent();
    for (const v of [VALUES.rdsSecurityGroupId, VALUES.rdsPort, VALUES.subnetCidr]) {
      expect(nlbRules).toContain(v);
    }
    expect(nlbRules).toContain(t('checklist:steps.stack.nlbRules.confirm.noSubnetRule'));
    await screenshot(page, 'checklist-3-2-nlb-rules-ja');
    expect(await htmlOverflow(page)).toEqual([]);
    await c.confirm('foundInterfaces', 'rulePerAddress', 'noSubnetRule');
    await c.complete('stack.nlbRules');

    await c.showsStep('endpoint.form');
    await c.fill('connectionName', VALUES.connectionName);
    await c.fill('customerAccountId', VALUES.customerAccountId);
    const form = await page.getByTestId('step-endpoint.form').textContent();
    expect(form).toContain(VALUES.availabilityZoneIds);
    expect(form).toContain(VALUES.endpointServiceName);
    await screenshot(page, 'checklist-4-endpoint-form-ja');
    await c.confirm('created');
    await c.complete('endpoint.form');

    // The service requires acceptance: the user accepts SMOOZ's request themselves.
    await c.showsStep('endpoint.accept');
    const accept = await page.getByTestId('step-endpoint.accept').textContent();
    expect(accept).toContain(VALUES.endpointServiceName);
    expect(await page.getByTestId('picture-endpointConnections').textContent()).toContain(
      t('checklist:pictures.endpointConnections.acceptButton'),
    );
    await screenshot(page, 'checklist-4-accept-ja');
    expect(await htmlOverflow(page)).toEqual([]);
    await c.confirm('ownerIsSmooz', 'accepted', 'othersRejected');
    await c.complete('endpoint.accept');
    await c.confirm('available');
    await c.complete('endpoint.available');

    await page.getByTestId('checklist-complete').waitFor();
    expect(await page.getByTestId('checklist-progress').textContent()).toBe(
      `${STEPS.length} 手順中 ${STEPS.length} 完了`,
    );
    await screenshot(page, 'checklist-complete-ja');
  });

  it('saves the bundled template unchanged', async () => {
    const saved = await readFile(join(saveDir, 'smooz-privatelink.yaml'));
    expect(saved.equals(await readFile(join(ROOT, 'templates', 'smooz-privatelink.yaml')))).toBe(
      true,
    );
  });

  it('exports the finished checklist as Markdown and as a real PDF, masked', async () => {
    await page.getByTestId('export-markdown').click();
    await page.getByTestId('export-saved').waitFor();
    await page.getByTestId('export-pdf').click();
    await expect
      .poll(() => page.getByTestId('export-saved').textContent(), { timeout: 30_000 })
      .toContain('.pdf');
    const files = await readdir(saveDir);
    const markdown = await readFile(
      join(saveDir, files.find((f) => f.endsWith('.md')) ?? ''),
      'utf8',
    );
    expect(markdown).toContain(`# ${t('checklist:document.title')}`);
    expect(markdown).toContain(t('checklist:stepRef', { ref: '3-2 ⑥' }));
    // The check-off's own words, with the address masked as every exported text is.
    expect(markdown).toContain(
      `- [x] ${redactText(t('checklist:steps.prep.subnet.confirm.natRoute'))}`,
    );
    expect(markdown).toContain(VALUES.subnetId);
    expect(markdown).toContain('••••••••9012');
    expect(markdown).toContain('••••••••4321');
    for (const secret of [
      '123456789012',
      '1234-5678-9012',
      '210987654321',
      VALUES.smoozRoleArn,
      VALUES.rdsEndpoint,
      VALUES.endpointServiceName,
      '10.20.1.0/24',
    ]) {
      expect(markdown).not.toContain(secret);
    }

    const pdfPath = join(saveDir, files.find((f) => f.endsWith('.pdf')) ?? '');
    const pdf = await readFile(pdfPath);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain(t('checklist:document.title'));
    expect(text).toContain(t('checklist:stepRef', { ref: '3-2' }));
    expect(text).toContain(VALUES.vpcId);
    expect(text).not.toContain('123456789012');
    expect(text).not.toContain(VALUES.rdsEndpoint);
  });

  it('sent no request to AWS, SMOOZ or anywhere else', () => {
    expect(foreignRequests).toEqual([]);
    expect(trap.requests).toEqual([]);
    const bridgePorts = new Set([new URL(app.server.url).port]);
    expect(
      trap.connections.filter((c) => ![...bridgePorts].some((p) => c.endsWith(`:${p}`))),
    ).toEqual([]);
  });
});
