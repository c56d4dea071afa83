import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { WorldDatabase } from './world';

export const MARIADBD = '/usr/sbin/mariadbd';

const dataDir = (db: WorldDatabase) => join(db.dir, 'data');
const socket = (db: WorldDatabase) => join(db.dir, 'mariadb.sock');
const pidFile = (db: WorldDatabase) => join(db.dir, 'mariadb.pid');

/** A fresh data folder with the world's login for any host and no anonymous users. */
export async function initMariadb(db: WorldDatabase): Promise<void> {
  mkdirSync(db.dir, { recursive: true });
  execFileSync(
    'mariadb-install-db',
    ['--no-defaults', '--user=root', `--datadir=${dataDir(db)}`, '--skip-test-db'],
    { stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 },
  );
  await startMariadb(db);
  // The anonymous ''@'localhost' rows would shadow the world's login from loopback addresses.
  const sql =
    "DELETE FROM mysql.global_priv WHERE user=''; FLUSH PRIVILEGES; " +
    `CREATE USER '${db.user}'@'%' IDENTIFIED BY '${db.password}'; ` +
    `GRANT ALL ON *.* TO '${db.user}'@'%'; CREATE DATABASE ${db.database};`;
  execFileSync('mariadb', ['--no-defaults', `--socket=${socket(db)}`, '-u', 'root', '-e', sql], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 30_000,
  });
}

/**
 * Starts mariadbd on `db.address:db.port`, detached so any test process may start it and the
 * run's teardown still stops it (by its pid file). Name resolution stays on: with
 * --skip-name-resolve MariaDB would not count connection errors per host.
 */
export async function startMariadb(db: WorldDatabase): Promise<void> {
  const log = openSync(join(db.dir, 'server.log'), 'a');
  const child = spawn(
    MARIADBD,
    [
      '--no-defaults',
      '--user=root',
      `--datadir=${dataDir(db)}`,
      `--bind-address=${db.address}`,
      `--port=${db.port}`,
      `--socket=${socket(db)}`,
      `--pid-file=${pidFile(db)}`,
      '--skip-log-bin',
      '--innodb-buffer-pool-size=16M',
      '--innodb-flush-log-at-trx-commit=0',
      '--innodb-doublewrite=0',
    ],
    { detached: true, stdio: ['ignore', log, log] },
  );
  child.unref();
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      execFileSync(
        'mariadb-admin',
        ['--no-defaults', `--socket=${socket(db)}`, '-u', 'root', 'ping'],
        {
          stdio: 'ignore',
          timeout: 5_000,
        },
      );
      return;
    } catch {
      await sleep(150);
    }
  }
  const tail = readFileSync(join(db.dir, 'server.log'), 'utf8').slice(-2000);
  throw new Error(`mariadbd did not start on ${db.address}:${db.port}:\n${tail}`);
}

/** Running and not a zombie (a child of a blocked event loop stays unreaped for a while). */
function alive(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Stops the server by its pid file and waits until the process is gone (synchronous: exit-safe). */
export function stopMariadb(db: WorldDatabase): void {
  if (!existsSync(pidFile(db))) return;
  const pid = Number(readFileSync(pidFile(db), 'utf8').trim());
  if (!pid || !alive(pid)) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 30_000;
  while (alive(pid) && Date.now() < deadline) execFileSync('sleep', ['0.1']);
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}
