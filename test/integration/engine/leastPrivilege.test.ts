import {
  DescribeVpcEndpointServiceConfigurationsCommand,
  DescribeVpcEndpointServicePermissionsCommand,
  EC2Client,
  ModifyVpcEndpointServicePermissionsCommand,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAwsClient } from '../../../main/aws/clientFactory';
import type { FlowRepository } from '../../../main/engine/flowRepository';
import type { SetupState, StateAt } from '../../../shared/flow/state';
import { SmoozAwsAccount } from '../../smooz-server/smoozAwsAccount';
import { accountSnapshot, type AccountSnapshot } from '../../support/accountSnapshot';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';
import { createEngineHarness } from '../../support/engineHarness';
import {
  driveToEnd,
  postgresRequest,
  SMOOZ_ACCOUNT_ID,
  SMOOZ_ROLE_ARN,
  tearDownFully,
} from '../../support/engineFlows';
import {
  loadBalancerInterfaces,
  nlbAndConnectionCidrs,
} from '../../support/loadBalancerInterfaces';
import { resetMoto } from '../../support/motoServer';
import { seedCustomerAccount, type SeededAccount } from '../../support/seedAccount';
import { SimulatedCrash } from './crashInjection';

const STRANGER_ACCOUNT_ID = '333333333333';

/** Dies just before the flow's accepted state reaches the disk: AWS accepted, the app forgot. */
const crashBeforeAcceptedIsSaved =
  (crashed: { value: boolean }) =>
  (repository: FlowRepository): FlowRepository => ({
    load: (id) => {
      if (crashed.value) throw new SimulatedCrash();
      return repository.load(id);
    },
    list: () => repository.list(),
    save(state) {
      if (crashed.value) throw new SimulatedCrash();
      if (state.step === 'complete' && state.acceptance?.acceptedAt !== undefined) {
        crashed.value = true;
        throw new SimulatedCrash();
      }
      repository.save(state);
    },
  });

