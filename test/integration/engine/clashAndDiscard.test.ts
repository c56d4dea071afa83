import {
  CreateSecurityGroupCommand,
  DeleteSecurityGroupCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createAwsClient } from '../../../main/aws/clientFactory';
import { startDiscard } from '../../../shared/flow/discard';
import type { PreflightCheck } from '../../../shared/flow/preflight';
import { resourceKey } from '../../../shared/flow/resources';
import type { SetupState, StateAt } from '../../../shared/flow/state';
import { planNames } from '../../../shared/naming/planNames';
import { accountSnapshot } from '../../support/accountSnapshot';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';
import { createEngineHarness, type EngineHarness } from '../../support/engineHarness';
import {
  auroraIamRequest,
  driveToEnd,
  postgresRequest,
  insideVpc,
} from '../../support/engineFlows';
import { resetMoto } from '../../support/motoServer';
import { seedCustomerAccount, type SeededAccount } from '../../support/seedAccount';

type Complete = StateAt<'complete'>;

const nameClash = (state: SetupState): PreflightCheck | undefined =>
  state.step === 'preflight' || state.step === 'ready'
    ? state.preflight?.checks.find((c) => c.id === 'nameClash')
    : undefined;

describe('name clashes told apart by owner, and abandoned setups discarded', () => {
  const endpoint = inject('motoEndpoint');
  const ec2 = createAwsClient(EC2Client, motoAppConfig(endpoint), motoContext);
  let seeded: SeededAccount;
  let app: EngineHarness;

  beforeAll(async () => {
    await resetMoto(endpoint);
    seeded = await seedCustomerAccount(endpoint);
    app = createEngineHarness(endpoint);
  });

  const complete = async (harness: EngineHarness, name: string): Promise<Complete> => {
    const created = await insideVpc(
      harness.engine,
      await harness.engine.create(postgresRequest(seeded, name)),
    );
    const end = await driveToEnd(harness.engine, created.plan.connectionId);
    expect(end.step).toBe('complete');
    return end as Complete;
  };

  /** A new connection on the other database that wants `lambdaName` for its updater. */
  const wanting = async (harness: EngineHarness, lambdaName: string) => {
    const created = await insideVpc(
      harness.engine,
      await harness.engine.create(auroraIamRequest(seeded, '検証DB接続')),
    );
    const id = created.plan.connectionId;
    await harness.engine.updatePlan(id, { lambdaFunctionName: lambdaName });
    return { id, checked: await harness.engine.runPreflight(id) };
  };

  it('a second connection in the account passes the name check with the names derived for it', async () => {
    // The two names have the same ASCII part ("DB"), and SMOOZ gives both the same prefix.
    await complete(app, '本番DB接続');
    const second = await insideVpc(
      app.engine,
      await app.engine.create({
        ...postgresRequest(seeded, '検証DB接続'),
        resourceNamePrefix: 'smooz-privatelink',
      }),
    );
    const checked = await app.engine.runPreflight(second.plan.connectionId);
    expect(nameClash(checked)).toMatchObject({ status: 'pass', explanation: 'nameClash.ok' });
  });

  it('names the connection this app made a clashing name for, and the name fixed in place passes', async () => {
    const owner = await complete(app, 'prod');
    const taken = owner.plan.lambdaFunctionName;
    const { id, checked } = await wanting(app, taken);
    expect(nameClash(checked)).toMatchObject({
      status: 'fail',
      explanation: 'nameClash.otherConnection',
      params: { connectionName: 'prod' },
      clashes: [
        {
          name: taken,
          kind: 'lambdaFunction',
          owner: {
            type: 'connection',
            connectionId: owner.plan.connectionId,
            connectionName: 'prod',
          },
        },
        {
          name: `${taken}-setup`,
          kind: 'lambdaFunction',
          owner: {
            type: 'connection',
            connectionId: owner.plan.connectionId,
            connectionName: 'prod',
          },
        },
      ],
    });
    await app.engine.updatePlan(id, { lambdaFunctionName: 'smooz-free-name' });
    expect((await app.engine.runPreflight(id)).step).toBe('ready');
  });

  it('says a name is not this app’s when the resource has no connection tag', async () => {
    const created = await insideVpc(
      app.engine,
      await app.engine.create(auroraIamRequest(seeded, 'staging')),
    );
    const groupName = planNames(created.plan).lambdaSecurityGroupName;
    const group = await ec2.send(
      new CreateSecurityGroupCommand({
        GroupName: groupName,
        Description: 'made by hand',
        VpcId: seeded.vpcId,
      }),
    );
    try {
      const checked = await app.engine.runPreflight(created.plan.connectionId);
      expect(nameClash(checked)).toMatchObject({
        status: 'fail',
        explanation: 'nameClash.notOurs',
        clashes: [{ name: groupName, kind: 'securityGroup', owner: { type: 'notOurs' } }],
      });
    } finally {
      await ec2.send(new DeleteSecurityGroupCommand({ GroupId: group.GroupId }));
    }
  });

  it('offers to discard a setup left unfinished here, discards exactly what it made, and frees its names', async () => {
    const before = await accountSnapshot(endpoint);
    // The abandoned setup: its flow stopped while its stack was being created (the app was
    // closed), as this computer recorded it.
    let stopped: SetupState | undefined;
    const other = createEngineHarness(endpoint);
    other.engine.subscribe((e) => {
      if (
        e.type === 'stateChanged' &&
        e.state.step === 'creatingStack' &&
        e.state.created.some((r) => r.kind === 'stack')
      ) {
        stopped ??= e.state;
      }
    });
    const left = await complete(other, 'abandoned');
    const here = createEngineHarness(endpoint);
    here.repository.save(stopped as SetupState);
    const leftId = left.plan.connectionId;

    const { id, checked } = await wanting(here, left.plan.lambdaFunctionName);
    expect(nameClash(checked)).toMatchObject({
      status: 'fail',
      explanation: 'nameClash.abandoned',
      params: { connectionName: 'abandoned' },
    });
    expect(nameClash(checked)?.clashes?.[0]?.owner).toEqual({
      type: 'abandoned',
      connectionId: leftId,
      connectionName: 'abandoned',
    });

    const preview = await here.engine.discardPreview({ connectionId: leftId });
    expect(preview).toMatchObject({ local: true, connectionName: 'abandoned' });
    // The ledger it kept, plus what carries its tag (the stack was recorded; the rest was too).
    expect(preview.resources.map(resourceKey).sort()).toEqual(left.created.map(resourceKey).sort());

    const started = await here.engine.discard({ connectionId: leftId }, preview.resources);
    expect(started.step).toBe('removing');
    const end = await here.engine.discardSettled(leftId);
    expect(end).toMatchObject({ step: 'discarded', alreadyGone: [] });
    expect(end?.removed.map(resourceKey).sort()).toEqual(preview.resources.map(resourceKey).sort());
    expect(await accountSnapshot(endpoint)).toEqual(before);
    expect(here.engine.list().map((s) => s.plan.connectionId)).not.toContain(leftId);
    // Nothing more happens to it: discarding again answers the finished discard.
    expect(await here.engine.discard({ connectionId: leftId }, [])).toEqual(end);
    await expect(here.engine.resume(leftId)).rejects.toMatchObject({
      code: 'setup.discardInProgress',
    });

    expect(nameClash(await here.engine.runPreflight(id))).toMatchObject({ status: 'pass' });
  });

  it('discards a setup this computer has no record of, found by its tag, after refusing a stale list', async () => {
    const before = await accountSnapshot(endpoint);
    const elsewhere = createEngineHarness(endpoint);
    const left = await complete(elsewhere, 'other-pc');
    const leftId = left.plan.connectionId;
    const here = createEngineHarness(endpoint);

    const { checked } = await wanting(here, left.plan.lambdaFunctionName);
    expect(nameClash(checked)).toMatchObject({ explanation: 'nameClash.abandoned' });
    expect(nameClash(checked)?.clashes?.[0]?.owner).toEqual({
      type: 'abandoned',
      connectionId: leftId,
    });

    await expect(here.engine.discardPreview({ connectionId: leftId })).rejects.toMatchObject({
      code: 'setup.discardTargetMissing',
    });
    const where = { connectionId: leftId, profile: 'moto', region: seeded.region };
    const preview = await here.engine.discardPreview(where);
    expect(preview).toMatchObject({ local: false });
    expect(preview.resources.map(resourceKey).sort()).toEqual(left.created.map(resourceKey).sort());
    await expect(here.engine.discard(where, preview.resources.slice(1))).rejects.toMatchObject({
      code: 'setup.discardPreviewStale',
    });

    await here.engine.discard(where, preview.resources);
    expect(await here.engine.discardSettled(leftId)).toMatchObject({ step: 'discarded' });
    expect(await accountSnapshot(endpoint)).toEqual(before);
  });

  it('goes on with a discard the app was closed in the middle of, after a restart', async () => {
    const before = await accountSnapshot(endpoint);
    const elsewhere = createEngineHarness(endpoint);
    const left = await complete(elsewhere, 'closed-mid-discard');
    const where = { connectionId: left.plan.connectionId, profile: 'moto', region: seeded.region };
    const first = createEngineHarness(endpoint);
    const preview = await first.engine.discardPreview(where);
    // The start was persisted, then the process ended before removing anything.
    first.discards.save(startDiscard(preview));

    const restarted = createEngineHarness(endpoint, { userDataDir: first.userDataDir });
    expect(restarted.engine.listDiscards()).toEqual([startDiscard(preview)]);
    await restarted.engine.discard(where, []);
    expect(await restarted.engine.discardSettled(left.plan.connectionId)).toMatchObject({
      step: 'discarded',
    });
    expect(await accountSnapshot(endpoint)).toEqual(before);
  });

  it('refuses to discard a finished connection: that is what teardown is for', async () => {
    const kept = await complete(app, 'kept');
    await expect(
      app.engine.discardPreview({ connectionId: kept.plan.connectionId }),
    ).rejects.toMatchObject({ code: 'setup.discardNotAbandoned' });
  });
});
