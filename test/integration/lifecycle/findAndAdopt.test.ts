import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findSetups, type FinderDeps } from '../../../main/lifecycle/findSetups';
import { createSmoozClient, type SmoozApi } from '../../../main/smooz/smoozApiClient';
import { diagnose } from '../../../shared/lifecycle/diagnosis';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';
import { startSmoozServer, type SmoozServer } from '../../smooz-server/smoozServer';
import { worldDataSources } from '../../smooz-server/worldDataSources';
import {
  connectSmoozTo,
  deployManualSetup,
  motoVpcResolver,
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
let finder: FinderDeps;

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
  finder = {
    config: motoAppConfig(endpoint),
    contextFor: async (_profile, region) => ({ ...motoContext, region }),
    smooz,
    resolve: motoVpcResolver(endpoint),
  };
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

describe('finding and diagnosing it', () => {
  const scan = () => findSetups(finder, { profile: 'moto', region: 'ap-northeast-1' });

  it('finds it by what it is: service → NLB → target group → PostgreSQL, its Python updater and rule', async () => {
    const { setups, smoozAccountId } = await scan();
    expect(smoozAccountId).toBe(SMOOZ_ACCOUNT);
    expect(setups).toHaveLength(1);
    const [setup] = setups;
    expect(setup).toMatchObject({
      key: manual.endpointServiceId,
      origin: 'handMade',
      stack: { name: 'smooz-privatelink', status: 'CREATE_COMPLETE' },
      endpointService: {
        name: manual.endpointServiceName,
        allowedPrincipals: [`arn:aws:iam::${SMOOZ_ACCOUNT}:root`],
      },
      loadBalancer: {
        arn: manual.loadBalancerArn,
        crossZone: false,
        zones: [{ name: 'ap-northeast-1a' }],
      },
      targetGroups: [{ arn: manual.targetGroupArn, port: 5432 }],
      database: { kind: 'instance', identifier: 'customer-postgres', multiAz: true, port: 5432 },
      updater: {
        functionName: 'smooz-privatelink-function',
        runtime: 'python3.9',
        inVpc: true,
        egress: 'nat',
        triggers: [{ kind: 'rdsEvent', eventCategories: ['failover'], enabled: true }],
      },
      smooz: { connectionId: smoozConnectionId, status: 'available' },
      connectivity: { ran: true, outcome: 'succeeded', checked: 'query' },
    });
    expect(setup?.stack?.templateVersion).toBeUndefined();
    expect(setup?.database?.addresses).toEqual(
      setup?.targetGroups[0]?.targets.map((t) => t.address),
    );
  });

  it('diagnoses the manual’s known problems, SMOOZ’s working connection first', async () => {
    const [setup] = (await scan()).setups;
    if (!setup) throw new Error('not found');
    const findings = diagnose(setup, { today: '2026-12-02', smoozAccountId: SMOOZ_ACCOUNT });
    expect(findings[0]).toMatchObject({ id: 'connectivitySucceeded', severity: 'ok' });
    expect(findings.map((f) => f.id).sort()).toEqual(
      [
        'connectivitySucceeded',
        'runtimeDeprecated',
        'singleAzForMultiAzDatabase',
        'noCrossZone',
        'noScheduleBackstop',
        'narrowRdsEvents',
        'egressThroughNat',
        'ingressWiderThanLoadBalancer',
        'openToWholeSmoozAccount',
        'handMade',
      ].sort(),
    );
  });
});
