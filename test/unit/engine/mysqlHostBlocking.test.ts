import {
  DescribeDBClusterParametersCommand,
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  DescribeDBParametersCommand,
  RDSClient,
  type Parameter,
} from '@aws-sdk/client-rds';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineClients } from '../../../main/engine/engineClients';
import { mysqlHostBlocking, SAFE_MINIMUM } from '../../../main/engine/mysqlHostBlocking';
import type { SetupPlan } from '../../../shared/flow/plan';
import { samplePlan } from '../../support/flowFixtures';
import { worded } from '../../support/preflightWords';

const rdsMock = mockClient(RDSClient);
afterEach(() => rdsMock.reset());

const clients = () =>
  ({ rds: new RDSClient({ region: 'ap-northeast-1' }) }) as unknown as EngineClients;

const mysqlInstance: SetupPlan = {
  ...samplePlan,
  database: { ...samplePlan.database, engine: 'mysql', identifier: 'orders', port: 3306 },
};
const auroraCluster: SetupPlan = {
  ...samplePlan,
  database: {
    ...samplePlan.database,
    kind: 'cluster',
    engine: 'aurora-mysql',
    identifier: 'shop',
    memberIdentifiers: ['shop-1', 'shop-2'],
  },
};

/** What RDS lists for max_connect_errors (a filler parameter first, as a real group has many). */
const parameters = (p: Partial<Parameter>): Parameter[] => [
  {
    ParameterName: 'max_connections',
    Source: 'system',
    ParameterValue: '{DBInstanceClassMemory/12582880}',
  },
  {
    ParameterName: 'max_connect_errors',
    Source: 'engine-default',
    ApplyType: 'dynamic',
    IsModifiable: true,
    AllowedValues: '1-18446744073709551615',
    ...p,
  },
];

const onInstance = (id: string, group: string, status = 'in-sync') =>
  rdsMock.on(DescribeDBInstancesCommand, { DBInstanceIdentifier: id }).resolves({
    DBInstances: [
      {
        DBInstanceIdentifier: id,
        DBParameterGroups: [{ DBParameterGroupName: group, ParameterApplyStatus: status }],
      },
    ],
  });
const onGroup = (group: string, p: Partial<Parameter>) =>
  rdsMock
    .on(DescribeDBParametersCommand, { DBParameterGroupName: group })
    .resolves({ Parameters: parameters(p) });

