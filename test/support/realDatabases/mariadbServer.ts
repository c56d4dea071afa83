import { execFileSync, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { WorldDatabase } from './world';

export const MARIADBD = '/usr/sbin/mariadbd';
/** MariaDB runs as root only when told (`--user=root`); as anyone else, as that user. */
const OS_USER = userInfo().username;

const dataDir = (db: WorldDatabase) => join(db.dir, 'data');
const socket = (db: WorldDatabase) => join(db.dir, 'mariadb.sock');
const pidFile = (db: WorldDatabase) => join(db.dir, 'mariadb.pid');

/**
 * mariadb-install-db's output for this server version, made once per machine (it takes seconds;
 * a copy takes a fraction): built in a folder of its own, then renamed into place, so runs side
 * by side never see half of it.
 */
function installedDataTemplate(): string {
  const version = execFileSync(MARIADBD, ['--version']).toString().trim().replace(/\W+/g, '-');
  const template = join(tmpdir(), 'smooz-world-cache', `mariadb-${version}-${OS_USER}`);
  if (existsSync(template)) return template;
  mkdirSync(dirname(template), { recursive: true });
  const building = mkdtempSync(`${template}.building-`);
  execFileSync(
    'mariadb-install-db',
    [
      '--no-defaults',
      `--user=${OS_USER}`,
      `--datadir=${building}`,
      '--skip-test-db',
      // root@localhost by (empty) password rather than by OS user: the harness need not be root.
      '--auth-root-authentication-method=normal',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 },
  );
  try {
    renameSync(building, template);
  } catch {
    // Another run finished first: its copy is the same.
    rmSync(building, { recursive: true, force: true });
  }
  return template;
}

/** A fresh data folder with the world's login for any host and no anonymous users. */
export async function initMariadb(db: WorldDatabase): Promise<void> {
  mkdirSync(db.dir, { recursive: true });
  cpSync(installedDataTemplate(), dataDir(db), { recursive: true });
  await startMariadb(db);
  // The anonymous ''@'localhost' rows would shadow the world's login from loopback addresses.
  const sql =
    "DELETE FROM mysql.global_priv WHERE user=''; FLUSH PRIVILEGES; " +
    `CREATE USER '${db.user}'@'%' IDENTIFIED BY '${db.password}'; ` +
    `GRANT ALL ON *.* TO '${db.user}'@'%'; CREATE DATABASE ${db.database}; ` +
    // The installed root has an empty password: give it the run's one.
    `ALTER USER 'root'@'localhost' IDENTIFIED BY '${db.password}';`;
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
      `--user=${OS_USER}`,
      `--datadir=${dataDir(db)}`,
      `--bind-address=${db.address}`,
      `--port=${db.port}`,
      `--socket=${socket(db)}`,
      `--pid-file=${pidFile(db)}`,
      '--skip-log-bin',
      '--innodb-buffer-pool-size=16M',
      '--innodb-flush-log-at-trx-commit=0',
      '--innodb-doublewrite=0',
      ...Object.entries(db.serverVariables ?? {}).map(
        ([name, value]) => `--${name.replace(/_/g, '-')}=${value}`,
      ),
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
