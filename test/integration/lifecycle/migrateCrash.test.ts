import { DescribeVpcEndpointsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { afterEach, describe, expect, inject, it } from 'vitest';
import {
  MIGRATION_STEPS,
  type MigrationState,
  type MigrationStep,
} from '../../../shared/lifecycle/migrate';
import { accountSnapshot } from '../../support/accountSnapshot';
import { motoContext } from '../../support/awsTestConfig';
import {
  adoptHandMade,
  migrationRequest,
  SMOOZ_ACCOUNT,
  startHandMadeWorld,
  type HandMadeWorld,
} from '../../support/lifecycle/handMadeWorld';
import { connectivityLoop, migrationApp } from './migrationHarness';

const endpoint = inject('motoEndpoint');
let world: HandMadeWorld | undefined;

afterEach(async () => {
  await world?.close();
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
      world = await startHandMadeWorld(endpoint, inject('testWorldFile'), { smoozDelayMs: 100 });
      const { smooz, manual, smoozConnectionId: connectionId, beforeManual: before } = world;
      let crashed = false;
      const first = migrationApp(endpoint, world, {
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
      await adoptHandMade(first.lifecycle, world);
      const loop = connectivityLoop(smooz, connectionId);
      await first.migrator.start(manual.endpointServiceId, migrationRequest(world));
      await first.migrator.settled(manual.endpointServiceId);
      expect(crashed).toBe(true);

      const reopened = migrationApp(endpoint, world, { userDataDir: first.userDataDir });
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
