import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createAwsClient } from '../../../main/aws/clientFactory';
import { readOutputs } from '../../../main/engine/stack';
import { resourceKey } from '../../../shared/flow/resources';
import type { SetupState } from '../../../shared/flow/state';
import {
  accountSnapshot,
  snapshotDelta,
  type AccountSnapshot,
} from '../../support/accountSnapshot';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';
import { createEngineHarness, type EngineHarness } from '../../support/engineHarness';
import { driveToEnd, postgresRequest, tearDownFully, insideVpc } from '../../support/engineFlows';
import { resetMoto } from '../../support/motoServer';
import { seedCustomerAccount, type SeededAccount } from '../../support/seedAccount';
import { crashAfterSaving, recordSaves, SimulatedCrash } from './crashInjection';

/** The parts of a run's footprint that do not depend on generated names and ids. */
const footprint = (delta: ReturnType<typeof snapshotDelta>) => ({
  ...Object.fromEntries(Object.entries(delta).map(([kind, items]) => [kind, items.length])),
  rulesAddedToExistingGroups: delta.rulesAddedToExistingGroups
    .map((rule) => rule.replace(/sg-[0-9a-f]+/g, 'sg-*'))
    .sort(),
});

/** The ledger with generated ids left out: what kinds of things, on which ports, from where. */
const ledgerShape = (state: SetupState) =>
  state.created.map((r) =>
    r.kind === 'ingressRule'
      ? `rule ${r.port} ${r.source.type === 'cidr' ? r.source.cidr : 'sg'}`
      : r.kind === 'securityGroup'
        ? `sg ${r.purpose}`
        : r.kind,
  );

const outputsShape = (state: SetupState) =>
  state.step === 'complete'
    ? {
        availabilityZones: state.outputs.availabilityZones,
        availabilityZoneIds: state.outputs.availabilityZoneIds,
        hasRole: state.outputs.iamRoleArn !== undefined,
      }
    : undefined;

/** The user's actions from the database choice on, until the flow stops or the engine dies. */
async function runUntilCrash(harness: EngineHarness, request: ReturnType<typeof postgresRequest>) {
  try {
    const created = await insideVpc(harness.engine, await harness.engine.create(request));
    const end = await driveToEnd(harness.engine, created.plan.connectionId);
    if (end.step === 'complete') await tearDownFully(harness.engine, created.plan.connectionId);
  } catch (error) {
    if (!(error instanceof SimulatedCrash)) throw error;
  }
}

