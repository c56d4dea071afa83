import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FinderDeps } from '../../../main/lifecycle/findSetups';
import { createSmoozClient, type SmoozApi } from '../../../main/smooz/smoozApiClient';
import type { NewSetupRequest } from '../../../shared/lifecycle/migrate';
import { accountSnapshot, type AccountSnapshot } from '../../support/accountSnapshot';
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
let smoozConnectionId: string;
let finder: FinderDeps;
let beforeManual: AccountSnapshot;

beforeAll(async () => {
  await resetMoto(endpoint);
  seeded = await seedCustomerAccount(endpoint);
  server = await startSmoozServer({
    motoEndpoint: endpoint,
    smoozAccountId: SMOOZ_ACCOUNT,
    adminTokens: [ADMIN_TOKEN],
    transitionDelayMs: 200,
    dataSources: worldDataSources(worldFile),
  });
  smooz = createSmoozClient({
    baseUrl: server.url,
    token: async () => ADMIN_TOKEN,
    maxAttempts: 1,
  });
  beforeManual = await accountSnapshot(endpoint);
  manual = await deployManualSetup(endpoint, worldFile, seeded, {
    stackName: 'smooz-privatelink',
    functionName: 'smooz-privatelink-function',
  });
  smoozConnectionId = await connectSmoozTo(smooz, manual, '本番 PostgreSQL');
  finder = {
    config: motoAppConfig(endpoint),
    contextFor: async (_profile, region) => ({ ...motoContext, region }),
    smooz,
    resolve: motoVpcResolver(endpoint),
  };
}, 180_000);

afterAll(async () => {
  await server.close();
});

const request = (): NewSetupRequest => ({
  connectionName: '本番 PostgreSQL',
  database: { kind: 'instance', identifier: seeded.postgres.identifier },
  authMethod: 'password',
  smoozAccountId: SMOOZ_ACCOUNT,
});

describe('migrating the manual-style setup side by side', () => {
  it('moves SMOOZ to a setup of the current design with zero failed connectivity tests, and removes the old one', async () => {
    const app = migrationApp(endpoint, smooz, finder);
    await app.lifecycle.scan('moto', 'ap-northeast-1');
    const adopted = await app.lifecycle.adopt({
      profile: 'moto',
      region: 'ap-northeast-1',
      key: manual.endpointServiceId,
      name: '本番 PostgreSQL',
    });
    expect(adopted.step).toBe('adopted');

    const oldEndpointId = (await smooz.getConnection(smoozConnectionId)).vpcEndpointId;
    const loop = connectivityLoop(smooz, smoozConnectionId);
    const seen: string[] = [];
    const unsubscribe = app.migrator.subscribe(({ state }) =>
      seen.push(`${state.phase}:${'step' in state ? state.step : ''}`),
    );
    await app.migrator.start(manual.endpointServiceId, request());
    const end = await app.migrator.settled(manual.endpointServiceId);
    unsubscribe();
    const { count, failures } = await loop.stop();
    console.info(`connectivity tests during the migration: ${count}, failed: ${failures.length}`);

    expect(end).toMatchObject({ phase: 'done' });
    expect(failures).toEqual([]);
    expect(count).toBeGreaterThan(10);
    expect(seen).toEqual([
      'running:creatingNewSetup',
      'running:connectingSmooz',
      'running:testingNewPath',
      'running:switching',
      'running:removingOldEndpoint',
      'running:tearingDownOld',
      'done:',
    ]);

    // SMOOZ is on the new service and still connects through it.
    const connection = await smooz.getConnection(smoozConnectionId);
    expect(connection).toMatchObject({
      status: 'available',
      endpointServiceName: end.newSetup?.endpointServiceName,
    });
    expect(connection.migration).toBeUndefined();
    expect(connection.retiredEndpoint).toBeUndefined();
    expect(connection.vpcEndpointId).not.toBe(oldEndpointId);
    expect(await smooz.testConnectivity(smoozConnectionId)).toMatchObject({
      outcome: 'succeeded',
      checked: 'query',
    });

    // The old parts are gone; what is left beyond the seeded account is the new setup alone.
    const after = await accountSnapshot(endpoint);
    expect(after.stacks).not.toContain('smooz-privatelink');
    expect(after.endpointServices).not.toContain(manual.endpointServiceId);
    expect(after.loadBalancers).not.toContain(manual.loadBalancerArn);
    expect(after.targetGroups).not.toContain(manual.targetGroupArn);
    expect(after.functions).not.toContain(manual.functionName);
    expect(after.endpointServices).toHaveLength(beforeManual.endpointServices.length + 1);
    expect(after.stacks).toHaveLength(beforeManual.stacks.length + 1);
    expect(
      app.lifecycle.listAdoptions().find((a) => a.key === manual.endpointServiceId)?.step,
    ).toBe('released');
  }, 300_000);
});
