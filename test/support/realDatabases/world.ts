import { readFileSync, renameSync, writeFileSync } from 'node:fs';

/** How a database server of the test world is reached and logged in to. */
export interface WorldDatabase {
  readonly engine: 'postgres' | 'mariadb';
  /** The loopback address the server listens on now (127.0.0.x, never .1). */
  readonly address: string;
  /** The RDS engine's standard port, as an RDS endpoint answers on it. */
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly database: string;
  /** Its data, socket and log folder: any test process can stop or move the server with it. */
  readonly dir: string;
  /**
   * Server variables its emulated parameter group set (moto plug-in smooz_rds_parameters.py), given
   * again when the server restarts (a failover drill), as RDS keeps a group's values.
   */
  readonly serverVariables?: Readonly<Record<string, string>>;
}

/**
 * The test world as one JSON file (its path in SMOOZ_TEST_WORLD): the moto plug-ins resolve the
 * emulated RDS endpoints to these addresses, the reference SMOOZ server reads its data-source
 * logins and the NLB's source address here. A failover drill rewrites it.
 */
export interface TestWorld {
  /** Source address of "NLB" traffic (health checks and forwarded connections); never .1. */
  readonly nlbAddress: string;
  readonly databases: { readonly postgres: WorldDatabase; readonly mariadb: WorldDatabase };
}

export const TEST_WORLD_ENV = 'SMOOZ_TEST_WORLD';

export function readTestWorld(file: string): TestWorld {
  return JSON.parse(readFileSync(file, 'utf8')) as TestWorld;
}

/** Written whole and renamed into place, so a reader never sees half a file. */
export function writeTestWorld(file: string, world: TestWorld): void {
  writeFileSync(`${file}.tmp`, JSON.stringify(world, null, 2));
  renameSync(`${file}.tmp`, file);
}
