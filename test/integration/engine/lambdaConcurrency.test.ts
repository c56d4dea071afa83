import { GetFunctionConcurrencyCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAwsClient } from '../../../main/aws/clientFactory';
import type { SetupState } from '../../../shared/flow/state';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';
import { createEngineHarness } from '../../support/engineHarness';
import { driveToEnd, postgresRequest } from '../../support/engineFlows';
import { resetMoto } from '../../support/motoServer';
import { seedCustomerAccount, type SeededAccount } from '../../support/seedAccount';

const concurrencyCheck = (state: SetupState) =>
  'preflight' in state ? state.preflight?.checks.find((c) => c.id === 'lambdaConcurrency') : null;

/** Gives the emulated account a Lambda concurrency limit (plug-in smooz_lambda_account_settings). */
async function setConcurrencyLimit(endpoint: string, limit: number | null): Promise<void> {
  const res = await fetch(`${endpoint}/moto-api/smooz/lambda-concurrency-limit`, {
    method: 'POST',
    body: JSON.stringify({ limit }),
  });
  expect(((await res.json()) as { limit: number }).limit).toBe(limit ?? 1000);
}

describe('an account at a new account’s Lambda concurrency limit of 10', () => {
  const endpoint = inject('motoEndpoint');
  const lambda = createAwsClient(LambdaClient, motoAppConfig(endpoint), motoContext);
  let seeded: SeededAccount;

  beforeAll(async () => {
    await resetMoto(endpoint);
    seeded = await seedCustomerAccount(endpoint);
    await setConcurrencyLimit(endpoint, 10);
  });
  afterAll(() => setConcurrencyLimit(endpoint, null));

  it('passes preflight, the concurrency figures given as information', async () => {
    const { engine } = createEngineHarness(endpoint);
    const created = await engine.create(postgresRequest(seeded, 'limit-ten-check'));
    const checked = await engine.runPreflight(created.plan.connectionId);
    expect(checked.step).toBe('ready');
    expect(concurrencyCheck(checked)).toMatchObject({
      status: 'pass',
      explanation: 'lambdaConcurrency.ok',
      params: { unreserved: 10, limit: 10 },
    });
  });

  it('completes the whole setup, its updater reserving nothing', async () => {
    const { engine } = createEngineHarness(endpoint);
    const created = await engine.create(postgresRequest(seeded, 'limit-ten-flow'));
    const done = await driveToEnd(engine, created.plan.connectionId);
    expect(done.step).toBe('complete');
    const concurrency = await lambda.send(
      new GetFunctionConcurrencyCommand({ FunctionName: done.plan.lambdaFunctionName }),
    );
    expect(concurrency.ReservedConcurrentExecutions).toBeUndefined();
  });
});
