import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeLoopbackAddress } from './loopback';
import { initMariadb, MARIADBD, startMariadb, stopMariadb } from './mariadbServer';
import { initPostgres, postgresBin, startPostgres, stopPostgres } from './postgresServer';
import { readTestWorld, writeTestWorld, type TestWorld, type WorldDatabase } from './world';

export interface RealDatabases {
  /** The world file (SMOOZ_TEST_WORLD) describing where each server listens now. */
  readonly worldFile: string;
  readonly world: TestWorld;
  /** Starts both servers side by side; the world file exists before, so moto can start meanwhile. */
  start(): Promise<void>;
  stop(): void;
}

/** Why the real servers cannot run here, or undefined when both packages are installed. */
export function realDatabasesMissing(): string | undefined {
  const missing = [
    ...(postgresBin() ? [] : ['postgresql']),
    ...(existsSync(MARIADBD) ? [] : ['mariadb-server']),
  ];
  return missing.length === 0
    ? undefined
    : `the Debian package(s) ${missing.join(' and ')} are not installed (bash scripts/install-test-deps.sh)`;
}

const stops = new Set<() => void>();
// A run killed by Ctrl+C or an uncaught error still stops its servers (they run detached).
process.once('exit', () => stops.forEach((stop) => stop()));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stops.forEach((stop) => stop());
    // Others (vitest, the demo) handle the signal themselves; alone, end as the signal would.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  });
}

/**
 * Plans a PostgreSQL and a MariaDB server, each on its own loopback address at its engine's
 * standard port (as an RDS endpoint answers), data in a temp folder, one test login, and writes
 * the world file.
 */
export async function planRealDatabases(): Promise<RealDatabases> {
  const missing = realDatabasesMissing();
  if (missing) throw new Error(`The test world's databases cannot start: ${missing}.`);
  const root = mkdtempSync(join(tmpdir(), 'smooz-world-'));
  // PostgreSQL runs as its own user and must reach its folder inside.
  chmodSync(root, 0o755);
  const password = randomBytes(12).toString('hex');
  const login = { user: 'smooz_test', password, database: 'smooz' };
  const postgresAddress = await freeLoopbackAddress(5432);
  const mariadbAddress = await freeLoopbackAddress(3306, [postgresAddress]);
  const world: TestWorld = {
    nlbAddress: await freeLoopbackAddress(0, [postgresAddress, mariadbAddress]),
    databases: {
      // PostgreSQL's initial database is `postgres`; the world's login owns the cluster.
      postgres: {
        engine: 'postgres',
        address: postgresAddress,
        port: 5432,
        ...login,
        database: 'postgres',
        dir: join(root, 'postgres'),
      },
      mariadb: {
        engine: 'mariadb',
        address: mariadbAddress,
        port: 3306,
        ...login,
        dir: join(root, 'mariadb'),
      },
    },
  };
  const worldFile = join(root, 'world.json');
  writeTestWorld(worldFile, world);
  const stop = () => {
    // The servers may have moved since: stop them where the world file says they are now.
    const now = existsSync(worldFile) ? readTestWorld(worldFile) : world;
    stopQuietly(() => stopPostgres(now.databases.postgres));
    stopQuietly(() => stopMariadb(now.databases.mariadb));
    rmSync(root, { recursive: true, force: true });
    stops.delete(stop);
  };
  stops.add(stop);
  const start = async () => {
    try {
      await Promise.all([
        initPostgres(world.databases.postgres).then(() => startPostgres(world.databases.postgres)),
        initMariadb(world.databases.mariadb),
      ]);
    } catch (error) {
      stop();
      throw error;
    }
  };
  return { worldFile, world, start, stop };
}

function stopQuietly(stop: () => void): void {
  try {
    stop();
  } catch (error) {
    console.error('stopping a test database failed:', error);
  }
}

/**
 * Moves a world database to another loopback address, as a Multi-AZ failover or an Aurora writer
 * change moves the endpoint: the server stops listening on the old address and starts on the new.
 */
export async function moveDatabase(
  worldFile: string,
  engine: WorldDatabase['engine'],
  address: string,
): Promise<TestWorld> {
  const world = readTestWorld(worldFile);
  const from = world.databases[engine];
  const to = { ...from, address };
  if (engine === 'postgres') {
    stopPostgres(from);
    await startPostgres(to);
  } else {
    stopMariadb(from);
    await startMariadb(to);
  }
  const moved: TestWorld = { ...world, databases: { ...world.databases, [engine]: to } };
  writeTestWorld(worldFile, moved);
  return moved;
}
