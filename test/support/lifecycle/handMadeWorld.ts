import { afterAll, beforeAll, inject } from 'vitest';
import type { FinderDeps } from '../../../main/lifecycle/findSetups';
import type { AdoptionRepository } from '../../../main/lifecycle/adoptionRepository';
import {
  createLifecycleService,
  type LifecycleService,
} from '../../../main/lifecycle/lifecycleService';
import { realClock } from '../../../main/base/clock';
import { createSmoozClient, type SmoozApi } from '../../../main/smooz/smoozApiClient';
import type { AdoptionState } from '../../../shared/lifecycle/adopt';
import type { NewSetupRequest } from '../../../shared/lifecycle/migrate';
import { startSmoozServer, type SmoozServer } from '../../smooz-server/smoozServer';
import { worldDataSources } from '../../smooz-server/worldDataSources';
import { accountSnapshot, type AccountSnapshot } from '../accountSnapshot';
import { motoAppConfig, motoContext } from '../awsTestConfig';
import { resetMoto } from '../motoServer';
import { seedCustomerAccount, type SeededAccount } from '../seedAccount';
import { motoVpcResolver, setUpByHand, type ManualDeployment } from './manualSetup';

export const SMOOZ_ACCOUNT = '210987654321';
/** The name the engineer gave SMOOZ's connection, and the user gives it again in the app. */
export const CONNECTION_NAME = '本番 PostgreSQL';
const ADMIN_TOKEN = 'smooz-lifecycle-admin-token-0123456789';
/** Short polls on the real clock: moto and SMOOZ's reference server answer at once. */
export const MOTO_POLLING = { clock: realClock, poll: { fastMs: 50, idleMaxMs: 50 } };

/** A customer account with a setup made by hand from the manual, which SMOOZ already uses. */
export interface HandMadeWorld {
  readonly seeded: SeededAccount;
  /** SMOOZ's API, signed in as an admin of SMOOZ's customer. */
  readonly smooz: SmoozApi;
  readonly manual: ManualDeployment;
  readonly smoozConnectionId: string;
  /** The finder's dependencies as the app gives them, on the emulated account and its DNS. */
  readonly finder: FinderDeps;
  /** The seeded account before the manual's parts were made. */
  readonly beforeManual: AccountSnapshot;
  close(): Promise<void>;
}

/**
 * A fresh emulated account (moto reset and seeded), the SMOOZ reference server logging in to the
 * test world's databases, and the manual followed to the end (SMOOZ connected through it).
 */
export async function startHandMadeWorld(
  motoEndpoint: string,
  worldFile: string,
  options: { readonly smoozDelayMs: number },
): Promise<HandMadeWorld> {
  await resetMoto(motoEndpoint);
  const seeded = await seedCustomerAccount(motoEndpoint);
  const server: SmoozServer = await startSmoozServer({
    motoEndpoint,
    smoozAccountId: SMOOZ_ACCOUNT,
    adminTokens: [ADMIN_TOKEN],
    transitionDelayMs: options.smoozDelayMs,
    dataSources: worldDataSources(worldFile),
  });
  const smooz = createSmoozClient({
    baseUrl: server.url,
    token: async () => ADMIN_TOKEN,
    maxAttempts: 1,
  });
  const beforeManual = await accountSnapshot(motoEndpoint);
  const byHand = await setUpByHand(motoEndpoint, worldFile, seeded, smooz, CONNECTION_NAME);
  return {
    seeded,
    smooz,
    ...byHand,
    finder: {
      config: motoAppConfig(motoEndpoint),
      contextFor: async (_profile, region) => ({ ...motoContext, region }),
      smooz,
      resolve: motoVpcResolver(motoEndpoint),
    },
    beforeManual,
    close: () => server.close(),
  };
}

/**
 * One world for all the tests of a file: started before the first, closed after the last. The
 * function returned hands it to a test or a later hook.
 */
export function handMadeWorldPerFile(options: {
  readonly smoozDelayMs: number;
}): () => HandMadeWorld {
  let world: HandMadeWorld | undefined;
  beforeAll(async () => {
    world = await startHandMadeWorld(inject('motoEndpoint'), inject('testWorldFile'), options);
  }, 180_000);
  afterAll(async () => {
    await world?.close();
  });
  return () => {
    if (!world) throw new Error('the hand-made world did not start');
    return world;
  };
}

/**
 * The lifecycle service as the app assembles it, on the world's finder and SMOOZ, keeping its
 * adoptions in `adoptions`.
 */
export function lifecycleServiceFor(
  world: Pick<HandMadeWorld, 'finder' | 'smooz'>,
  adoptions: AdoptionRepository,
  connectionIds: () => readonly string[],
): LifecycleService {
  return createLifecycleService({
    finder: world.finder,
    teardown: {
      smooz: world.smooz,
      timing: MOTO_POLLING,
      smoozDeadlineMs: 20_000,
    },
    adoptions,
    connectionIds,
  });
}

/** Scans and adopts the hand-made setup under its SMOOZ name, as the user does from home. */
export async function adoptHandMade(
  lifecycle: LifecycleService,
  world: HandMadeWorld,
): Promise<AdoptionState> {
  await lifecycle.scan('moto', motoContext.region);
  return lifecycle.adopt({
    profile: 'moto',
    region: motoContext.region,
    key: world.manual.endpointServiceId,
    name: CONNECTION_NAME,
  });
}

/** What the user asks of the setup a migration makes: the same PostgreSQL, by password. */
export const migrationRequest = (world: HandMadeWorld): NewSetupRequest => ({
  connectionName: CONNECTION_NAME,
  database: { kind: 'instance', identifier: world.seeded.postgres.identifier },
  authMethod: 'password',
  smoozAccountId: SMOOZ_ACCOUNT,
});
