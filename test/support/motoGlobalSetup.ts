import type { TestProject } from 'vitest/node';
import { startMotoServer } from './motoServer';
import { planRealDatabases } from './realDatabases/realDatabases';
import { TEST_WORLD_ENV } from './realDatabases/world';

declare module 'vitest' {
  export interface ProvidedContext {
    motoEndpoint: string;
    /** The test world file: where the real PostgreSQL and MariaDB listen (see realDatabases/). */
    testWorldFile: string;
  }
}

/**
 * One moto server and one pair of real database servers per test run, started side by side;
 * tests read them with `inject('motoEndpoint')` and `inject('testWorldFile')`. moto's plug-ins
 * resolve the emulated RDS endpoints through the world file.
 */
export default async function setup(project: TestProject) {
  const databases = await planRealDatabases();
  const [moto, started] = await Promise.allSettled([
    startMotoServer({ [TEST_WORLD_ENV]: databases.worldFile }),
    databases.start(),
  ]);
  if (moto.status === 'rejected' || started.status === 'rejected') {
    if (moto.status === 'fulfilled') await moto.value.stop();
    databases.stop();
    throw moto.status === 'rejected' ? moto.reason : (started as PromiseRejectedResult).reason;
  }
  project.provide('motoEndpoint', moto.value.endpoint);
  project.provide('testWorldFile', databases.worldFile);
  // Test workers start after this and inherit it: helpers shared with the benchmark read it there.
  process.env[TEST_WORLD_ENV] = databases.worldFile;
  return async () => {
    await moto.value.stop();
    databases.stop();
  };
}
