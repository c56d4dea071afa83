import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import {
  CreateFunctionCommand,
  DeleteFunctionCommand,
  DeleteFunctionConcurrencyCommand,
  LambdaClient,
  PutFunctionConcurrencyCommand,
} from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAwsClient } from '../../../main/aws/clientFactory';
import type { SetupState } from '../../../shared/flow/state';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';
import { createEngineHarness } from '../../support/engineHarness';
import { postgresRequest } from '../../support/engineFlows';
import { resetMoto } from '../../support/motoServer';
import { seedCustomerAccount, type SeededAccount } from '../../support/seedAccount';

const concurrencyCheck = (state: SetupState) =>
  'preflight' in state ? state.preflight?.checks.find((c) => c.id === 'lambdaConcurrency') : null;

describe('preflight against moto: the account’s unreserved Lambda concurrency', () => {
  const endpoint = inject('motoEndpoint');
  const lambda = createAwsClient(LambdaClient, motoAppConfig(endpoint), motoContext);
  const iam = createAwsClient(IAMClient, motoAppConfig(endpoint), motoContext);
  const busyFunction = 'another-team-batch-job';
  let seeded: SeededAccount;

  beforeAll(async () => {
    await resetMoto(endpoint);
    seeded = await seedCustomerAccount(endpoint);
    const role = await iam.send(
      new CreateRoleCommand({
        RoleName: 'another-team-batch-role',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: 'lambda.amazonaws.com' },
              Action: 'sts:AssumeRole',
            },
          ],
        }),
      }),
    );
    await lambda.send(
      new CreateFunctionCommand({
        FunctionName: busyFunction,
        Runtime: 'nodejs22.x',
        Role: role.Role?.Arn,
        Handler: 'index.handler',
        Code: { ZipFile: new TextEncoder().encode('not run by this test') },
      }),
    );
  });
  afterAll(() => lambda.send(new DeleteFunctionCommand({ FunctionName: busyFunction })));

  it('passes on an account with the default limit: 1000 unreserved, 101 needed', async () => {
    const { engine } = createEngineHarness(endpoint);
    const created = await engine.create(postgresRequest(seeded, 'concurrency-ok'));
    const checked = await engine.runPreflight(created.plan.connectionId);
    expect(checked.step).toBe('ready');
    expect(concurrencyCheck(checked)).toMatchObject({
      status: 'pass',
      explanation: 'lambdaConcurrency.ok',
      params: { unreserved: 1000, limit: 1000, required: 101 },
    });
  });

  it('stops before anything is created while other functions leave only 100 unreserved, and passes once they release it', async () => {
    await lambda.send(
      new PutFunctionConcurrencyCommand({
        FunctionName: busyFunction,
        ReservedConcurrentExecutions: 900,
      }),
    );
    const { engine } = createEngineHarness(endpoint);
    const created = await engine.create(postgresRequest(seeded, 'concurrency-low'));
    const id = created.plan.connectionId;
    const blocked = await engine.runPreflight(id);
    expect(blocked.step).toBe('preflight');
    expect(blocked.created).toEqual([]);
    expect(concurrencyCheck(blocked)).toMatchObject({
      status: 'fail',
      explanation: 'lambdaConcurrency.tooLow',
      params: { unreserved: 100, limit: 1000, required: 101, neededLimit: 1001 },
    });
    // Only this check stands in the way.
    const failing =
      'preflight' in blocked
        ? blocked.preflight?.checks.filter((c) => c.status === 'fail').map((c) => c.id)
        : [];
    expect(failing).toEqual(['lambdaConcurrency']);

    await lambda.send(new DeleteFunctionConcurrencyCommand({ FunctionName: busyFunction }));
    const passed = await engine.runPreflight(id);
    expect(passed.step).toBe('ready');
    expect(concurrencyCheck(passed)).toMatchObject({
      status: 'pass',
      params: { unreserved: 1000 },
    });
  });
});
