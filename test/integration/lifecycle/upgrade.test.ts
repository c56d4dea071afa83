import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import {
  CloudFormationClient,
  DescribeStacksCommand,
  ListChangeSetsCommand,
} from '@aws-sdk/client-cloudformation';
import {
  DescribeVpcEndpointServiceConfigurationsCommand,
  DescribeVpcEndpointServicePermissionsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { GetFunctionConfigurationCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAwsClient } from '../../../main/aws/clientFactory';
import { silentLogger } from '../../../main/base/logger';
import { createEngineClients } from '../../../main/engine/engineClients';
import { storeOptions, type PersistedState } from '../../../main/app/storeSchema';
import {
  createStoreUpgradeRepository,
  type UpgradeRepository,
} from '../../../main/lifecycle/upgradeRepository';
import { createUpgrader, type Upgrader } from '../../../main/lifecycle/upgrader';
import { engineLedger } from '../../../main/lifecycle/connectionLedger';
import type { UpgradeState } from '../../../shared/lifecycle/upgrade';
import {
  SMOOZ_TEMPLATE_VERSION,
  templateVersionFromOutputs,
} from '../../../shared/stack/templateVersion';
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
} from '../../support/engineFlows';
import { SmoozAwsAccount } from '../../smooz-server/smoozAwsAccount';
import { AppError } from '../../../shared/errors';
import {
  failingUpdateTemplate,
  internetFacingTemplate,
  versionOneTemplate,
} from '../../support/lifecycle/olderTemplates';
import { stackToVersionTwo } from '../../support/lifecycle/versionTwoConnection';
import { resetMoto } from '../../support/motoServer';
import { seedCustomerAccount, type SeededAccount } from '../../support/seedAccount';
import { realClock } from '../../../main/base/clock';

const endpoint = inject('motoEndpoint');
const cfn = createAwsClient(CloudFormationClient, motoAppConfig(endpoint), motoContext);
const lambda = createAwsClient(LambdaClient, motoAppConfig(endpoint), motoContext);
const ec2 = createAwsClient(EC2Client, motoAppConfig(endpoint), motoContext);
let seeded: SeededAccount;

beforeAll(async () => {
  await resetMoto(endpoint);
  seeded = await seedCustomerAccount(endpoint);
});

interface Deployed {
  readonly harness: EngineHarness;
  readonly connectionId: string;
  readonly stackName: string;
}

/** A connection this app made with an older release's template. */
async function deployWith(name: string, template: (current: string) => string): Promise<Deployed> {
  const body = template(await currentTemplate());
  const harness = createEngineHarness(endpoint, { loadTemplate: async () => body });
  const created = await harness.engine.create(postgresRequest(seeded, name));
  const state = await driveToEnd(harness.engine, created.plan.connectionId);
  expect(state.step).toBe('complete');
  return { harness, connectionId: state.plan.connectionId, stackName: state.plan.stackName };
}

/** The upgrader as the app assembles it, on a store in `dir` (the same dir = a restart). */
function upgraderFor(
  deployed: Deployed,
  options: {
    readonly dir?: string;
    readonly template?: () => Promise<string>;
    readonly wrap?: (r: UpgradeRepository) => UpgradeRepository;
    readonly smoozRoleArn?: () => Promise<string>;
  } = {},
): { upgrader: Upgrader; dir: string } {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'smooz-upgrade-'));
  const store = new Conf<PersistedState>({ ...storeOptions('0.1.0'), cwd: dir });
  const records = createStoreUpgradeRepository(store, silentLogger);
  const upgrader = createUpgrader({
    connection: (id) => {
      const flow = deployed.harness.engine.list().find((f) => f.plan.connectionId === id);
      return flow?.step === 'complete' ? flow.plan : undefined;
    },
    clientsFor: async (_profile, region) =>
      createEngineClients(motoAppConfig(endpoint), { ...motoContext, region }),
    loadTemplate: options.template ?? currentTemplate,
    records: options.wrap ? options.wrap(records) : records,
    ledger: engineLedger(deployed.harness.engine),
    timing: { clock: realClock, poll: { fastMs: 10, idleMaxMs: 40 } },
    smoozRoleArn: options.smoozRoleArn ?? (async () => SMOOZ_ROLE_ARN),
  });
  return { upgrader, dir };
}