describe('least privilege on both sides: role principal, acceptance, NLB /32 rules', () => {
  const endpoint = inject('motoEndpoint');
  const ec2 = createAwsClient(EC2Client, motoAppConfig(endpoint), motoContext);
  const smooz = new SmoozAwsAccount({ endpoint, accountId: SMOOZ_ACCOUNT_ID });
  const stranger = new SmoozAwsAccount({ endpoint, accountId: STRANGER_ACCOUNT_ID });
  let seeded: SeededAccount;
  let pristine: AccountSnapshot;
  let complete: StateAt<'complete'>;
  let userDataDir: string;

  beforeAll(async () => {
    await resetMoto(endpoint);
    seeded = await seedCustomerAccount(endpoint);
    pristine = await accountSnapshot(endpoint);
    const harness = createEngineHarness(endpoint);
    userDataDir = harness.userDataDir;
    const created = await harness.engine.create(postgresRequest(seeded, 'least-privilege'));
    const end = await driveToEnd(harness.engine, created.plan.connectionId);
    if (end.step !== 'complete') throw new Error(`flow stopped at ${end.step}`);
    complete = end;
  });

  afterAll(() => {
    smooz.close();
    stranger.close();
  });

  /** Each endpoint's state as its own account sees it, by endpoint id. */
  const endpointStates = async (endpoints: readonly [SmoozAwsAccount, string][]) =>
    new Map(
      await Promise.all(
        endpoints.map(
          async ([account, id]) => [id, await account.endpointState(seeded.region, id)] as const,
        ),
      ),
    );

  it("allows SMOOZ's IAM role as the endpoint service's only principal, and requires acceptance", async () => {
    const serviceId = complete.outputs.endpointServiceId;
    const permissions = await ec2.send(
      new DescribeVpcEndpointServicePermissionsCommand({ ServiceId: serviceId }),
    );
    expect(permissions.AllowedPrincipals?.map((p) => p.Principal)).toEqual([SMOOZ_ROLE_ARN]);
    const service = await ec2.send(
      new DescribeVpcEndpointServiceConfigurationsCommand({ ServiceIds: [serviceId] }),
    );
    expect(service.ServiceConfigurations?.[0]?.AcceptanceRequired).toBe(true);
  });

  it("admits exactly the NLB's private addresses (/32 each) on the database port, no subnet CIDR", async () => {
    const nlb = await loadBalancerInterfaces(endpoint, complete.outputs.loadBalancerArn);
    expect(nlb.map((eni) => eni.subnetId).sort()).toEqual([...complete.plan.subnetIds].sort());
    const cidrs = await nlbAndConnectionCidrs(endpoint, {
      loadBalancerArn: complete.outputs.loadBalancerArn,
      groupId: seeded.postgres.securityGroupId,
      port: 5432,
      connectionId: complete.plan.connectionId,
    });
    expect(cidrs.admitted).toEqual(cidrs.nlb);
  });

  it("accepts only SMOOZ's reported endpoint and rejects a foreign pending request; a crash after accepting resumes without doing it again", async () => {
    const { outputs, plan } = complete;
    const id = plan.connectionId;
    const zones = outputs.availabilityZoneIds;
    // SMOOZ's endpoint, a stray second one from SMOOZ's account, and one from another account
    // that a hand-widened permission let in: all three wait for acceptance, as on AWS.
    const ours = await smooz.createEndpoint(seeded.region, outputs.endpointServiceName, zones, 'a');
    const stray = await smooz.createEndpoint(
      seeded.region,
      outputs.endpointServiceName,
      zones,
      'b',
    );
    await ec2.send(
      new ModifyVpcEndpointServicePermissionsCommand({
        ServiceId: outputs.endpointServiceId,
        AddAllowedPrincipals: [`arn:aws:iam::${STRANGER_ACCOUNT_ID}:root`],
      }),
    );
    const foreign = await stranger.createEndpoint(
      seeded.region,
      outputs.endpointServiceName,
      zones,
      'c',
    );
    if (ours.kind !== 'created' || stray.kind !== 'created' || foreign.kind !== 'created') {
      throw new Error('an endpoint was not created');
    }
    const all: [SmoozAwsAccount, string][] = [
      [smooz, ours.vpcEndpointId],
      [smooz, stray.vpcEndpointId],
      [stranger, foreign.vpcEndpointId],
    ];
    const before = await endpointStates(all);
    expect([...before.values()]).toEqual([
      'pendingacceptance',
      'pendingacceptance',
      'pendingacceptance',
    ]);

    const crashed = { value: false };
    const dying = createEngineHarness(endpoint, {
      userDataDir,
      wrapRepository: crashBeforeAcceptedIsSaved(crashed),
    });
    await dying.engine.acceptEndpoint(id, ours.vpcEndpointId);
    await dying.engine.settled(id).catch(() => undefined);
    expect(crashed.value).toBe(true);
    const after = await endpointStates(all);
    expect(after.get(ours.vpcEndpointId)).toBe('available');
    expect(after.get(stray.vpcEndpointId)).toBe('rejected');
    expect(after.get(foreign.vpcEndpointId)).toBe('rejected');

    // The restart: the flow is still accepting; resuming finds the work done and does none again.
    const calls: string[] = [];
    const restarted = createEngineHarness(endpoint, {
      userDataDir,
      onApiCall: (_service, operation) => calls.push(operation),
    });
    const interrupted = restarted.engine.get(id);
    expect(interrupted.step).toBe('acceptingEndpoint');
    expect(interrupted.acceptance?.rejected.map((r) => r.vpcEndpointId).sort()).toEqual(
      [stray.vpcEndpointId, foreign.vpcEndpointId].sort(),
    );
    await restarted.engine.resume(id);
    const end: SetupState = await restarted.engine.settled(id);
    expect(end.step).toBe('complete');
    expect(end.acceptance).toMatchObject({
      vpcEndpointId: ours.vpcEndpointId,
      acceptedAt: expect.any(String),
      rejected: expect.arrayContaining([
        { vpcEndpointId: stray.vpcEndpointId, ownerAccountId: SMOOZ_ACCOUNT_ID },
        { vpcEndpointId: foreign.vpcEndpointId, ownerAccountId: STRANGER_ACCOUNT_ID },
      ]),
    });
    expect(calls).toContain('DescribeVpcEndpointConnections');
    expect(calls.filter((c) => /^(Accept|Reject)VpcEndpointConnections/.test(c))).toEqual([]);
    // SMOOZ reporting the same endpoint again changes nothing.
    expect((await restarted.engine.acceptEndpoint(id, ours.vpcEndpointId)).step).toBe('complete');
    expect(await endpointStates(all)).toEqual(after);

    for (const e of [ours, stray]) await smooz.deleteEndpoint(seeded.region, e.vpcEndpointId);
    await stranger.deleteEndpoint(seeded.region, foreign.vpcEndpointId);
    complete = end as StateAt<'complete'>;
  });

  it('tears down exactly what it made: the /32 rules, the stack with the NLB and its interfaces', async () => {
    const harness = createEngineHarness(endpoint, { userDataDir });
    const torn = await tearDownFully(harness.engine, complete.plan.connectionId);
    expect(torn.step).toBe('tornDown');
    expect(await accountSnapshot(endpoint)).toEqual(pristine);
  });
});
