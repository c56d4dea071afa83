import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetAccountSettingsCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { parseDocument } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineClients } from '../../../main/engine/engineClients';
import { lambdaConcurrency } from '../../../main/engine/preflight';
import { REQUIRED_ACTIONS } from '../../../main/engine/requiredPermissions';
import { samplePlan } from '../../support/flowFixtures';
import { ROOT } from '../../support/projectRoot';
import { worded } from '../../support/preflightWords';

const lambdaMock = mockClient(LambdaClient);
afterEach(() => lambdaMock.reset());

const clients = () =>
  ({ lambda: new LambdaClient({ region: 'ap-northeast-1' }) }) as unknown as EngineClients;

const settings = (limit: number, unreserved: number) => ({
  AccountLimit: { ConcurrentExecutions: limit, UnreservedConcurrentExecutions: unreserved },
});

const awsError = (name: string, status: number, message: string) =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

describe('preflight: Lambda concurrency, information only', () => {
  it('passes on an account with AWS’s default limit, naming the shared figures', async () => {
    lambdaMock.on(GetAccountSettingsCommand).resolves(settings(1000, 1000));
    const result = await lambdaConcurrency(clients(), samplePlan);
    expect(result).toMatchObject({
      id: 'lambdaConcurrency',
      status: 'pass',
      explanation: 'lambdaConcurrency.ok',
      params: { unreserved: 1000, limit: 1000 },
    });
    expect(worded(result, 'en')).toContain('1000 unreserved');
  });

  it('passes at a new account’s limit of 10, and when other functions leave only 1 unreserved', async () => {
    for (const [limit, unreserved] of [
      [10, 10],
      [1000, 1],
    ] as const) {
      lambdaMock.on(GetAccountSettingsCommand).resolves(settings(limit, unreserved));
      const result = await lambdaConcurrency(clients(), samplePlan);
      expect(result).toMatchObject({ status: 'pass', params: { unreserved, limit } });
      for (const language of ['ja', 'en'] as const) {
        expect(worded(result, language)).toContain(String(unreserved));
      }
    }
  });

  it('passes with a note when the settings cannot be read, denied or not', async () => {
    const denied = awsError(
      'AccessDeniedException',
      403,
      'User: arn:aws:sts::123456789012:assumed-role/Engineer/me is not authorized to perform: lambda:GetAccountSettings',
    );
    for (const answer of [denied, awsError('ServiceException', 500, 'internal error')]) {
      lambdaMock.on(GetAccountSettingsCommand).rejects(answer);
      const result = await lambdaConcurrency(clients(), samplePlan);
      expect(result).toMatchObject({ status: 'pass', explanation: 'lambdaConcurrency.notChecked' });
      for (const language of ['ja', 'en'] as const) {
        expect(worded(result, language)).toContain('lambda:GetAccountSettings');
      }
    }
    lambdaMock.on(GetAccountSettingsCommand).resolves({ AccountLimit: {} });
    expect(await lambdaConcurrency(clients(), samplePlan)).toMatchObject({
      status: 'pass',
      explanation: 'lambdaConcurrency.notChecked',
    });
  });

  it('is simulated with the other required permissions', () => {
    expect(REQUIRED_ACTIONS).toContain('lambda:GetAccountSettings');
  });

  it('matches a template that reserves no concurrency for any function', () => {
    const template = parseDocument(
      readFileSync(join(ROOT, 'templates', 'smooz-privatelink.yaml'), 'utf8'),
      { logLevel: 'silent' },
    ).toJS() as { Resources: Record<string, { Properties?: Record<string, unknown> }> };
    const reserving = Object.entries(template.Resources).filter(
      ([, r]) => r.Properties?.ReservedConcurrentExecutions !== undefined,
    );
    expect(reserving).toEqual([]);
  });
});
