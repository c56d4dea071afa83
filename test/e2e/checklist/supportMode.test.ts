import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STEPS } from '../../../shared/steps/steps';
import { startBridgeApp, type BridgeApp } from '../../support/bridgeApp';
import { launchChromium, screenshot } from '../../support/browser';
import { t } from '../../support/catalogue';

/**
 * Support mode on a shared screen: with the switch on, no account id, endpoint, IP, ARN or token
 * may appear anywhere a viewer could see or copy it — text, tooltips, labels, input values, the
 * pictures, the clipboard — on any step; and the exported report is redacted.
 */
const SECRETS = {
  customerAccountId: '1234-5678-9012',
  smoozRoleArn: 'arn:aws:iam::210987654321:role/smooz-privatelink',
  rdsEndpoint: 'orders-db.c9akciq32lce.ap-northeast-1.rds.amazonaws.com',
  endpointServiceName: 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0',
  subnetCidr: '10.20.1.0/24',
  externalId: 'ext-id-7f3a9c2e51',
};
const FORBIDDEN = [
  ...Object.values(SECRETS),
  '123456789012',
  '10.20.1.0',
  'arn:aws:iam::123456789012:role/smooz-connect',
];
const PATTERNS = [/\d{12}/, /\d{4}-\d{4}-\d{4}/, /arn:aws/];

let browser: Browser;
let context: BrowserContext;
let app: BridgeApp;
let page: Page;

/** Everything on the page a viewer can see, hover or read out, in one string. */
function visibleSurface(p: Page): Promise<string> {
  return p.evaluate(() => {
    const parts: string[] = [document.body.innerText, document.body.textContent ?? ''];
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) {
        if (attr === 'class' || attr === 'style' || attr === 'd') continue;
        parts.push(el.getAttribute(attr) ?? '');
      }
      if (el instanceof HTMLInputElement && el.type !== 'password') parts.push(el.value);
    }
    return parts.join('\n');
  });
}

function findLeaks(surface: string): string[] {
  return [
    ...FORBIDDEN.filter((s) => surface.includes(s)),
    ...PATTERNS.flatMap((p) => (p.test(surface) ? [String(p)] : [])),
  ];
}

beforeAll(async () => {
  const awsDir = await mkdtemp(join(tmpdir(), 'smooz-support-aws-'));
  await writeFile(join(awsDir, 'config'), '[default]\nregion = ap-northeast-1\n');
  await writeFile(join(awsDir, 'credentials'), '');
  app = await startBridgeApp({
    awsPaths: { configFile: join(awsDir, 'config'), credentialsFile: join(awsDir, 'credentials') },
    // With a hosted template the quick-create link, full of the typed values, is on screen too.
    config: { templateUrl: 'https://smooz-templates.s3.amazonaws.com/smooz-privatelink.yaml' },
  });
  app.services.checklistStore.update((state) => ({
    ...state,
    values: {
      ...state.values,
      ...SECRETS,
      rdsType: 'instance',
      rdsPort: '5432',
      vpcId: 'vpc-0a1b2c3d4e5f60718',
      subnetId: 'subnet-0fedcba9876543210',
      lambdaSecurityGroupId: 'sg-0aaaabbbbccccdddd',
      // Inside the VPC every step of the manual is in the list, ⑦ included.
      updaterPlacement: 'insideVpc',
      dbAuthMethod: 'iam',
      availabilityZoneIds: 'apne1-az4',
      connectionName: '本番 受注DB',
      stackName: 'smooz-privatelink',
    },
  }));
  app.services.diagnostics.register('stackEvents', () => [
    {
      status: 'CREATE_FAILED',
      reason: 'Role arn:aws:iam::123456789012:role/smooz-connect is invalid',
    },
  ]);
  app.services.logger.error('smooz.createFailed', {
    endpoint: SECRETS.rdsEndpoint,
    token: 'smz_live_4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c',
  });
  browser = await launchChromium();
  context = await browser.newContext({
    locale: 'ja-JP',
    viewport: { width: 1280, height: 900 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  page = await context.newPage();
  await page.goto(app.server.pageUrl);
  await page.getByRole('button', { name: t('home:modes.offline.action') }).click();
  await page.getByTestId('checklist').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('support mode in Chromium', () => {
  it('shows the typed values while support mode is off (so the scan below can fail)', async () => {
    await page.getByTestId('nav-endpoint.form').click();
    await page.getByTestId('step-endpoint.form').waitFor();
    expect(findLeaks(await visibleSurface(page))).toContain(SECRETS.endpointServiceName);
  });

  it('masks every value on every step: text, attributes, inputs and pictures', async () => {
    await page.getByTestId('support-mode-switch').check();
    await expect.poll(() => page.getAttribute('html', 'data-support-mode')).toBe('on');
    await page.getByTestId('nav-stack.start').click();
    await page.getByTestId('quick-create-link').waitFor();
    for (const step of STEPS) {
      await page.getByTestId(`nav-${step.id}`).click();
      await page.getByTestId(`step-${step.id}`).waitFor();
      const leaks = findLeaks(await visibleSurface(page));
      expect(leaks, step.id).toEqual([]);
    }
    await page.getByTestId('nav-endpoint.form').click();
    expect(await page.getByTestId('step-endpoint.form').textContent()).toContain('••••••••9012');
    await screenshot(page, 'support-mode-endpoint-form-ja');
  });

  it('shows the manual step reference large enough to read on a shared screen', async () => {
    await page.getByTestId('nav-stack.param6').click();
    await page.getByTestId('step-stack.param6').waitFor();
    const ref = page.getByTestId('step-ref').first();
    expect(await ref.textContent()).toBe(t('support:stepRef', { ref: '3-2 ⑥' }));
    const size = await ref.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(24);
    await screenshot(page, 'support-mode-parameter-6-ja');
  });

  it('copies only masked text, from copy buttons and from a selection', async () => {
    await page.getByTestId('nav-endpoint.form').click();
    await page.getByTestId('step-endpoint.form').waitFor();
    await page.getByTestId('use-endpointServiceName').getByRole('button').click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.endsWith('cdef0'.slice(-4))).toBe(true);
    expect(findLeaks(copied)).toEqual([]);

    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      const step = document.querySelector('[data-testid="step-endpoint.form"]');
      if (step) document.getSelection()?.selectAllChildren(step);
    });
    await page.keyboard.press('Control+C');
    const selection = await page.evaluate(() => navigator.clipboard.readText());
    expect(selection.length).toBeGreaterThan(100);
    expect(findLeaks(selection)).toEqual([]);
  });

  it('exports a diagnostic report support can read, with nothing unmasked', async () => {
    await page.getByTestId('export-report').click();
    await page.getByTestId('report-saved').waitFor();
    const [file] = (await readdir(app.saveDir)).filter((f) => f.endsWith('.html'));
    const html = await readFile(join(app.saveDir, file ?? ''), 'utf8');
    expect(findLeaks(html)).toEqual([]);
    expect(html).not.toContain('smz_live_4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c');
    const json =
      /<script type="application\/json" id="smooz-diagnostic-report">(.*)<\/script>/s.exec(
        html,
      )?.[1];
    const report = JSON.parse(json ?? 'null') as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining([
        'app',
        'os',
        'preferences',
        'checklist',
        'connections',
        'stackEvents',
        'lastErrors',
      ]),
    );
    expect(JSON.stringify(report.lastErrors)).toContain('smooz.createFailed');
    expect(JSON.stringify(report.checklist)).toContain('vpc-0a1b2c3d4e5f60718');
  });
});
