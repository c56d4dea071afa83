import { inject, describe, expect, it } from 'vitest';
import { probeDatabase } from '../../smooz-server/databaseProbe';
import { failOver } from '../../support/realDatabases/failoverDrill';
import { readTestWorld, TEST_WORLD_ENV } from '../../support/realDatabases/world';

const world = readTestWorld(inject('testWorldFile'));
const servers = Object.values(world.databases);

describe('the test world runs real database servers', () => {
  it('is known to test workers by its environment variable too', () => {
    expect(process.env[TEST_WORLD_ENV]).toBe(inject('testWorldFile'));
  });

  it.each(servers)('$engine answers SELECT 1 on its own loopback address', async (db) => {
    expect(db.address).toMatch(/^127\./);
    expect(db.address).not.toBe('127.0.0.1');
    const result = await probeDatabase(
      { address: db.address, port: db.port, sourceAddress: world.nlbAddress },
      db,
    );
    expect(result).toEqual({ ok: true, checked: 'query' });
  });

  it.each(servers)('$engine refuses a wrong password as an authentication failure', async (db) => {
    const result = await probeDatabase(
      { address: db.address, port: db.port, sourceAddress: world.nlbAddress },
      { ...db, password: 'not-the-password' },
    );
    expect(result).toMatchObject({ ok: false, code: 'authentication-failed' });
  });

  it.each(servers)('$engine with IAM authentication is checked to the handshake', async (db) => {
    const result = await probeDatabase(
      { address: db.address, port: db.port, sourceAddress: world.nlbAddress },
      db,
      { iam: true },
    );
    expect(result).toEqual({ ok: true, checked: 'handshake' });
  });

  it.each(servers)('nothing listens for $engine on another loopback address', async (db) => {
    const result = await probeDatabase({ address: world.nlbAddress, port: db.port }, db);
    expect(result).toMatchObject({ ok: false, code: 'tcp-refused' });
  });

  it.each(['mariadb', 'postgres'] as const)(
    'moves %s to another address: the old one refuses, the new one answers',
    async (engine) => {
      const before = readTestWorld(inject('testWorldFile')).databases[engine];
      const { address } = await failOver(inject('testWorldFile'), engine);
      const after = readTestWorld(inject('testWorldFile')).databases[engine];
      expect(after.address).toBe(address);
      const source = { sourceAddress: world.nlbAddress };
      expect(await probeDatabase({ ...before, ...source }, before)).toMatchObject({
        ok: false,
        code: 'tcp-refused',
      });
      expect(await probeDatabase({ ...after, ...source }, after)).toEqual({
        ok: true,
        checked: 'query',
      });
    },
  );
});