async function stackOf(name: string) {
  const stack = (await cfn.send(new DescribeStacksCommand({ StackName: name }))).Stacks?.[0];
  return {
    status: stack?.StackStatus,
    version: templateVersionFromOutputs(stack?.Outputs ?? []),
  };
}

const changeSetsOf = async (stackName: string) =>
  (await cfn.send(new ListChangeSetsCommand({ StackName: stackName }))).Summaries ?? [];

/** The NLB and endpoint service SMOOZ's endpoint hangs on, from an independent snapshot. */
const protectedIds = async () => {
  const snapshot = await accountSnapshot(endpoint);
  return { loadBalancers: snapshot.loadBalancers, endpointServices: snapshot.endpointServices };
};

describe('updating a connection made on template v1 in place', () => {
  it('reviews a safe Modify, applies it and ends on the current version with the same NLB and endpoint service', async () => {
    const deployed = await deployWith('upgrade-safe', versionOneTemplate);
    const { upgrader } = upgraderFor(deployed);
    expect(await upgrader.check(deployed.connectionId)).toMatchObject({
      stackVersion: 1,
      currentVersion: SMOOZ_TEMPLATE_VERSION,
    });

    const review = await upgrader.preview(deployed.connectionId);
    expect(review.step).toBe('reviewing');
    const changes = ('changes' in review && review.changes) || [];
    expect(changes).toContainEqual({
      logicalResourceId: 'UpdaterFunction',
      resourceType: 'AWS::Lambda::Function',
      action: 'Modify',
      replacement: 'False',
      properties: ['Timeout'],
    });
    expect(changes.filter((c) => c.replacement === 'True')).toEqual([]);

    const before = await protectedIds();
    const seen: UpgradeState['step'][] = [];
    const unsubscribe = upgrader.subscribe((s) => seen.push(s.step));
    const result = await upgrader.apply(deployed.connectionId);
    unsubscribe();

    expect(result).toMatchObject({ step: 'done', alreadyCurrent: false });
    expect(seen[0]).toBe('applying');
    expect(await stackOf(deployed.stackName)).toEqual({
      status: 'UPDATE_COMPLETE',
      version: SMOOZ_TEMPLATE_VERSION,
    });
    expect(await protectedIds()).toEqual(before);
    const updater = await lambda.send(
      new GetFunctionConfigurationCommand({
        FunctionName: deployed.harness.engine.get(deployed.connectionId).plan.lambdaFunctionName,
      }),
    );
    expect(updater.Timeout).toBe(60);
    expect(await upgrader.check(deployed.connectionId)).toMatchObject({
      stackVersion: SMOOZ_TEMPLATE_VERSION,
    });
  });

  it('finds a stack already on the current template and changes nothing', async () => {
    const deployed = await deployWith('upgrade-current', (t) => t);
    const { upgrader } = upgraderFor(deployed);
    expect(await upgrader.preview(deployed.connectionId)).toMatchObject({
      step: 'done',
      alreadyCurrent: true,
    });
    expect(await changeSetsOf(deployed.stackName)).toEqual([]);
  });
});

/**
 * A connection as template v2 left it: its stack on v2 (⑧ SMOOZ's account, whose root the
 * endpoint service allows; no acceptance) and its plan saved without a role, as v2 plans were.
 */
async function deployVersionTwo(name: string): Promise<Deployed> {
  const deployed = await deployWith(name, (t) => t);
  await stackToVersionTwo(endpoint, deployed.harness, deployed.connectionId);
  expect(await stackOf(deployed.stackName)).toMatchObject({ version: 2 });
  return deployed;
}

/** Who may connect to the connection's endpoint service, and whether it waits for acceptance. */
async function serviceAccess(deployed: Deployed) {
  const serviceId = (
    await cfn.send(new DescribeStacksCommand({ StackName: deployed.stackName }))
  ).Stacks?.[0]?.Outputs?.find((o) => o.OutputKey === 'EndpointServiceId')?.OutputValue;
  const permissions = await ec2.send(
    new DescribeVpcEndpointServicePermissionsCommand({ ServiceId: serviceId }),
  );
  const service = await ec2.send(
    new DescribeVpcEndpointServiceConfigurationsCommand({ ServiceIds: [serviceId ?? ''] }),
  );
  const configuration = service.ServiceConfigurations?.[0];
  return {
    principals: permissions.AllowedPrincipals?.map((p) => p.Principal),
    acceptanceRequired: configuration?.AcceptanceRequired,
    serviceName: configuration?.ServiceName ?? '',
  };
}

