import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import {
  CloudFormationClient,
  DescribeStacksCommand,
  ListChangeSetsCommand,
} from '@aws-sdk/client-cloudformation';
import { GetFunctionConfigurationCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createAwsClient } from '../../../main/aws/clientFactory';
import { silentLogger } from '../../../main/base/logger';
import { createEngineClients } from '../../../main/engine/engineClients';
import { storeOptions, type PersistedState } from '../../../main/app/storeSchema';
import {
  createStoreUpgradeRepository,
  type UpgradeRepository,
} from '../../../main/lifecycle/upgradeRepository';
import { createUpgrader, type Upgrader } from '../../../main/lifecycle/upgrader';
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
import { driveToEnd, postgresRequest } from '../../support/engineFlows';
import {
  failingUpdateTemplate,
  internetFacingTemplate,
  versionOneTemplate,
} from '../../support/lifecycle/olderTemplates';
import { resetMoto } from '../../support/motoServer';
import { seedCustomerAccount, type SeededAccount } from '../../support/seedAccount';
import { realClock } from '../../../main/base/clock';

const endpoint = inject('motoEndpoint');
const cfn = createAwsClient(CloudFormationClient, motoAppConfig(endpoint), motoContext);
const lambda = createAwsClient(LambdaClient, motoAppConfig(endpoint), motoContext);
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
    timing: { clock: realClock, poll: { fastMs: 10, idleMaxMs: 40 } },
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
    expect(await upgrader.check(deployed.connectionId)).toMatchObject({ stackVersion: 2 });
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
