import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  DeleteLogGroupCommand,
  DescribeLogGroupsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createAwsClient } from '../../../main/aws/clientFactory';
import { createEngineClients } from '../../../main/engine/engineClients';
import { leftoverLogGroups } from '../../../main/engine/logGroupCheck';
import type { SetupState } from '../../../shared/flow/state';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';
import { createEngineHarness } from '../../support/engineHarness';
import { driveToEnd, postgresRequest } from '../../support/engineFlows';
import { resetMoto } from '../../support/motoServer';
import { seedCustomerAccount, type SeededAccount } from '../../support/seedAccount';

const checksOf = (state: SetupState) => ('preflight' in state ? state.preflight?.checks : []) ?? [];

describe('preflight: a log group left from an earlier function of the same name', () => {
  const endpoint = inject('motoEndpoint');
  const logs = createAwsClient(CloudWatchLogsClient, motoAppConfig(endpoint), motoContext);
  let seeded: SeededAccount;

  beforeAll(async () => {
    await resetMoto(endpoint);
    seeded = await seedCustomerAccount(endpoint);
  });

  it('stops before anything is created, naming the group, and passes once it is deleted', async () => {
    const { engine } = createEngineHarness(endpoint);
    const created = await engine.create(postgresRequest(seeded, 'leftover-logs'));
    const id = created.plan.connectionId;
    const group = `/aws/lambda/${created.plan.lambdaFunctionName}-setup`;
    // Another name that merely starts like the updater's is no obstacle.
    const lookalike = `/aws/lambda/${created.plan.lambdaFunctionName}-old`;
    await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
    await logs.send(new CreateLogGroupCommand({ logGroupName: lookalike }));

    const blocked = await engine.runPreflight(id);
    expect(blocked.step).toBe('preflight');
    expect(blocked.created).toEqual([]);
    const failing = checksOf(blocked).filter((c) => c.status === 'fail');
    expect(failing).toEqual([
      expect.objectContaining({
        id: 'leftoverLogGroups',
        explanation: 'leftoverLogGroups.exists',
        params: { names: group, lambdaFunctionName: created.plan.lambdaFunctionName },
      }),
    ]);

    await logs.send(new DeleteLogGroupCommand({ logGroupName: group }));
    const passed = await engine.runPreflight(id);
    expect(passed.step).toBe('ready');
    expect(checksOf(passed).find((c) => c.id === 'leftoverLogGroups')).toMatchObject({
      status: 'pass',
    });
    // The stack then creates both groups itself and completes.
    expect((await driveToEnd(engine, id)).step).toBe('complete');
  });

  it('does not count the groups of the connection’s own stack against it', async () => {
    const { engine } = createEngineHarness(endpoint);
    const created = await engine.create(postgresRequest(seeded, 'own-logs'));
    const id = created.plan.connectionId;
    expect((await driveToEnd(engine, id)).step).toBe('complete');
    const groups = await logs.send(
      new DescribeLogGroupsCommand({
        logGroupNamePrefix: `/aws/lambda/${created.plan.lambdaFunctionName}`,
      }),
    );
    expect(groups.logGroups?.map((g) => g.logGroupName)).toHaveLength(2);
    const clients = createEngineClients(motoAppConfig(endpoint), motoContext);
    expect(await leftoverLogGroups(clients, created.plan)).toMatchObject({ status: 'pass' });
  });
});
