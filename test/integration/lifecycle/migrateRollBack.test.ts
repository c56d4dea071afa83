import { beforeAll, afterAll, describe, expect, inject, it } from 'vitest';
import { createSmoozClient, type SmoozApi } from '../../../main/smooz/smoozApiClient';
import { accountSnapshot } from '../../support/accountSnapshot';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';
import {
  connectSmoozTo,
  deployManualSetup,
  motoVpcResolver,
  type ManualDeployment,
} from '../../support/lifecycle/manualSetup';
import { resetMoto } from '../../support/motoServer';
import { seedCustomerAccount, type SeededAccount } from '../../support/seedAccount';
import { startSmoozServer, type SmoozServer } from '../../smooz-server/smoozServer';
import { worldDataSources } from '../../smooz-server/worldDataSources';
import { ADMIN_TOKEN } from '../smooz/harness';
import { connectivityLoop, migrationApp } from './migrationHarness';

const SMOOZ_ACCOUNT = '210987654321';
const endpoint = inject('motoEndpoint');
const worldFile = inject('testWorldFile');
let server: SmoozServer;
let smooz: SmoozApi;
let seeded: SeededAccount;
let manual: ManualDeployment;
let connectionId: string;

beforeAll(async () => {
  await resetMoto(endpoint);
  seeded = await seedCustomerAccount(endpoint);
  server = await startSmoozServer({
    motoEndpoint: endpoint,
    smoozAccountId: SMOOZ_ACCOUNT,
    adminTokens: [ADMIN_TOKEN],
    transitionDelayMs: 100,
    dataSources: worldDataSources(worldFile),
  });
  smooz = createSmoozClient({
    baseUrl: server.url,
    token: async () => ADMIN_TOKEN,
    maxAttempts: 1,
  });
  manual = await deployManualSetup(endpoint, worldFile, seeded, {
    stackName: 'smooz-privatelink',
    functionName: 'smooz-privatelink-function',
  });
  connectionId = await connectSmoozTo(smooz, manual, '本番 PostgreSQL');
}, 180_000);

afterAll(async () => {
  await server.close();
});

describe('stopping a migration and undoing it before the switch', () => {
  it('stops before the next step, then undoes: SMOOZ stays on the old setup, the new one is gone', async () => {
    const app = migrationApp(endpoint, smooz, {
      config: motoAppConfig(endpoint),
      contextFor: async (_p, region) => ({ ...motoContext, region }),
      smooz,
      resolve: motoVpcResolver(endpoint),
    });
    await app.lifecycle.scan('moto', 'ap-northeast-1');
    await app.lifecycle.adopt({
      profile: 'moto',
      region: 'ap-northeast-1',
      key: manual.endpointServiceId,
      name: '本番 PostgreSQL',
    });
    const before = await accountSnapshot(endpoint);
    const loop = connectivityLoop(smooz, connectionId);
    // The user stops while SMOOZ's second endpoint is being made.
    const unsubscribe = app.migrator.subscribe(({ state }) => {
      if (state.phase === 'running' && state.step === 'connectingSmooz' && !state.stopRequested) {
        app.migrator.stop(state.key);
      }
    });
    await app.migrator.start(manual.endpointServiceId, {
      connectionName: '本番 PostgreSQL',
      database: { kind: 'instance', identifier: seeded.postgres.identifier },
      authMethod: 'password',
      smoozAccountId: SMOOZ_ACCOUNT,
    });
    const stopped = await app.migrator.settled(manual.endpointServiceId);
    unsubscribe();
    expect(stopped).toMatchObject({ phase: 'stopped', step: 'testingNewPath' });
    expect((await smooz.getConnection(connectionId)).migration).toMatchObject({
      status: 'available',
    });

    await app.migrator.rollBack(manual.endpointServiceId);
    const end = await app.migrator.settled(manual.endpointServiceId);
    const { count, failures } = await loop.stop();

    expect(end.phase).toBe('rolledBack');
    expect(failures).toEqual([]);
    expect(count).toBeGreaterThan(0);
    const connection = await smooz.getConnection(connectionId);
    expect(connection.endpointServiceName).toBe(manual.endpointServiceName);
    expect(connection.migration).toBeUndefined();
    const after = await accountSnapshot(endpoint);
    expect(after.stacks).toEqual(before.stacks);
    expect(after.endpointServices).toEqual(before.endpointServices);
    expect(after.loadBalancers).toEqual(before.loadBalancers);
    expect(app.lifecycle.listAdoptions()[0]?.step).toBe('adopted');
  }, 240_000);
});
