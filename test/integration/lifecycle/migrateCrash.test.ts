import { DescribeVpcEndpointsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createSmoozClient, type SmoozApi } from '../../../main/smooz/smoozApiClient';
import {
  MIGRATION_STEPS,
  type MigrationState,
  type MigrationStep,
} from '../../../shared/lifecycle/migrate';
import { accountSnapshot } from '../../support/accountSnapshot';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';
import {
  connectSmoozTo,
  deployManualSetup,
  motoVpcResolver,
} from '../../support/lifecycle/manualSetup';
import { resetMoto } from '../../support/motoServer';
import { seedCustomerAccount } from '../../support/seedAccount';
import { startSmoozServer, type SmoozServer } from '../../smooz-server/smoozServer';
import { worldDataSources } from '../../smooz-server/worldDataSources';
import { ADMIN_TOKEN } from '../smooz/harness';
import { connectivityLoop, migrationApp } from './migrationHarness';

const SMOOZ_ACCOUNT = '210987654321';
const endpoint = inject('motoEndpoint');
const worldFile = inject('testWorldFile');
let server: SmoozServer | undefined;

afterEach(async () => {
  await server?.close();
});

/** SMOOZ's live interface endpoints, as SMOOZ's own account sees them. */
async function smoozEndpoints(): Promise<string[]> {
  const ec2 = new EC2Client({
    region: motoContext.region,
    endpoint,
    credentials: { accessKeyId: 'AKIASMOOZREFERENCE00', secretAccessKey: 'smooz-reference' },
  });
  ec2.middlewareStack.add(
    (next) => async (args) => {
      (args.request as { headers: Record<string, string> }).headers['x-moto-account-id'] =
        SMOOZ_ACCOUNT;
      return next(args);
    },
    { step: 'build', name: 'smoozAccount' },
  );
  const found = await ec2.send(new DescribeVpcEndpointsCommand({}));
  ec2.destroy();
  return (found.VpcEndpoints ?? [])
    .filter((e) => e.State?.toLowerCase() !== 'deleted')
    .map((e) => `${e.ServiceName}`);
}

/** Where the crash hits: after the action, just before the transition that records it is kept. */
type CrashPoint = 'newSetupPlanned' | MigrationStep;
const recorded = (point: CrashPoint, state: MigrationState) =>
  point === 'newSetupPlanned'
    ? state.newConnectionId !== undefined && state.completed.length === 0
    : state.completed.some((c) => c.step === point);

describe('a crash at each migration step', () => {
  it.each<CrashPoint>(['newSetupPlanned', ...MIGRATION_STEPS])(
    'resumes after a crash at %s to the same end, nothing duplicated or orphaned',
    async (point) => {
      await resetMoto(endpoint);
      const seeded = await seedCustomerAccount(endpoint);
      server = await startSmoozServer({
        motoEndpoint: endpoint,
        smoozAccountId: SMOOZ_ACCOUNT,
        adminTokens: [ADMIN_TOKEN],
        transitionDelayMs: 100,
        dataSources: worldDataSources(worldFile),
      });
      const smooz: SmoozApi = createSmoozClient({
        baseUrl: server.url,
        token: async () => ADMIN_TOKEN,
        maxAttempts: 1,
      });
      const before = await accountSnapshot(endpoint);
      const manual = await deployManualSetup(endpoint, worldFile, seeded, {
        stackName: 'smooz-privatelink',
        functionName: 'smooz-privatelink-function',
      });
      const connectionId = await connectSmoozTo(smooz, manual, '本番 PostgreSQL');
      const finder = {
        config: motoAppConfig(endpoint),
        contextFor: async (_p: string, region: string) => ({ ...motoContext, region }),
        smooz,
        resolve: motoVpcResolver(endpoint),
      };

      let crashed = false;
      const first = migrationApp(endpoint, smooz, finder, {
        wrap: (deps) => ({
          ...deps,
          migrations: {
            ...deps.migrations,
            save(state) {
              // The process dies at this point: this save and every later one never happen.
              if (crashed || recorded(point, state)) {
                crashed = true;
                throw new Error(`crash at ${point}`);
              }
              deps.migrations.save(state);
            },
          },
        }),
      });
      await first.lifecycle.scan('moto', 'ap-northeast-1');
      await first.lifecycle.adopt({
        profile: 'moto',
        region: 'ap-northeast-1',
        key: manual.endpointServiceId,
        name: '本番 PostgreSQL',
      });
      const loop = connectivityLoop(smooz, connectionId);
      await first.migrator.start(manual.endpointServiceId, {
        connectionName: '本番 PostgreSQL',
        database: { kind: 'instance', identifier: seeded.postgres.identifier },
        authMethod: 'password',
        smoozAccountId: SMOOZ_ACCOUNT,
      });
      await first.migrator.settled(manual.endpointServiceId);
      expect(crashed).toBe(true);

      const reopened = migrationApp(endpoint, smooz, finder, { userDataDir: first.userDataDir });
      expect(reopened.migrator.get(manual.endpointServiceId)?.phase).toBe('running');
      reopened.migrator.resumeInterrupted();
      const end = await reopened.migrator.settled(manual.endpointServiceId);
      const { count, failures } = await loop.stop();

      expect(end.phase).toBe('done');
      expect(failures).toEqual([]);
      expect(count).toBeGreaterThan(0);
      const newService = end.newSetup?.endpointServiceName;
      expect(await smooz.listConnections()).toMatchObject({
        items: [{ id: connectionId, endpointServiceName: newService, status: 'available' }],
      });
      expect(await smoozEndpoints()).toEqual([newService]);
      const after = await accountSnapshot(endpoint);
      // Exactly one new setup beside the seeded account: the old one is gone, no second copy.
      expect(after.stacks).toHaveLength(before.stacks.length + 1);
      expect(after.endpointServices).toHaveLength(before.endpointServices.length + 1);
      expect(after.loadBalancers).toHaveLength(before.loadBalancers.length + 1);
      expect(after.functions).not.toContain(manual.functionName);
    },
    240_000,
  );
});