describe('updating a connection made on template v2 (SMOOZ’s whole account, no acceptance)', () => {
  const smoozAws = new SmoozAwsAccount({ endpoint, accountId: SMOOZ_ACCOUNT_ID });
  afterAll(() => smoozAws.close());

  it('takes SMOOZ’s role from its settings, lists the principal change, keeps SMOOZ’s endpoint connected and requires acceptance from then on', async () => {
    const deployed = await deployVersionTwo('upgrade-v2');
    const before = await serviceAccess(deployed);
    expect(before).toMatchObject({
      principals: [`arn:aws:iam::${SMOOZ_ACCOUNT_ID}:root`],
      acceptanceRequired: false,
    });
    const zoneIds = deployed.harness.engine.get(deployed.connectionId).outputs?.availabilityZoneIds;
    const region = seeded.region;
    const existing = await smoozAws.createEndpoint(region, before.serviceName, zoneIds ?? [], 'v2');
    if (existing.kind !== 'created') throw new Error('SMOOZ’s endpoint was not created');
    expect(await smoozAws.endpointState(region, existing.vpcEndpointId)).toBe('available');

    let asked = 0;
    const { upgrader } = upgraderFor(deployed, {
      smoozRoleArn: async () => {
        asked += 1;
        return SMOOZ_ROLE_ARN;
      },
    });
    const review = await upgrader.preview(deployed.connectionId);
    expect(asked).toBe(1);
    expect(review).toMatchObject({
      step: 'reviewing',
      fromVersion: 2,
      principalChange: { fromAccountId: SMOOZ_ACCOUNT_ID, toRoleArn: SMOOZ_ROLE_ARN },
    });
    const changes = ('changes' in review && review.changes) || [];
    expect(changes).toContainEqual(
      expect.objectContaining({
        logicalResourceId: 'EndpointServicePermissions',
        action: 'Modify',
        properties: ['AllowedPrincipals'],
      }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({
        logicalResourceId: 'EndpointService',
        action: 'Modify',
        replacement: 'False',
        properties: ['AcceptanceRequired'],
      }),
    );

    expect(await upgrader.apply(deployed.connectionId)).toMatchObject({
      step: 'done',
      principalChange: { toRoleArn: SMOOZ_ROLE_ARN },
    });
    expect(await stackOf(deployed.stackName)).toEqual({
      status: 'UPDATE_COMPLETE',
      version: SMOOZ_TEMPLATE_VERSION,
    });
    expect(await serviceAccess(deployed)).toMatchObject({
      principals: [SMOOZ_ROLE_ARN],
      acceptanceRequired: true,
      serviceName: before.serviceName,
    });
    // As on AWS: the connection accepted before stays; a new request waits for the app.
    expect(await smoozAws.endpointState(region, existing.vpcEndpointId)).toBe('available');
    const later = await smoozAws.createEndpoint(region, before.serviceName, zoneIds ?? [], 'v3');
    if (later.kind !== 'created') throw new Error('SMOOZ’s second endpoint was not created');
    expect(await smoozAws.endpointState(region, later.vpcEndpointId)).toBe('pendingacceptance');
    for (const e of [existing, later]) await smoozAws.deleteEndpoint(region, e.vpcEndpointId);
  });

  it('says why and changes nothing when SMOOZ’s settings cannot give the role', async () => {
    const deployed = await deployVersionTwo('upgrade-v2-no-role');
    const { upgrader } = upgraderFor(deployed, {
      smoozRoleArn: async () => {
        throw new AppError('smooz.unauthorized');
      },
    });
    expect(await upgrader.preview(deployed.connectionId)).toMatchObject({
      step: 'failed',
      failedIn: 'preparing',
      error: { code: 'lifecycle.smoozRoleUnavailable', params: { cause: 'smooz.unauthorized' } },
    });
    expect(await changeSetsOf(deployed.stackName)).toEqual([]);
    expect(await stackOf(deployed.stackName)).toMatchObject({ version: 2 });
    expect((await serviceAccess(deployed)).principals).toEqual([
      `arn:aws:iam::${SMOOZ_ACCOUNT_ID}:root`,
    ]);
  });
});

describe('a change set that would replace the NLB', () => {
  it('is refused with the replaced resource named, deleted, and nothing applied', async () => {
    const deployed = await deployWith('upgrade-nlb', internetFacingTemplate);
    const before = await protectedIds();
    const { upgrader } = upgraderFor(deployed);

    const refused = await upgrader.preview(deployed.connectionId);
    expect(refused).toMatchObject({
      step: 'refused',
      blocking: [
        {
          logicalResourceId: 'LoadBalancer',
          resourceType: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
          action: 'Modify',
          replacement: 'True',
          properties: ['Scheme'],
        },
      ],
    });
    expect(await changeSetsOf(deployed.stackName)).toEqual([]);
    await expect(upgrader.apply(deployed.connectionId)).rejects.toMatchObject({
      code: 'lifecycle.upgradeNotReviewed',
    });
    expect(await stackOf(deployed.stackName)).toEqual({ status: 'CREATE_COMPLETE', version: 1 });
    expect(await protectedIds()).toEqual(before);
  });
});

describe('an update that fails', () => {
  it('is rolled back by CloudFormation and reported with the failing resource and AWS’s reason', async () => {
    const deployed = await deployWith('upgrade-fails', versionOneTemplate);
    const { upgrader } = upgraderFor(deployed, {
      template: async () => failingUpdateTemplate(await currentTemplate()),
    });
    expect((await upgrader.preview(deployed.connectionId)).step).toBe('reviewing');
    const result = await upgrader.apply(deployed.connectionId);
    expect(result).toMatchObject({
      step: 'rolledBack',
      failure: {
        stackStatus: 'UPDATE_ROLLBACK_COMPLETE',
        logicalResourceId: 'UpdaterFunction',
        resourceType: 'AWS::Lambda::Function',
        reason: expect.stringMatching(/memorySize/),
      },
    });
    expect(await stackOf(deployed.stackName)).toEqual({
      status: 'UPDATE_ROLLBACK_COMPLETE',
      version: 1,
    });
  });
});

class SimulatedCrash extends Error {}

/** Dies right after the first save that matches: that save is on disk, nothing after it is. */
function crashAfter(matches: (s: UpgradeState) => boolean) {
  let dead = false;
  const alive = () => {
    if (dead) throw new SimulatedCrash('crashed');
  };
  return (records: UpgradeRepository): UpgradeRepository => ({
    load: (id) => (alive(), records.load(id)),
    list: () => (alive(), records.list()),
    save(state) {
      alive();
      records.save(state);
      if (matches(state)) {
        dead = true;
        throw new SimulatedCrash('crashed');
      }
    },
  });
}

describe('an upgrade interrupted at each step', () => {
  const POINTS: [string, (s: UpgradeState) => boolean][] = [
    ['preparing saved, no change set yet', (s) => s.step === 'preparing'],
    ['reviewing saved (change set made, user not asked yet)', (s) => s.step === 'reviewing'],
    ['applying saved, change set not executed yet', (s) => s.step === 'applying'],
    ['the update executed and progressing', (s) => s.step === 'applying' && s.progress.done > 0],
  ];

  it.each(POINTS)(
    'resumes after a crash (%s) to the same end, nothing made twice',
    async (label, at) => {
      const deployed = await deployWith(
        `crash-${POINTS.findIndex(([l]) => l === label)}`,
        versionOneTemplate,
      );
      const before = await protectedIds();
      const first = upgraderFor(deployed, { wrap: crashAfter(at) });
      const run = async () => {
        await first.upgrader.preview(deployed.connectionId);
        await first.upgrader.apply(deployed.connectionId);
      };
      await expect(run()).rejects.toBeInstanceOf(SimulatedCrash);

      const restarted = upgraderFor(deployed, { dir: first.dir }).upgrader;
      await restarted.resumeInterrupted();
      if (restarted.get(deployed.connectionId)?.step === 'reviewing') {
        await restarted.apply(deployed.connectionId);
      }
      expect(restarted.get(deployed.connectionId)).toMatchObject({ step: 'done' });
      expect(await stackOf(deployed.stackName)).toEqual({
        status: 'UPDATE_COMPLETE',
        version: SMOOZ_TEMPLATE_VERSION,
      });
      expect(await changeSetsOf(deployed.stackName)).toEqual([]);
      expect(await protectedIds()).toEqual(before);
    },
  );
});
