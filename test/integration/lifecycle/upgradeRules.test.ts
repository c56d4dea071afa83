import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import {
  AuthorizeSecurityGroupIngressCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAwsClient } from '../../../main/aws/clientFactory';
import { realClock } from '../../../main/base/clock';
import { silentLogger } from '../../../main/base/logger';
import { storeOptions, type PersistedState } from '../../../main/app/storeSchema';
import { createEngineClients } from '../../../main/engine/engineClients';
import { ruleDescription } from '../../../main/engine/tags';
import { engineLedger, type ConnectionLedger } from '../../../main/lifecycle/connectionLedger';
import { createUpgrader, type Upgrader } from '../../../main/lifecycle/upgrader';
import {
  createStoreUpgradeRepository,
  type UpgradeRepository,
} from '../../../main/lifecycle/upgradeRepository';
import { createSmoozClient, type SmoozApi } from '../../../main/smooz/smoozApiClient';
import type { StateAt } from '../../../shared/flow/state';
import { startSmoozServer, type SmoozServer } from '../../smooz-server/smoozServer';
import { worldDataSources } from '../../smooz-server/worldDataSources';
import { accountSnapshot } from '../../support/accountSnapshot';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';
import {
  createEngineHarness,
  currentTemplate,
  type EngineHarness,
} from '../../support/engineHarness';
import {
  driveToEnd,
  postgresRequest,
  SMOOZ_ACCOUNT_ID,
  SMOOZ_ROLE_ARN,
  tearDownFully,
} from '../../support/engineFlows';
import { loadBalancerInterfaces } from '../../support/loadBalancerInterfaces';
import { smoozConnectionAvailable } from '../../support/lifecycle/manualSetup';
import { rulesToVersionTwo, stackToVersionTwo } from '../../support/lifecycle/versionTwoConnection';
import { resetMoto } from '../../support/motoServer';
import { seedCustomerAccount, type SeededAccount } from '../../support/seedAccount';

const endpoint = inject('motoEndpoint');
const ec2 = createAwsClient(EC2Client, motoAppConfig(endpoint), motoContext);
const ADMIN_TOKEN = 'smooz-upgrade-rules-admin-token-0123456789';
/** A connection made elsewhere (another computer, an earlier release) sharing a subnet rule. */
const OTHER_CONNECTION = 'conn-other-v2';
const OTHER_DESCRIPTION = ruleDescription([OTHER_CONNECTION], 'load balancer subnet');
/** The customer's own rule, identical to one the connection needs: used, never owned. */
const HAND_MADE_DESCRIPTION = 'office VPN (added by hand)';

let seeded: SeededAccount;
let server: SmoozServer;
let smooz: SmoozApi;

beforeAll(async () => {
  await resetMoto(endpoint);
  seeded = await seedCustomerAccount(endpoint);
  server = await startSmoozServer({
    motoEndpoint: endpoint,
    smoozAccountId: SMOOZ_ACCOUNT_ID,
    adminTokens: [ADMIN_TOKEN],
    transitionDelayMs: 0,
    dataSources: worldDataSources(inject('testWorldFile')),
  });
  smooz = createSmoozClient({
    baseUrl: server.url,
    token: async () => ADMIN_TOKEN,
    maxAttempts: 1,
  });
}, 120_000);

afterAll(async () => {
  await server?.close();
});

/** The database group's inbound ranges on the database port, with their descriptions. */
async function databaseRanges(): Promise<Map<string, string>> {
  const group = (
    await ec2.send(
      new DescribeSecurityGroupsCommand({ GroupIds: [seeded.postgres.securityGroupId] }),
    )
  ).SecurityGroups?.[0];
  return new Map(
    (group?.IpPermissions ?? [])
      .filter((p) => p.FromPort === seeded.postgres.port)
      .flatMap((p) => p.IpRanges ?? [])
      .map((r) => [r.CidrIp ?? '', r.Description ?? '']),
  );
}

/** SMOOZ's connection through the connection's endpoint service, once SMOOZ reports it up. */
async function connectSmooz(complete: StateAt<'complete'>): Promise<string> {
  const { outputs } = complete;
  const created = await smooz.createConnection(
    {
      name: complete.plan.connectionName,
      customerAwsAccountId: complete.plan.accountId,
      region: complete.plan.region,
      availabilityZones: outputs.availabilityZoneIds.map((id, i) => ({
        id,
        name: outputs.availabilityZones[i] ?? '',
      })),
      endpointServiceName: outputs.endpointServiceName,
      dbAuthMethod: 'password',
    },
    randomUUID(),
  );
  return smoozConnectionAvailable(smooz, created.id);
}

