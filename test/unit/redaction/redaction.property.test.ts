import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderHtml, renderMarkdown } from '../../../main/checklist/documentRender';
import { buildDiagnosticReport, renderReportHtml } from '../../../main/report/diagnosticReport';
import { redactDeep } from '../../../shared/redaction/deep';
import { displayValue, maskValue } from '../../../shared/redaction/kinds';
import { maskTail } from '../../../shared/redaction/mask';
import { redactText } from '../../../shared/redaction/patterns';
import { isReadableUnder } from '../../../shared/redaction/secretFields';
import { deriveConnectionNames } from '../../../shared/naming/connectionNames';
import { buildChecklistDocument, type Translate } from '../../../shared/steps/document';
import { INITIAL_CHECKLIST_STATE } from '../../../shared/steps/checklistState';
import {
  accountDigits,
  context,
  leaks,
  secret,
  secretFieldName,
  textOf,
  type Secret,
} from './secrets';
import { createStoreJournal } from '../../../main/base/diagnosticsJournal';
import { registerFlowDiagnostics } from '../../../main/report/flowDiagnostics';
import { samplePlan } from '../../support/flowFixtures';
import { fakeEngine } from '../report/fakeEngine';
import { servicesOnDisk } from '../../support/servicesOnDisk';

const t: Translate = (key, params) => `${key}${params ? ` ${JSON.stringify(params)}` : ''}`;
const embed = (s: Secret, [before, after]: readonly string[]) => `${before} ${textOf(s)} ${after}`;

describe('masking', () => {
  it('keeps exactly the last four characters', () => {
    expect(maskTail('123456789012')).toBe('••••••••9012');
    expect(maskTail('abc')).toBe('••••');
    expect(maskValue('accountId', '1234-5678-9012')).toBe('••••••••9012');
  });
});