describe('setup engine: a crash right after any persisted state resumes on restart', () => {
  const endpoint = inject('motoEndpoint');
  const cfn = createAwsClient(CloudFormationClient, motoAppConfig(endpoint), motoContext);
  let seeded: SeededAccount;
  let pristine: AccountSnapshot;
  const reference = {
    saves: [] as string[],
    end: undefined as SetupState | undefined,
    footprint: undefined as ReturnType<typeof footprint> | undefined,
  };

  beforeAll(async () => {
    await resetMoto(endpoint);
    seeded = await seedCustomerAccount(endpoint);
    pristine = await accountSnapshot(endpoint);
    // The reference: the same flow without a crash, every save recorded.
    const harness = createEngineHarness(endpoint, { wrapRepository: recordSaves(reference.saves) });
    const created = await insideVpc(
      harness.engine,
      await harness.engine.create(postgresRequest(seeded, 'reference')),
    );
    reference.end = await driveToEnd(harness.engine, created.plan.connectionId);
    reference.footprint = footprint(snapshotDelta(pristine, await accountSnapshot(endpoint)));
    await tearDownFully(harness.engine, created.plan.connectionId);
    expect(await accountSnapshot(endpoint)).toEqual(pristine);
  });

  const stackOutputsInAws = async (state: SetupState) => {
    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: state.plan.stackName })))
      .Stacks?.[0];
    return stack ? readOutputs(stack) : undefined;
  };

  /**
   * Runs a flow named `name` on an engine that dies at `point`, then opens a fresh engine on the
   * same data folder (the restart) and returns it with the flow as it was found on disk.
   */
  async function crashAndRestart(name: string, point: string, beforeSaving = false) {
    const crash = crashAfterSaving(point, beforeSaving);
    const killed = createEngineHarness(endpoint, { wrapRepository: crash.wrap });
    await runUntilCrash(killed, postgresRequest(seeded, name));
    expect(crash.crashed(), `the engine died at ${point}`).toBe(true);
    const restarted = createEngineHarness(endpoint, { userDataDir: killed.userDataDir });
    const flow = restarted.engine.list().find((s) => s.plan.connectionName === name);
    expect(flow, `the flow survived a crash at ${point}`).toBeDefined();
    // A crash at the very first save lost the user's switch into the VPC: they make it again.
    if (flow?.plan.updaterPlacement === 'outsideVpc' && flow.step === 'preflight') {
      await insideVpc(restarted.engine, flow);
    }
    return { engine: restarted.engine, flow, id: flow?.plan.connectionId ?? '' };
  }

  it('the reference run persists every transition from the plan to the outputs and back', () => {
    expect(reference.end?.step).toBe('complete');
    const steps = [...new Set(reference.saves.map((s) => s.split(':')[0]))];
    expect(steps).toEqual([
      'preflight',
      'ready',
      'creatingSecurityGroup',
      'authorizingRules',
      'creatingStack',
      'authorizingLoadBalancer',
      'complete',
      'tearingDown',
      'tornDown',
    ]);
  });

  it('after a crash at each state of the happy path, a fresh engine on the same data folder reaches the same outputs with no duplicate or orphan', async () => {
    const points = [...new Set(reference.saves)].filter(
      (s) => !s.startsWith('tearingDown') && !s.startsWith('tornDown'),
    );
    expect(points.length).toBeGreaterThanOrEqual(10);
    for (const [i, point] of points.entries()) {
      // The restart, and the user carrying on from where the flow stands.
      const restarted = await crashAndRestart(`crash-${i}`, point);
      const { id } = restarted;
      const end = await driveToEnd(restarted.engine, id);
      expect(end.step, `end step after a crash at ${point}`).toBe('complete');
      expect(outputsShape(end), point).toEqual(outputsShape(reference.end as SetupState));
      expect(end.step === 'complete' && end.outputs, point).toEqual(await stackOutputsInAws(end));
      expect(ledgerShape(end), point).toEqual(ledgerShape(reference.end as SetupState));
      expect(
        footprint(snapshotDelta(pristine, await accountSnapshot(endpoint))),
        `what exists after a crash at ${point}`,
      ).toEqual(reference.footprint);

      const torn = await tearDownFully(restarted.engine, id);
      expect(torn.step, point).toBe('tornDown');
      expect(await accountSnapshot(endpoint), `teardown after a crash at ${point}`).toEqual(
        pristine,
      );
    }
  }, 900_000);

  it('after a crash between creating something and recording it, the restarted engine finds it in AWS and creates it no second time', async () => {
    // The saves that add a resource to the ledger: the steps, and the stack's first record.
    const points = [...new Set(reference.saves)].filter((s, i, all) => {
      const [step, size] = s.split(':');
      const previous = all[i - 1]?.split(':');
      return (
        step !== 'tearingDown' &&
        step !== 'tornDown' &&
        previous !== undefined &&
        Number(size) > Number(previous[1])
      );
    });
    expect(points).toHaveLength(6);
    for (const [i, point] of points.entries()) {
      const restarted = await crashAndRestart(`lost-save-${i}`, point, true);
      const { id } = restarted;
      const end = await driveToEnd(restarted.engine, id);
      expect(end.step, point).toBe('complete');
      expect(ledgerShape(end), point).toEqual(ledgerShape(reference.end as SetupState));
      expect(
        footprint(snapshotDelta(pristine, await accountSnapshot(endpoint))),
        `what exists after losing the save of ${point}`,
      ).toEqual(reference.footprint);
      expect((await tearDownFully(restarted.engine, id)).step, point).toBe('tornDown');
      expect(await accountSnapshot(endpoint), point).toEqual(pristine);
    }
  }, 600_000);

  it('after a crash at each step of the teardown, the restarted teardown removes the rest and reports each resource once', async () => {
    const points = [...new Set(reference.saves)].filter(
      (s) => s.startsWith('tearingDown') || s.startsWith('tornDown'),
    );
    expect(points.length).toBeGreaterThanOrEqual(3);
    for (const [i, point] of points.entries()) {
      const { engine, flow, id } = await crashAndRestart(`teardown-crash-${i}`, point);
      const torn = flow?.step === 'tornDown' ? flow : await tearDownFully(engine, id);
      expect(torn.step, point).toBe('tornDown');
      expect(await accountSnapshot(endpoint), `account after a crash at ${point}`).toEqual(
        pristine,
      );
      const reported = [...(torn.teardown?.removed ?? []), ...(torn.teardown?.alreadyGone ?? [])]
        .map(resourceKey)
        .sort();
      expect(new Set(reported).size, point).toBe(reported.length);
      expect(reported.length, point).toBe(reference.end?.created.length);
      expect(
        torn.teardown?.alreadyGone ?? [],
        `nothing was left half-removed by the crash at ${point}`,
      ).toEqual([]);
    }
  }, 600_000);
});