/** The upgrader as the app assembles it, on a store in `dir` (the same dir = a restart). */
function upgraderFor(
  harness: EngineHarness,
  options: {
    readonly dir?: string;
    readonly ledger?: (ledger: ConnectionLedger) => ConnectionLedger;
    readonly records?: (records: UpgradeRepository) => UpgradeRepository;
  } = {},
): { upgrader: Upgrader; dir: string } {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'smooz-upgrade-rules-'));
  const store = new Conf<PersistedState>({ ...storeOptions('0.1.0'), cwd: dir });
  const records = createStoreUpgradeRepository(store, silentLogger);
  const ledger = engineLedger(harness.engine);
  const upgrader = createUpgrader({
    connection: (id) => {
      const flow = harness.engine.list().find((f) => f.plan.connectionId === id);
      return flow?.step === 'complete' ? flow.plan : undefined;
    },
    clientsFor: async (_profile, region) =>
      createEngineClients(motoAppConfig(endpoint), { ...motoContext, region }),
    loadTemplate: currentTemplate,
    records: options.records ? options.records(records) : records,
    ledger: options.ledger ? options.ledger(ledger) : ledger,
    timing: { clock: realClock, poll: { fastMs: 10, idleMaxMs: 40 } },
    smoozRoleArn: async () => SMOOZ_ROLE_ARN,
  });
  return { upgrader, dir };
}

interface VersionTwoConnection {
  readonly harness: EngineHarness;
  readonly id: string;
  readonly complete: StateAt<'complete'>;
  readonly subnetCidrs: readonly string[];
  readonly sharedCidr: string;
  /** A subnet range the connection alone had a rule for. */
  readonly ownCidr: string;
  readonly handMadeCidr: string;
  readonly before: Awaited<ReturnType<typeof accountSnapshot>>;
}

/**
 * A connection as template v2's release left it — its stack on v2, the database admitting its
 * subnets' whole ranges — in an account where another connection already has a rule for one of
 * those ranges (so that rule lists both connections) and the customer made another by hand (so
 * the connection used it without owning it). `before` is the account before the connection.
 */
async function versionTwoConnection(name: string): Promise<VersionTwoConnection> {
  const harness = createEngineHarness(endpoint);
  const created = await harness.engine.create(postgresRequest(seeded, name));
  const { plan } = created;
  const subnets = await ec2.send(new DescribeSubnetsCommand({ SubnetIds: [...plan.subnetIds] }));
  const subnetCidrs = (subnets.Subnets ?? []).map((s) => s.CidrBlock ?? '').sort();
  const [sharedCidr, ownCidr, handMadeCidr] = subnetCidrs;
  if (subnetCidrs.length !== 3 || !sharedCidr || !ownCidr || !handMadeCidr) {
    throw new Error(`the plan has ${subnetCidrs.length} subnets, this test needs 3`);
  }
  const existing = await databaseRanges();
  for (const [cidr, description] of [
    [sharedCidr, OTHER_DESCRIPTION],
    [handMadeCidr, HAND_MADE_DESCRIPTION],
  ] as const) {
    if (existing.has(cidr)) continue;
    await ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: seeded.postgres.securityGroupId,
        IpPermissions: [
          {
            IpProtocol: 'tcp',
            FromPort: plan.database.port,
            ToPort: plan.database.port,
            IpRanges: [{ CidrIp: cidr, Description: description }],
          },
        ],
      }),
    );
  }
  const before = await accountSnapshot(endpoint);
  const end = await driveToEnd(harness.engine, plan.connectionId);
  if (end.step !== 'complete') throw new Error(`flow stopped at ${end.step}`);
  await stackToVersionTwo(endpoint, harness, plan.connectionId);
  await rulesToVersionTwo(endpoint, harness, plan.connectionId);
  const complete = harness.engine.get(plan.connectionId) as StateAt<'complete'>;
  return {
    harness,
    id: plan.connectionId,
    complete,
    subnetCidrs,
    sharedCidr,
    ownCidr,
    handMadeCidr,
    before,
  };
}

/** What the upgraded connection must end with, and what must stay as it was. */
async function expectLeastPrivilege(connection: VersionTwoConnection): Promise<void> {
  const { id, complete, sharedCidr, ownCidr, handMadeCidr } = connection;
  const nlb = await loadBalancerInterfaces(endpoint, complete.outputs.loadBalancerArn);
  const nlbCidrs = nlb.map((eni) => `${eni.address}/32`).sort();
  const ranges = await databaseRanges();
  const ours = [...ranges].filter(([, d]) => d.split(' ')[1]?.split(',').includes(id));
  expect(ours.map(([cidr]) => cidr).sort()).toEqual(nlbCidrs);
  // The shared range stays for the other connection, without this one's id; the hand-made one
  // stays as the customer made it; the range this connection alone held is gone.
  expect(ranges.get(sharedCidr)).toBe(OTHER_DESCRIPTION);
  expect(ranges.get(handMadeCidr)).toBe(HAND_MADE_DESCRIPTION);
  expect(ranges.has(ownCidr)).toBe(false);
  const ledger = connection.harness.engine.get(id).created;
  const ledgerCidrs = ledger.flatMap((r) =>
    r.kind === 'ingressRule' && r.source.type === 'cidr' ? [r.source.cidr] : [],
  );
  expect(ledgerCidrs.sort()).toEqual(nlbCidrs);
}

