import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chownSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { WorldDatabase } from './world';

const PG_ROOT = '/usr/lib/postgresql';

/** The newest PostgreSQL the Debian package installed, or undefined. */
export function postgresBin(): string | undefined {
  if (!existsSync(PG_ROOT)) return undefined;
  const versions = readdirSync(PG_ROOT)
    .filter((v) => existsSync(join(PG_ROOT, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(PG_ROOT, versions[0], 'bin');
}

function bin(tool: string): string {
  const dir = postgresBin();
  if (!dir) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
  return join(dir, tool);
}

/** PostgreSQL refuses to run as root: as root, every server command runs as `postgres`. */
function asPostgres(command: string, args: string[]): [string, string[]] {
  return userInfo().uid === 0
    ? ['runuser', ['-u', 'postgres', '--', command, ...args]]
    : [command, args];
}

async function run(command: string, args: string[]): Promise<void> {
  const [file, argv] = asPostgres(command, args);
  await promisify(execFile)(file, argv, { timeout: 60_000 });
}

function ownedByPostgres(path: string): void {
  if (userInfo().uid !== 0) return;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  chownSync(path, id('-u'), id('-g'));
}

const dataDir = (db: WorldDatabase) => join(db.dir, 'data');

/** initdb in `db.dir` with the world's login as superuser (SCRAM passwords). */
export async function initPostgres(db: WorldDatabase): Promise<void> {
  const socketDir = join(db.dir, 'run');
  const passwordFile = join(db.dir, 'password');
  mkdirSync(socketDir, { recursive: true });
  writeFileSync(passwordFile, `${db.password}\n`, { mode: 0o600 });
  for (const path of [db.dir, socketDir, passwordFile]) ownedByPostgres(path);
  await run(bin('initdb'), [
    ...['-D', dataDir(db), '-U', db.user, '--auth=scram-sha-256', `--pwfile=${passwordFile}`],
    ...['--no-sync', '--encoding=UTF8', '--locale=C'],
  ]);
  // initdb lets in 127.0.0.1 only; the world's clients come from other loopback addresses.
  writeFileSync(
    join(dataDir(db), 'pg_hba.conf'),
    'local all all scram-sha-256\nhost all all 127.0.0.0/8 scram-sha-256\n',
  );
}

/** Starts the server on `db.address:db.port` and returns once it accepts connections. */
export async function startPostgres(db: WorldDatabase): Promise<void> {
  const options =
    `-c listen_addresses=${db.address} -p ${db.port} ` +
    `-c unix_socket_directories=${join(db.dir, 'run')} ` +
    '-c fsync=off -c synchronous_commit=off -c full_page_writes=off';
  await run(bin('pg_ctl'), [
    '-w',
    '-D',
    dataDir(db),
    '-l',
    join(db.dir, 'server.log'),
    '-o',
    options,
    'start',
  ]);
}

/** Synchronous, so the run's exit guard can call it. */
export function stopPostgres(db: WorldDatabase): void {
  if (!existsSync(join(dataDir(db), 'postmaster.pid'))) return;
  const [file, argv] = asPostgres(bin('pg_ctl'), ['-w', '-D', dataDir(db), '-m', 'fast', 'stop']);
  execFileSync(file, argv, { stdio: 'ignore', timeout: 60_000 });
}
