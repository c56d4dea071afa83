import {
  CreateDBParameterGroupCommand,
  DescribeDBInstancesCommand,
  ModifyDBInstanceCommand,
  ModifyDBParameterGroupCommand,
} from '@aws-sdk/client-rds';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findDatabase } from '../../../main/engine/discovery';
import { createEngineClients, type EngineClients } from '../../../main/engine/engineClients';
import { mysqlHostBlocking } from '../../../main/engine/mysqlHostBlocking';
import type { SetupPlan } from '../../../shared/flow/plan';
import { probeDatabase } from '../../smooz-server/databaseProbe';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';
import { samplePlan } from '../../support/flowFixtures';
import { resetMoto } from '../../support/motoServer';
import { healthCheckConnects } from '../../support/realDatabases/healthCheckConnects';
import { freeLoopbackAddress } from '../../support/realDatabases/loopback';
import { moveDatabase } from '../../support/realDatabases/realDatabases';
import { readTestWorld } from '../../support/realDatabases/world';
import { seedCustomerAccount } from '../../support/seedAccount';

const endpoint = inject('motoEndpoint');
const worldFile = inject('testWorldFile');
const mariadbNow = () => readTestWorld(worldFile).databases.mariadb;

/** An NLB checking every 10 s from 3 nodes for 6 hours, all from one address. */
const SIX_HOURS_OF_CHECKS = 3 * 6 * 360;

let clients: EngineClients;
let plan: SetupPlan;

const adminQuery = async (sql: string): Promise<mysql.RowDataPacket[]> => {
  const db = mariadbNow();
  const admin = await mysql.createConnection({
    host: db.address,
    port: db.port,
    user: db.user,
    password: db.password,
  });
  try {
    return (await admin.query<mysql.RowDataPacket[]>(sql))[0];
  } finally {
    await admin.end();
  }
};
const serverVariable = async (name: string): Promise<string> =>
  String((await adminQuery(`SELECT @@GLOBAL.${name} AS v`))[0]?.v);
const abortedPreauth = async (): Promise<number> =>
  Number((await adminQuery("SHOW GLOBAL STATUS LIKE 'Aborted_connects_preauth'"))[0]?.Value);
const flushHosts = () => adminQuery('FLUSH HOSTS');

/** SMOOZ's login through the NLB: from the NLB node's address, with SELECT 1. */
const smoozLogin = (nlbNode: string) => {
  const db = mariadbNow();
  return probeDatabase({ address: db.address, port: db.port, sourceAddress: nlbNode }, db);
};

const newNlbNode = () => {
  const db = mariadbNow();
  return freeLoopbackAddress(0, [readTestWorld(worldFile).nlbAddress, db.address]);
};

/** The remedy exactly as preflight's command gives it for a database on a default group. */
async function applyRemedyAsPreflightSays(params: Record<string, string | number | boolean>) {
  await clients.rds.send(
    new CreateDBParameterGroupCommand({
      DBParameterGroupName: String(params.newGroup),
      DBParameterGroupFamily: String(params.family),
      Description: 'max_connect_errors for SMOOZ',
    }),
  );
  await clients.rds.send(
    new ModifyDBParameterGroupCommand({
      DBParameterGroupName: String(params.newGroup),
      Parameters: [
        {
          ParameterName: 'max_connect_errors',
          ParameterValue: String(params.recommended),
          ApplyMethod: 'immediate',
        },
      ],
    }),
  );
  for (const id of String(params.instances).split(', ')) {
    await clients.rds.send(
      new ModifyDBInstanceCommand({
        DBInstanceIdentifier: id,
        DBParameterGroupName: String(params.newGroup),
      }),
    );
  }
}

beforeAll(async () => {
  await resetMoto(endpoint);
  await seedCustomerAccount(endpoint);
  clients = createEngineClients(motoAppConfig(endpoint), motoContext);
  plan = { ...samplePlan, database: await findDatabase(clients, 'cluster', 'customer-aurora') };
  await flushHosts();
});

afterAll(async () => {
  // A fresh account again: the plug-in sets the server back to the engine's defaults.
  await resetMoto(endpoint);
  await flushHosts();
});

describe('MySQL/MariaDB host blocking: the remedy, on the real MariaDB', () => {
  it('control: on the default parameter group (engine default 100) preflight warns, and health checks block the NLB node’s address so SMOOZ cannot log in', async () => {
    const check = await mysqlHostBlocking(clients, plan);
    expect(check).toMatchObject({
      status: 'warn',
      explanation: 'mysqlHostBlocking.defaultGroup',
      params: { value: '100', source: 'engine-default', instances: 'customer-aurora-writer' },
    });
    expect(await serverVariable('max_connect_errors')).toBe('100');

    const nlbNode = await newNlbNode();
    // A few checks past the limit: the address's first connection only opens its host-cache entry.
    const checks = 110;
    const aborted = await abortedPreauth();
    expect(await healthCheckConnects(mariadbNow(), nlbNode, checks)).toBe(checks);
    // The server counts a reset connection on its own thread, a moment after the client is gone.
    // All but the first, which opened the address's host-cache entry.
    await expect
      .poll(abortedPreauth, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(aborted + checks - 1);
    const login = await smoozLogin(nlbNode);
    expect(login).toMatchObject({ ok: false, code: 'host-blocked' });
    expect(login.ok ? '' : login.detail).toContain('is blocked because of many connection errors');
  });

  it('with the remedy preflight gave (new group, max_connect_errors at its maximum, associated), preflight passes and SMOOZ still logs in after six hours of health checks', async () => {
    const before = await mysqlHostBlocking(clients, plan);
    await applyRemedyAsPreflightSays(before.params);

    const after = await mysqlHostBlocking(clients, plan);
    expect(after).toMatchObject({
      status: 'pass',
      explanation: 'mysqlHostBlocking.ok',
      params: { group: before.params.newGroup, source: 'user' },
    });
    const writer = await clients.rds.send(
      new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'customer-aurora-writer' }),
    );
    expect(writer.DBInstances?.[0]?.DBParameterGroups?.[0]?.DBParameterGroupName).toBe(
      before.params.newGroup,
    );
    // MariaDB's own maximum: it takes the group's MySQL-range value as far as it goes.
    expect(await serverVariable('max_connect_errors')).toBe('4294967295');

    const nlbNode = await newNlbNode();
    const aborted = await abortedPreauth();
    const started = Date.now();
    expect(await healthCheckConnects(mariadbNow(), nlbNode, SIX_HOURS_OF_CHECKS)).toBe(6480);
    console.info(
      `${SIX_HOURS_OF_CHECKS} health-check connects from ${nlbNode} in ${Date.now() - started} ms`,
    );
    // Each one counted as a connection error of that address, 64 times the default limit.
    await expect
      .poll(abortedPreauth, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(aborted + SIX_HOURS_OF_CHECKS - 1);
    expect(await smoozLogin(nlbNode)).toEqual({ ok: true, checked: 'query' });
  });

  it('keeps the group’s value when the server restarts elsewhere (a failover), as RDS does', async () => {
    const moved = await moveDatabase(worldFile, 'mariadb', await newNlbNode());
    expect(moved.databases.mariadb.serverVariables).toEqual({
      max_connect_errors: '18446744073709551615',
    });
    expect(await serverVariable('max_connect_errors')).toBe('4294967295');
  });

  it('a fresh account (moto reset) sets the server back to the engine default, as the world started', async () => {
    await resetMoto(endpoint);
    expect(readTestWorld(worldFile).databases.mariadb.serverVariables).toBeUndefined();
    expect(await serverVariable('max_connect_errors')).toBe('100');
  });
});
