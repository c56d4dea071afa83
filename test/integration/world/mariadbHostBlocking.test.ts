import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { probeDatabase } from '../../smooz-server/databaseProbe';
import { healthCheckConnect } from '../../support/realDatabases/healthCheckConnects';
import { freeLoopbackAddress } from '../../support/realDatabases/loopback';
import { readTestWorld } from '../../support/realDatabases/world';

const world = readTestWorld(inject('testWorldFile'));
const { mariadb } = world.databases;
const MAX_CONNECT_ERRORS = 5;
let admin: mysql.Connection;
let healthChecker: string;

async function abortedPreauth(): Promise<number> {
  const [rows] = await admin.query<mysql.RowDataPacket[]>(
    "SHOW GLOBAL STATUS LIKE 'Aborted_connects_preauth'",
  );
  return Number(rows[0]?.Value);
}

beforeAll(async () => {
  admin = await mysql.createConnection({
    host: mariadb.address,
    port: mariadb.port,
    user: mariadb.user,
    password: mariadb.password,
  });
  await admin.query(`SET GLOBAL max_connect_errors = ${MAX_CONNECT_ERRORS}`);
  await admin.query('FLUSH HOSTS');
  // An address of its own: the run's other tests use the world's NLB address.
  healthChecker = await freeLoopbackAddress(0, [world.nlbAddress, mariadb.address]);
});

afterAll(async () => {
  await admin.query('SET GLOBAL max_connect_errors = DEFAULT');
  await admin.query('FLUSH HOSTS');
  await admin.end();
});

describe('MariaDB blocks an address that keeps connecting without a handshake', () => {
  it('lets the address log in while it stays below max_connect_errors', async () => {
    for (let i = 0; i < MAX_CONNECT_ERRORS - 1; i++) {
      await healthCheckConnect(mariadb, healthChecker);
    }
    const login = await probeDatabase(
      { address: mariadb.address, port: mariadb.port, sourceAddress: healthChecker },
      mariadb,
    );
    expect(login).toEqual({ ok: true, checked: 'query' });
    // That successful login reset the address's count.
  });

  it('blocks it after max_connect_errors health-check-like connects (error 1129)', async () => {
    const before = await abortedPreauth();
    // One past the limit: a reset the server has not yet tied to the address may go uncounted.
    for (let i = 0; i <= MAX_CONNECT_ERRORS; i++) {
      await healthCheckConnect(mariadb, healthChecker);
    }
    // The server counts a reset connection on its own thread, a moment after the client is gone.
    await expect
      .poll(abortedPreauth, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(before + MAX_CONNECT_ERRORS);
    const login = await probeDatabase(
      { address: mariadb.address, port: mariadb.port, sourceAddress: healthChecker },
      mariadb,
    );
    expect(login).toMatchObject({ ok: false, code: 'host-blocked' });
    expect(login.ok ? '' : login.detail).toContain('is blocked because of many connection errors');
  });

  it('blocks only that address: another one still logs in', async () => {
    const login = await probeDatabase(
      { address: mariadb.address, port: mariadb.port, sourceAddress: world.nlbAddress },
      mariadb,
    );
    expect(login).toEqual({ ok: true, checked: 'query' });
  });

  it('lets the address in again after FLUSH HOSTS', async () => {
    await admin.query('FLUSH HOSTS');
    const login = await probeDatabase(
      { address: mariadb.address, port: mariadb.port, sourceAddress: healthChecker },
      mariadb,
    );
    expect(login).toEqual({ ok: true, checked: 'query' });
  });
});
