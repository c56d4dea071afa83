import {
  CreateDBInstanceCommand,
  CreateDBParameterGroupCommand,
  DescribeDBInstancesCommand,
  DescribeDBParametersCommand,
  ModifyDBParameterGroupCommand,
} from '@aws-sdk/client-rds';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { findDatabase } from '../../../main/engine/discovery';
import { createEngineClients, type EngineClients } from '../../../main/engine/engineClients';
import { mysqlHostBlocking } from '../../../main/engine/mysqlHostBlocking';
import type { SetupPlan } from '../../../shared/flow/plan';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';
import { samplePlan } from '../../support/flowFixtures';
import { resetMoto } from '../../support/motoServer';
import { seedCustomerAccount } from '../../support/seedAccount';

const endpoint = inject('motoEndpoint');
let clients: EngineClients;
let plan: SetupPlan;

const setMaxConnectErrors = (group: string, value: string) =>
  clients.rds.send(
    new ModifyDBParameterGroupCommand({
      DBParameterGroupName: group,
      Parameters: [
        { ParameterName: 'max_connect_errors', ParameterValue: value, ApplyMethod: 'immediate' },
      ],
    }),
  );

beforeAll(async () => {
  await resetMoto(endpoint);
  await seedCustomerAccount(endpoint);
  clients = createEngineClients(motoAppConfig(endpoint), motoContext);
  await clients.rds.send(
    new CreateDBParameterGroupCommand({
      DBParameterGroupName: 'orders-params',
      DBParameterGroupFamily: 'mysql8.0',
      Description: 'orders',
    }),
  );
  await clients.rds.send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: 'orders-mysql',
      Engine: 'mysql',
      EngineVersion: '8.0.39',
      DBInstanceClass: 'db.t4g.medium',
      AllocatedStorage: 20,
      MasterUsername: 'admin',
      MasterUserPassword: 'not-a-real-password',
      DBSubnetGroupName: 'customer-db-subnets',
      DBParameterGroupName: 'orders-params',
      Port: 3306,
    }),
  );
  plan = { ...samplePlan, database: await findDatabase(clients, 'instance', 'orders-mysql') };
});

describe('the host-blocking check against the emulated RDS API', () => {
  it('lists max_connect_errors as RDS does: engine default, dynamic, with its range', async () => {
    const out = await clients.rds.send(
      new DescribeDBParametersCommand({ DBParameterGroupName: 'orders-params' }),
    );
    expect(out.Parameters?.find((p) => p.ParameterName === 'max_connect_errors')).toMatchObject({
      Source: 'engine-default',
      ApplyType: 'dynamic',
      IsModifiable: true,
      AllowedValues: '1-18446744073709551615',
    });
  });

  it('warns on the custom group at the engine default, then passes once the group is raised as it says', async () => {
    const before = await mysqlHostBlocking(clients, plan);
    expect(before).toMatchObject({
      status: 'warn',
      explanation: 'mysqlHostBlocking.low',
      params: { group: 'orders-params', value: '100', source: 'engine-default' },
    });
    await setMaxConnectErrors('orders-params', String(before.params.recommended));
    expect(await mysqlHostBlocking(clients, plan)).toMatchObject({
      status: 'pass',
      explanation: 'mysqlHostBlocking.ok',
      params: { value: '18446744073709551615', source: 'user' },
    });
  });

  it('cannot change a default parameter group, as on RDS', async () => {
    const writer = await clients.rds.send(
      new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'customer-aurora-writer' }),
    );
    const group = writer.DBInstances?.[0]?.DBParameterGroups?.[0]?.DBParameterGroupName ?? '';
    expect(group).toMatch(/^default\.aurora-mysql/);
    await expect(setMaxConnectErrors(group, '1000')).rejects.toMatchObject({
      name: 'InvalidParameterValue',
    });
  });
});
