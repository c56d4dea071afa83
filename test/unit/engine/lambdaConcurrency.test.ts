import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetAccountSettingsCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { parseDocument } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineClients } from '../../../main/engine/engineClients';
import {
  lambdaConcurrency,
  MIN_UNRESERVED_CONCURRENCY,
  UPDATER_RESERVED_CONCURRENCY,
} from '../../../main/engine/preflight';
import { REQUIRED_ACTIONS } from '../../../main/engine/requiredPermissions';
import type { PreflightCheck } from '../../../shared/flow/preflight';
import { samplePlan } from '../../support/flowFixtures';
import { ROOT } from '../../support/projectRoot';

const lambdaMock = mockClient(LambdaClient);
afterEach(() => lambdaMock.reset());

const clients = () =>
  ({ lambda: new LambdaClient({ region: 'ap-northeast-1' }) }) as unknown as EngineClients;

const settings = (limit: number, unreserved: number) => ({
  AccountLimit: { ConcurrentExecutions: limit, UnreservedConcurrentExecutions: unreserved },
});

const awsError = (name: string, status: number, message: string) =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

type Tree = { [key: string]: string | Tree };
/** The check's text as the renderer words it (`setup:preflight.<explanation>`), in `language`. */
function worded(check: PreflightCheck, language: 'ja' | 'en'): string {
  const catalogue = JSON.parse(
    readFileSync(join(ROOT, 'renderer', 'src', 'locales', language, 'setup.json'), 'utf8'),
  ) as Tree;
  const text = check.explanation
    .split('.')
    .reduce<string | Tree | undefined>(
      (node, key) => (typeof node === 'object' ? node[key] : undefined),
      catalogue.preflight,
    );
  if (typeof text !== 'string') throw new Error(`no text for ${check.explanation}`);
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const value = check.params[name];
    if (value === undefined) throw new Error(`${check.explanation}: no value for ${name}`);
    return String(value);
  });
}

describe('preflight: Lambda concurrency for the updater’s reservation', () => {
  it('passes on an account with AWS’s default limit, naming the unreserved figure', async () => {
    lambdaMock.on(GetAccountSettingsCommand).resolves(settings(1000, 1000));
    const result = await lambdaConcurrency(clients(), samplePlan);
    expect(result).toMatchObject({
      id: 'lambdaConcurrency',
      status: 'pass',
      explanation: 'lambdaConcurrency.ok',
      params: { unreserved: 1000, limit: 1000, required: 101 },
    });
    expect(worded(result, 'en')).toContain('1000 unreserved');
  });

  it('fails at a limit of 10 with the figure, the quota to raise and the value to ask for, without a link', async () => {
    lambdaMock.on(GetAccountSettingsCommand).resolves(settings(10, 10));
    const result = await lambdaConcurrency(clients(), samplePlan);
    expect(result).toMatchObject({
      status: 'fail',
      explanation: 'lambdaConcurrency.tooLow',
      params: { unreserved: 10, limit: 10, required: 101, neededLimit: 101 },
    });
    for (const language of ['ja', 'en'] as const) {
      const text = worded(result, language);
      expect(text).toContain('10');
      expect(text).toContain('Service Quotas');
      expect(text).toContain('Concurrent executions');
      expect(text).toContain('101');
      expect(text).not.toMatch(/https?:|www\./);
    }
  });

  it('needs 101 unreserved: exactly 101 passes, 100 fails (the reservation would leave 99)', async () => {
    expect(MIN_UNRESERVED_CONCURRENCY + UPDATER_RESERVED_CONCURRENCY).toBe(101);
    lambdaMock.on(GetAccountSettingsCommand).resolves(settings(1000, 101));
    expect((await lambdaConcurrency(clients(), samplePlan)).status).toBe('pass');
    lambdaMock.on(GetAccountSettingsCommand).resolves(settings(1000, 100));
    const low = await lambdaConcurrency(clients(), samplePlan);
    // Other functions reserve 900: the limit must grow by the one missing execution.
    expect(low).toMatchObject({ status: 'fail', params: { unreserved: 100, neededLimit: 1001 } });
  });

  it('warns, naming the denied action and what to check by hand, when the profile may not read the settings', async () => {
    lambdaMock
      .on(GetAccountSettingsCommand)
      .rejects(
        awsError(
          'AccessDeniedException',
          403,
          'User: arn:aws:sts::123456789012:assumed-role/Engineer/me is not authorized to perform: lambda:GetAccountSettings on resource: * because no identity-based policy allows the lambda:GetAccountSettings action',
        ),
      );
    const result = await lambdaConcurrency(clients(), samplePlan);
    expect(result).toMatchObject({
      status: 'warn',
      explanation: 'lambdaConcurrency.denied',
      params: { action: 'lambda:GetAccountSettings', required: 101 },
    });
    for (const language of ['ja', 'en'] as const) {
      const text = worded(result, language);
      expect(text).toContain('lambda:GetAccountSettings');
      expect(text).toContain('101');
      expect(text).toContain('Concurrent executions');
    }
  });

  it('warns without blaming permissions when the settings cannot be read for another reason', async () => {
    lambdaMock
      .on(GetAccountSettingsCommand)
      .rejects(awsError('ServiceException', 500, 'internal error'));
    expect(await lambdaConcurrency(clients(), samplePlan)).toMatchObject({
      status: 'warn',
      explanation: 'lambdaConcurrency.notChecked',
    });
    lambdaMock.on(GetAccountSettingsCommand).resolves({ AccountLimit: {} });
    expect(await lambdaConcurrency(clients(), samplePlan)).toMatchObject({
      status: 'warn',
      explanation: 'lambdaConcurrency.notChecked',
    });
  });

  it('is simulated with the other required permissions', () => {
    expect(REQUIRED_ACTIONS).toContain('lambda:GetAccountSettings');
  });

  it('counts what the template really reserves', () => {
    const template = parseDocument(
      readFileSync(join(ROOT, 'templates', 'smooz-privatelink.yaml'), 'utf8'),
      { logLevel: 'silent' },
    ).toJS() as { Resources: Record<string, { Properties?: Record<string, unknown> }> };
    const reserved = Object.values(template.Resources).reduce(
      (sum, r) => sum + Number(r.Properties?.ReservedConcurrentExecutions ?? 0),
      0,
    );
    expect(reserved).toBe(UPDATER_RESERVED_CONCURRENCY);
  });
});
