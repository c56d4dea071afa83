import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSmoozClient, type SmoozApi } from '../../../main/smooz/smoozApiClient';
import { startSmoozServer, type SmoozServer } from '../../smooz-server/smoozServer';
import { worldDataSources } from '../../smooz-server/worldDataSources';
import {
  connectSmoozTo,
  deployManualSetup,
  type ManualDeployment,
} from '../../support/lifecycle/manualSetup';
import { resetMoto } from '../../support/motoServer';
import { seedCustomerAccount, type SeededAccount } from '../../support/seedAccount';
import { ADMIN_TOKEN } from '../smooz/harness';

const SMOOZ_ACCOUNT = '210987654321';
const endpoint = inject('motoEndpoint');
const worldFile = inject('testWorldFile');
let server: SmoozServer;
let smooz: SmoozApi;
let seeded: SeededAccount;
let manual: ManualDeployment;
let smoozConnectionId: string;

beforeAll(async () => {
  await resetMoto(endpoint);
  seeded = await seedCustomerAccount(endpoint);
  server = await startSmoozServer({
    motoEndpoint: endpoint,
    smoozAccountId: SMOOZ_ACCOUNT,
    adminTokens: [ADMIN_TOKEN],
    transitionDelayMs: 0,
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
  smoozConnectionId = await connectSmoozTo(smooz, manual, '本番 PostgreSQL');
});

afterAll(async () => {
  await server.close();
});

describe('a setup made by hand from the manual', () => {
  it('carries SMOOZ’s traffic to the real PostgreSQL before the app touches it', async () => {
    expect(await smooz.testConnectivity(smoozConnectionId)).toMatchObject({
      outcome: 'succeeded',
      checked: 'query',
    });
  });
});