describe('redaction, property-based: no generated secret survives any formatter', () => {
  it('on-screen formatter (support mode on) masks every kind', () => {
    fc.assert(
      fc.property(secret, (s) => {
        const shown = displayValue(s.kind, s.value, true);
        expect(leaks(shown, s), shown).toBe(false);
        const kept = (s.kind === 'accountId' ? accountDigits(s.value) : s.value).slice(-4);
        expect(s.value.length <= 4 || shown.endsWith(kept), shown).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('free-text redaction finds each secret inside prose', () => {
    fc.assert(
      fc.property(secret, context, (s, around) => {
        const out = redactText(embed(s, around));
        expect(leaks(out, s), out).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it('free-text redaction finds several secrets in one line', () => {
    fc.assert(
      fc.property(fc.array(secret, { minLength: 2, maxLength: 6 }), (secrets) => {
        const out = redactText(secrets.map(textOf).join(' , '));
        for (const s of secrets) expect(leaks(out, s), out).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('structured redaction (exports) masks nested strings and secret-named fields', () => {
    fc.assert(
      fc.property(secret, secret, context, (a, b, around) => {
        const out = JSON.stringify(
          redactDeep({
            step: { message: embed(a, around), list: [b.value] },
            smoozToken: 'plain-but-secret-token',
          }),
        );
        expect(leaks(out, a), out).toBe(false);
        expect(leaks(out, b), out).toBe(false);
        expect(out).not.toContain('plain-but-secret-token');
      }),
      { numRuns: 2000 },
    );
  });

  it('structured redaction masks whatever sits under a secret-named key, whatever its type or length', () => {
    fc.assert(
      fc.property(
        secretFieldName,
        fc.oneof(
          fc.string({ minLength: 1, maxLength: 12 }),
          fc.integer({ min: 1000, max: 999999 }),
        ),
        (name, value) => {
          // An error code under `code` stays readable by design; the test below pins that.
          fc.pre(!isReadableUnder(name, String(value)));
          const out = redactDeep({ nested: { [name]: value, list: [{ [name]: value }] } }) as {
            nested: Record<string, unknown> & { list: Record<string, unknown>[] };
          };
          for (const leaf of [out.nested[name], out.nested.list[0]?.[name]]) {
            expect(leaf).not.toBe(value);
            expect(leaf).toBe('••••••••');
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('checklist exports (Markdown and the PDF page) mask typed values and anything in free text', () => {
    fc.assert(
      fc.property(secret, secret, secret, (a, b, c) => {
        const state = {
          ...INITIAL_CHECKLIST_STATE,
          values: {
            customerAccountId: a.value,
            rdsEndpoint: b.value,
            connectionName: c.value,
            subnetCidr: a.value,
          },
        };
        const doc = buildChecklistDocument(state, t, 'ja', { SmoozRoleArn: b.value });
        for (const out of [renderMarkdown(doc), renderHtml(doc)]) {
          for (const s of [a, b, c]) expect(leaks(out, s), out).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
    // Hundreds of full renders: slow on a loaded CI machine, and the default 5 s is not the point.
  }, 60_000);

  it('the diagnostic report (HTML with its JSON) masks secrets from every section', async () => {
    const { services, storeBacking } = await servicesOnDisk();
    // The flow sections (and so the summary tables) carry the secrets too, as a live flow would.
    const { engine, emit } = fakeEngine();
    registerFlowDiagnostics(services.diagnostics, engine, createStoreJournal(storeBacking));
    await fc.assert(
      fc.asyncProperty(fc.array(secret, { minLength: 3, maxLength: 3 }), async (secrets) => {
        const [a, b, c] = secrets as [Secret, Secret, Secret];
        const connectionId = samplePlan.connectionId;
        emit({
          type: 'stateChanged',
          state: {
            step: 'ready',
            plan: samplePlan,
            created: [],
            preflight: {
              checkedAt: '2026-01-01T00:00:00.000Z',
              checks: [
                { id: 'nameClash', status: 'fail', explanation: 'x', params: { names: b.value } },
              ],
            },
          },
        });
        emit({
          type: 'stackEvents',
          connectionId,
          events: [
            {
              eventId: a.value,
              timestamp: '2026-01-01T00:00:00.000Z',
              logicalResourceId: 'Updater',
              resourceType: 'AWS::Lambda::Function',
              status: 'CREATE_FAILED',
              reason: `failed for ${a.value}`,
            },
          ],
          done: 0,
          total: 1,
        });
        emit({
          type: 'stateChanged',
          state: {
            step: 'failed',
            plan: samplePlan,
            created: [],
            resumeStep: 'creatingStack',
            error: { code: 'setup.stackFailed', params: { resource: c.value } },
            stackFailure: {
              stackStatus: 'ROLLBACK_COMPLETE',
              logicalResourceId: 'Updater',
              resourceType: 'AWS::Lambda::Function',
              reason: `role ${b.value} is invalid`,
            },
          },
        });
        services.checklistStore.update((s) => ({
          ...s,
          values: { customerAccountId: a.value, endpointServiceName: b.value, externalId: c.value },
        }));
        services.logger.error('aws.failed', { message: `no route to ${c.value}`, token: a.value });
        const html = renderReportHtml(await buildDiagnosticReport(services));
        for (const s of secrets) expect(leaks(html, s), s.value).toBe(false);
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});

const named = {
  connectionId: 'c-0001',
  connectionName: '本番 受注DB 2',
  prefix: 'smooz-privatelink',
};

describe('what redaction leaves readable', () => {
  it('keeps error codes under a code key, file paths under a credentials key, and the prose around a full-width account id as typed', () => {
    expect(
      redactDeep({ code: 'aws.accessDenied', error: { code: 'AccessDenied', status: 403 } }),
    ).toEqual({ code: 'aws.accessDenied', error: { code: 'AccessDenied', status: 403 } });
    // Where a secret lives is not the secret: the report keeps the credentials file's path.
    expect(
      redactDeep({ credentialsFile: { path: '/home/u/.aws/credentials', exists: true } }),
    ).toEqual({ credentialsFile: { path: '/home/u/.aws/credentials', exists: true } });
    expect(redactText('アカウント（１２３４５６７８９０１２）：未接続')).toBe(
      'アカウント（••••••••9012）：未接続',
    );
  });

  it('keeps resource ids, regions, step names and public AWS hosts', () => {
    const line =
      'smooz-privatelink-target-updater vpc-0a1b2c3d4e5f60718 subnet-0fedcba9876543210 sg-0123456789abcdef0 ap-northeast-1 CREATE_COMPLETE https://docs.aws.amazon.com/x';
    expect(redactText(line)).toBe(line);
  });

  it('keeps every name the app derives readable, in any text (one rule on every screen)', () => {
    const names = [
      'smooz-privatelink-prod-db-1a2b3c4d',
      'smooz-privatelink-lambda-9f8e7d6c',
      'Acme-pl-updater-orders-db-0badcafe',
      '/aws/lambda/smooz-privatelink-updater-prod-db-1a2b3c4d-setup',
    ];
    for (const name of [...names, ...Object.values(deriveConnectionNames(named))]) {
      expect(displayValue('text', name, true)).toBe(name);
      expect(redactText(`Stack ${name} already exists`)).toBe(`Stack ${name} already exists`);
    }
  });

  it('masks subnet CIDRs wherever they appear (a teardown line names a rule source)', () => {
    expect(displayValue('text', 'sg-0123456789abcdef0:443 ← 10.20.1.0/24', true)).toBe(
      'sg-0123456789abcdef0:443 ← ••••••••0/24',
    );
  });
});
