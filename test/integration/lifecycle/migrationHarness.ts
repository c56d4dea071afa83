import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { createStoreAdoptionRepository } from '../../../main/lifecycle/adoptionRepository';
import { createFinderClients } from '../../../main/lifecycle/finderClients';
import type { LifecycleService } from '../../../main/lifecycle/lifecycleService';
import { createStoreMigrationRepository } from '../../../main/lifecycle/migrationRepository';
import { createMigrator, type Migrator, type MigratorDeps } from '../../../main/lifecycle/migrator';
import { removeOldSetup } from '../../../main/lifecycle/oldSetupRemoval';
import { silentLogger } from '../../../main/base/logger';
import { storeOptions, type PersistedState } from '../../../main/app/storeSchema';
import type { SmoozApi } from '../../../main/smooz/smoozApiClient';
import { createEngineHarness } from '../../support/engineHarness';
import {
  lifecycleServiceFor,
  MOTO_POLLING,
  type HandMadeWorld,
} from '../../support/lifecycle/handMadeWorld';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';

export interface MigrationApp {
  readonly lifecycle: LifecycleService;
  readonly migrator: Migrator;
  readonly userDataDir: string;
  /** Every (new setup, SMOOZ connection) the migrator asked to link, in order. */
  readonly links: (readonly [string, string])[];
}

/**
 * The app's lifecycle services as main composes them, on one data folder: a second call with the
 * same folder is the app reopened after a crash. `wrap` lets a test put a crash into the migrator's
 * dependencies (after an action, before its transition is kept).
 */
export function migrationApp(
  motoEndpoint: string,
  world: Pick<HandMadeWorld, 'smooz' | 'finder'>,
  options: {
    readonly userDataDir?: string;
    readonly wrap?: (deps: MigratorDeps) => MigratorDeps;
  } = {},
): MigrationApp {
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'smooz-migrate-'));
  const { engine } = createEngineHarness(motoEndpoint, { userDataDir });
  const store = new Conf<PersistedState>({ ...storeOptions('0.1.0'), cwd: userDataDir });
  const adoptions = createStoreAdoptionRepository(store, silentLogger);
  const lifecycle = lifecycleServiceFor(world, adoptions, () =>
    engine.list().map((f) => f.plan.connectionId),
  );
  const clients = createFinderClients(motoAppConfig(motoEndpoint), motoContext);
  const links: (readonly [string, string])[] = [];
  const deps: MigratorDeps = {
    migrations: createStoreMigrationRepository(store, silentLogger),
    adoptions,
    releaseAdoption: (key) => lifecycle.release(key),
    engine,
    smooz: world.smooz,
    removeOldSetup: (state) =>
      removeOldSetup(clients, state.oldParts, { ...MOTO_POLLING, maxWaitMs: 60_000 }),
    logger: silentLogger,
    linkToSmooz: async (newConnectionId, smoozConnectionId) => {
      links.push([newConnectionId, smoozConnectionId]);
    },
    timing: { ...MOTO_POLLING, smoozWaitMs: 30_000 },
  };
  const migrator = createMigrator(options.wrap ? options.wrap(deps) : deps);
  return { lifecycle, migrator, userDataDir, links };
}

/** SMOOZ's connectivity test run back to back until stopped: how many ran, which failed. */
export function connectivityLoop(smooz: SmoozApi, connectionId: string) {
  let running = true;
  const failures: string[] = [];
  let count = 0;
  const done = (async () => {
    while (running) {
      count += 1;
      try {
        const result = await smooz.testConnectivity(connectionId);
        if (result.outcome !== 'succeeded') {
          failures.push(`${result.brokenLink ?? ''}: ${result.reason?.message ?? ''}`);
        }
      } catch (error) {
        failures.push(String(error));
      }
    }
  })();
  return {
    async stop() {
      running = false;
      await done;
      return { count, failures };
    },
  };
}