describe('preflight: MySQL/MariaDB blocking the NLB’s addresses (max_connect_errors)', () => {
  it('does not apply to PostgreSQL and asks AWS nothing', async () => {
    const result = await mysqlHostBlocking(clients(), samplePlan);
    expect(result).toMatchObject({
      status: 'pass',
      explanation: 'mysqlHostBlocking.notApplicable',
    });
    expect(rdsMock.calls()).toHaveLength(0);
  });

  it('warns on a custom group left at the engine default (100), with the modify command for that group and the maximum RDS allows', async () => {
    onInstance('orders', 'orders-params');
    onGroup('orders-params', {});
    const result = await mysqlHostBlocking(clients(), mysqlInstance);
    expect(result).toMatchObject({
      status: 'warn',
      explanation: 'mysqlHostBlocking.low',
      params: {
        group: 'orders-params',
        value: '100',
        source: 'engine-default',
        instances: 'orders',
        recommended: '18446744073709551615',
        minutes: '5',
      },
    });
    expect(result.params.command).toBe(
      'aws rds modify-db-parameter-group --db-parameter-group-name orders-params --parameters ' +
        '\'[{"ParameterName": "max_connect_errors", "ParameterValue": "18446744073709551615", "ApplyMethod": "immediate"}]\'',
    );
    expect(worded(result, 'en')).toContain('without a reboot');
    expect(worded(result, 'ja')).toContain('再起動なし');
  });

  it('on a default group (cannot be modified), says so and gives a new group of its family, the association and the reboot it needs', async () => {
    onInstance('orders', 'default.mysql8.0');
    onGroup('default.mysql8.0', {});
    const result = await mysqlHostBlocking(clients(), mysqlInstance);
    expect(result).toMatchObject({
      status: 'warn',
      explanation: 'mysqlHostBlocking.defaultGroup',
      params: { group: 'default.mysql8.0', family: 'mysql8.0', newGroup: 'mysql8-0-smooz' },
    });
    const command = String(result.params.command);
    expect(command).toContain(
      'aws rds create-db-parameter-group --db-parameter-group-name mysql8-0-smooz --db-parameter-group-family mysql8.0',
    );
    expect(command).toContain('modify-db-parameter-group --db-parameter-group-name mysql8-0-smooz');
    expect(command).toContain(
      'aws rds modify-db-instance --db-instance-identifier orders --db-parameter-group-name mysql8-0-smooz',
    );
    expect(worded(result, 'en')).toContain('only after each instance reboots');
    expect(worded(result, 'ja')).toContain('再起動後に有効');
  });

  it('passes when the group sets the value high enough for a year of health checks', async () => {
    onInstance('orders', 'orders-params');
    onGroup('orders-params', { Source: 'user', ParameterValue: '18446744073709551615' });
    const result = await mysqlHostBlocking(clients(), mysqlInstance);
    expect(result).toMatchObject({
      status: 'pass',
      explanation: 'mysqlHostBlocking.ok',
      params: { value: '18446744073709551615', source: 'user' },
    });
  });

  it('warns just below the safe minimum and passes at it', async () => {
    onInstance('orders', 'orders-params');
    onGroup('orders-params', { Source: 'user', ParameterValue: String(SAFE_MINIMUM - 1n) });
    expect((await mysqlHostBlocking(clients(), mysqlInstance)).status).toBe('warn');
    onGroup('orders-params', { Source: 'user', ParameterValue: String(SAFE_MINIMUM) });
    expect((await mysqlHostBlocking(clients(), mysqlInstance)).status).toBe('pass');
  });

  it('reads every Aurora member’s instance group (the writer can move) and names the weakest', async () => {
    onInstance('shop-1', 'shop-raised');
    onInstance('shop-2', 'default.aurora-mysql8.0');
    onGroup('shop-raised', { Source: 'user', ParameterValue: '4294967295' });
    onGroup('default.aurora-mysql8.0', {});
    const result = await mysqlHostBlocking(clients(), auroraCluster);
    expect(result).toMatchObject({
      status: 'warn',
      explanation: 'mysqlHostBlocking.defaultGroup',
      params: { group: 'default.aurora-mysql8.0', instances: 'shop-2', family: 'aurora-mysql8.0' },
    });
    expect(rdsMock.commandCalls(DescribeDBClusterParametersCommand)).toHaveLength(0);
  });

  it('reads an Aurora cluster’s cluster parameter group when a member’s instance group does not list the parameter', async () => {
    onInstance('shop-1', 'shop-instances');
    onInstance('shop-2', 'shop-instances');
    rdsMock
      .on(DescribeDBParametersCommand, { DBParameterGroupName: 'shop-instances' })
      .resolves({ Parameters: [{ ParameterName: 'autocommit' }] });
    rdsMock.on(DescribeDBClustersCommand).resolves({
      DBClusters: [{ DBClusterIdentifier: 'shop', DBClusterParameterGroup: 'shop-cluster' }],
    });
    rdsMock
      .on(DescribeDBClusterParametersCommand, { DBClusterParameterGroupName: 'shop-cluster' })
      .resolves({ Parameters: parameters({ Source: 'user', ParameterValue: '4294967295' }) });
    const result = await mysqlHostBlocking(clients(), auroraCluster);
    expect(result).toMatchObject({
      status: 'pass',
      params: { group: 'shop-cluster', level: 'cluster', value: '4294967295' },
    });
  });

  it('reads a Multi-AZ DB cluster’s cluster parameter group, and its remedy modifies that group', async () => {
    rdsMock.on(DescribeDBClustersCommand).resolves({
      DBClusters: [{ DBClusterIdentifier: 'shop', DBClusterParameterGroup: 'shop-cluster' }],
    });
    rdsMock
      .on(DescribeDBClusterParametersCommand, { DBClusterParameterGroupName: 'shop-cluster' })
      .resolves({ Parameters: parameters({}) });
    const plan: SetupPlan = {
      ...auroraCluster,
      database: { ...auroraCluster.database, engine: 'mysql' },
    };
    const result = await mysqlHostBlocking(clients(), plan);
    expect(result).toMatchObject({ status: 'warn', explanation: 'mysqlHostBlocking.low' });
    expect(result.params.command).toContain(
      'aws rds modify-db-cluster-parameter-group --db-cluster-parameter-group-name shop-cluster',
    );
  });

  it('finds the parameter on a later page of DescribeDBParameters', async () => {
    onInstance('orders', 'orders-params');
    rdsMock
      .on(DescribeDBParametersCommand, { DBParameterGroupName: 'orders-params', Marker: undefined })
      .resolves({ Parameters: [{ ParameterName: 'autocommit' }], Marker: 'page-2' })
      .on(DescribeDBParametersCommand, { DBParameterGroupName: 'orders-params', Marker: 'page-2' })
      .resolves({ Parameters: parameters({ Source: 'user', ParameterValue: '4294967295' }) });
    const result = await mysqlHostBlocking(clients(), mysqlInstance);
    expect(result).toMatchObject({ status: 'pass', params: { value: '4294967295' } });
  });

  it('warns that a raised group is not in use yet while the instance waits for a reboot', async () => {
    onInstance('orders', 'orders-params', 'pending-reboot');
    onGroup('orders-params', { Source: 'user', ParameterValue: '4294967295' });
    const result = await mysqlHostBlocking(clients(), mysqlInstance);
    expect(result).toMatchObject({
      status: 'warn',
      explanation: 'mysqlHostBlocking.pendingReboot',
      params: { instances: 'orders' },
    });
  });

  it('says what it could not read, and what to check, when the profile may not read parameters', async () => {
    onInstance('orders', 'orders-params');
    rdsMock
      .on(DescribeDBParametersCommand)
      .rejects(Object.assign(new Error('not authorized'), { name: 'AccessDenied' }));
    const result = await mysqlHostBlocking(clients(), mysqlInstance);
    expect(result).toMatchObject({
      status: 'warn',
      explanation: 'mysqlHostBlocking.notChecked',
      params: { action: 'rds:DescribeDBParameters' },
    });
    expect(worded(result, 'en')).toContain('max_connect_errors');
  });

  it('names the action IAM refused when the instance itself cannot be described', async () => {
    rdsMock
      .on(DescribeDBInstancesCommand)
      .rejects(
        Object.assign(
          new Error(
            'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: rds:DescribeDBInstances on resource: arn:aws:rds:ap-northeast-1:123456789012:db:orders',
          ),
          { name: 'AccessDenied' },
        ),
      );
    const result = await mysqlHostBlocking(clients(), mysqlInstance);
    expect(result.params.action).toBe('rds:DescribeDBInstances');
  });
});