/** Tears the connection down and finds the account as it was before it, the shared rule too. */
async function expectCleanTeardown(connection: VersionTwoConnection): Promise<void> {
  const end = await tearDownFully(connection.harness.engine, connection.id);
  expect(end.step).toBe('tornDown');
  expect(await accountSnapshot(endpoint)).toEqual(connection.before);
  expect((await databaseRanges()).get(connection.sharedCidr)).toBe(OTHER_DESCRIPTION);
}

describe('an upgraded v2 connection ends as least-privileged as a new one', () => {
  it('admits the NLB’s /32s under its id, gives up only its share of a shared subnet rule, leaves the customer’s identical rule, keeps SMOOZ connected, and tears down to the account before it', async () => {
    const connection = await versionTwoConnection('upgrade-rules');
    const { id, sharedCidr, ownCidr, handMadeCidr } = connection;
    const v2Ranges = await databaseRanges();
    expect(v2Ranges.get(sharedCidr)).toBe(
      ruleDescription([OTHER_CONNECTION, id], 'load balancer subnet'),
    );
    expect(v2Ranges.get(ownCidr)).toBe(ruleDescription([id], 'load balancer'));
    expect(v2Ranges.get(handMadeCidr)).toBe(HAND_MADE_DESCRIPTION);
    const smoozConnection = await connectSmooz(connection.complete);
    expect(await smooz.testConnectivity(smoozConnection)).toMatchObject({ outcome: 'succeeded' });

    const { upgrader } = upgraderFor(connection.harness);
    const review = await upgrader.preview(id);
    const nlb = await loadBalancerInterfaces(endpoint, connection.complete.outputs.loadBalancerArn);
    expect(review).toMatchObject({
      step: 'reviewing',
      ruleChange: {
        fromCidrs: [sharedCidr, ownCidr],
        toCidrs: nlb.map((eni) => `${eni.address}/32`).sort(),
      },
    });
    const seen: string[] = [];
    const unsubscribe = upgrader.subscribe((s) => seen.push(s.step));
    expect(await upgrader.apply(id)).toMatchObject({ step: 'done', alreadyCurrent: false });
    unsubscribe();
    expect(seen).toContain('tighteningRules');
    expect(seen.indexOf('tighteningRules')).toBeGreaterThan(seen.lastIndexOf('applying'));

    await expectLeastPrivilege(connection);
    expect(await smooz.testConnectivity(smoozConnection)).toMatchObject({
      outcome: 'succeeded',
      checked: 'query',
    });

    await smooz.deleteConnection(smoozConnection);
    await expectCleanTeardown(connection);
  });

  it('resumes a crash between authorizing the /32s and giving up the subnet rules to the same end', async () => {
    const connection = await versionTwoConnection('upgrade-rules-crash');
    const { id } = connection;
    class SimulatedCrash extends Error {}
    const dead = { value: false };
    const alive = () => {
      if (dead.value) throw new SimulatedCrash('crashed');
    };
    // The /32s are authorized and in the ledger; the app dies as it turns to the subnet rules.
    const dying = upgraderFor(connection.harness, {
      ledger: (ledger) => ({
        created: (connectionId) => {
          alive();
          // Read by tightening only after the /32s are authorized and recorded.
          if (dying.upgrader.get(connectionId)?.step === 'tighteningRules') {
            dead.value = true;
            throw new SimulatedCrash('crashed');
          }
          return ledger.created(connectionId);
        },
        record: (connectionId, r) => (alive(), ledger.record(connectionId, r)),
        retire: (connectionId, r) => (alive(), ledger.retire(connectionId, r)),
      }),
      records: (records) => ({
        load: (key) => (alive(), records.load(key)),
        list: () => (alive(), records.list()),
        save: (state) => (alive(), records.save(state)),
      }),
    });
    expect((await dying.upgrader.preview(id)).step).toBe('reviewing');
    await expect(dying.upgrader.apply(id)).rejects.toBeInstanceOf(SimulatedCrash);
    // Halfway: the /32s are in, the subnet ranges still carry this connection's id.
    const nlb = await loadBalancerInterfaces(endpoint, connection.complete.outputs.loadBalancerArn);
    const halfway = await databaseRanges();
    for (const cidr of [
      connection.sharedCidr,
      connection.ownCidr,
      ...nlb.map((e) => `${e.address}/32`),
    ]) {
      expect(halfway.get(cidr)).toContain(id);
    }

    const restarted = upgraderFor(connection.harness, { dir: dying.dir }).upgrader;
    expect(restarted.get(id)?.step).toBe('tighteningRules');
    await restarted.resumeInterrupted();
    expect(restarted.get(id)).toMatchObject({ step: 'done' });

    await expectLeastPrivilege(connection);
    await expectCleanTeardown(connection);
  });
});
