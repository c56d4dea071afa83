import { readTestWorld } from '../support/realDatabases/world';
import type { DataSources } from './connectivityTest';

/**
 * SMOOZ's data sources in the test world: the logins of its real PostgreSQL and MariaDB (by
 * port), and the NLB's own source address. Read on every test, as a drill rewrites the file.
 */
export function worldDataSources(worldFile: string): DataSources {
  const databases = () => Object.values(readTestWorld(worldFile).databases);
  return {
    login: (port) => databases().find((db) => db.port === port),
    ports: () => databases().map((db) => db.port),
    get sourceAddress() {
      return readTestWorld(worldFile).nlbAddress;
    },
  };
}

/** No data source: a reference server started without a test world can reach no database. */
export const NO_DATA_SOURCES: DataSources = { login: () => undefined, ports: () => [] };
