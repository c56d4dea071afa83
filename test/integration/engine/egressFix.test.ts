import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import {
  CreateTagsCommand,
  DescribeSecurityGroupsCommand,
  DescribeVpcEndpointsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createAwsClient } from '../../../main/aws/clientFactory';
import type { SetupState } from '../../../shared/flow/state';
import { accountSnapshot, snapshotDelta } from '../../support/accountSnapshot';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';
import { createEngineHarness } from '../../support/engineHarness';
import {
  auroraIamRequest,
  postgresRequest,
  tearDownFully,
  insideVpc,
} from '../../support/engineFlows';
import { resetMoto } from '../../support/motoServer';
import { seedCustomerAccount, type SeededAccount } from '../../support/seedAccount';

const ELB = 'com.amazonaws.ap-northeast-1.elasticloadbalancing';

const egressCheck = (state: SetupState) =>
  state.step === 'preflight' || state.step === 'ready'
    ? state.preflight?.checks.find((c) => c.id === 'lambdaEgress')
    : undefined;

describe('setup engine: a subnet without egress, fixed with interface endpoints', () => {
  const endpoint = inject('motoEndpoint');
  const ec2 = createAwsClient(EC2Client, motoAppConfig(endpoint), motoContext);
  const cfn = createAwsClient(CloudFormationClient, motoAppConfig(endpoint), motoContext);
  let seeded: SeededAccount;

  beforeAll(async () => {
    await resetMoto(endpoint);
    seeded = await seedCustomerAccount(endpoint);
    // The emulated updater then reaches only the APIs its subnet really has a way to: without the
    // endpoint, the stack's first registration would fail.
    await ec2.send(
      new CreateTagsCommand({
        Resources: [seeded.vpcId],
        Tags: [{ Key: 'smooz:moto-egress', Value: 'enforce' }],
      }),
    );
  });

  it('fails preflight for the isolated subnet, creates the offered endpoint, passes, deploys there, and teardown removes the endpoint too', async () => {
    const before = await accountSnapshot(endpoint);
    const { engine } = createEngineHarness(endpoint);
    const created = await insideVpc(
      engine,
      await engine.create(postgresRequest(seeded, 'no-egress')),
    );
    const id = created.plan.connectionId;
    // The NLB and the updater in the first AZ's subnet whose route table has no way out.
    const subnets = [seeded.subnets.isolated, seeded.subnets.private[1], seeded.subnets.private[2]];
    await engine.updatePlan(id, { subnetIds: subnets });

    const failed = await engine.runPreflight(id);
    expect(failed.step).toBe('preflight');
    const check = egressCheck(failed);
    expect(check).toMatchObject({
      status: 'fail',
      explanation: 'lambdaEgress.none',
      params: { blocked: seeded.subnets.isolated, services: ELB },
      fix: {
        kind: 'createInterfaceEndpoints',
        serviceNames: [ELB],
        s3Gateway: false,
        subnetIds: subnets,
      },
    });
    // Both ways out are priced for the user to compare (three AZs of endpoints against one NAT).
    const cost = check?.fix?.cost;
    expect(cost?.interfaceEndpointsMonthlyUsd).toBeGreaterThan(0);
    expect(cost?.natGatewayMonthlyUsd).toBeGreaterThan(0);
    // Nothing was created by the checks.
    expect(await accountSnapshot(endpoint)).toEqual(before);

    const fixed = await engine.applyFix(id, 'createInterfaceEndpoints');
    expect(fixed.step).toBe('ready');
    expect(egressCheck(fixed)).toMatchObject({
      status: 'pass',
      explanation: 'lambdaEgress.endpoints',
    });
    expect(fixed.created.map((r) => r.kind)).toEqual([
      'securityGroup',
      'securityGroup',
      'ingressRule',
      'vpcEndpoint',
    ]);

    // The endpoint: interface, private DNS, one subnet per AZ, guarded by its own group, which
    // admits HTTPS from the updater's group only.
    const [lambdaGroup, endpointGroup] = fixed.created.filter((r) => r.kind === 'securityGroup');
    const vpce = fixed.created.find((r) => r.kind === 'vpcEndpoint');
    const described = (
      await ec2.send(
        new DescribeVpcEndpointsCommand({
          VpcEndpointIds: [vpce?.kind === 'vpcEndpoint' ? vpce.endpointId : ''],
        }),
      )
    ).VpcEndpoints?.[0];
    expect(described).toMatchObject({
      VpcEndpointType: 'Interface',
      ServiceName: ELB,
      PrivateDnsEnabled: true,
      VpcId: seeded.vpcId,
    });
    expect([...(described?.SubnetIds ?? [])].sort()).toEqual([...subnets].sort());
    expect(described?.Groups?.map((g) => g.GroupId)).toEqual([
      endpointGroup?.kind === 'securityGroup' ? endpointGroup.groupId : '',
    ]);
    expect(described?.Tags).toContainEqual({ Key: 'smooz:connection-id', Value: id });
    const guard = (
      await ec2.send(
        new DescribeSecurityGroupsCommand({
          GroupIds: [endpointGroup?.kind === 'securityGroup' ? endpointGroup.groupId : ''],
        }),
      )
    ).SecurityGroups?.[0];
    expect(
      guard?.IpPermissions?.map((p) => ({
        from: p.FromPort,
        to: p.ToPort,
        groups: p.UserIdGroupPairs?.map((g) => g.GroupId),
        cidrs: p.IpRanges ?? [],
      })),
    ).toEqual([
      {
        from: 443,
        to: 443,
        groups: [lambdaGroup?.kind === 'securityGroup' ? lambdaGroup.groupId : ''],
        cidrs: [],
      },
    ]);

    await engine.start(id);
    const done = await engine.settled(id);
    expect(done.step).toBe('complete');
    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: done.plan.stackName })))
      .Stacks?.[0];
    expect(stack?.Parameters?.find((p) => p.ParameterKey === 'SubnetId')?.ParameterValue).toBe(
      seeded.subnets.isolated,
    );
    // The updater's group made for the fix is the one the stack uses: no second one.
    const delta = snapshotDelta(before, await accountSnapshot(endpoint));
    expect(delta.securityGroups).toHaveLength(2);
    expect(delta.vpcEndpoints).toHaveLength(1);
    expect(done.created.filter((r) => r.kind === 'securityGroup')).toHaveLength(2);

    const torn = await tearDownFully(engine, id);
    expect(torn.step).toBe('tornDown');
    expect(torn.teardown?.removed.map((r) => r.kind)).toEqual([
      'stack',
      'ingressRule',
      'ingressRule',
      'ingressRule',
      'ingressRule',
      'ingressRule',
      'vpcEndpoint',
      'securityGroup',
      'securityGroup',
    ]);
    expect(torn.teardown?.alreadyGone).toEqual([]);
    expect(await accountSnapshot(endpoint)).toEqual(before);
  });

  it('lets a second connection in the VPC through the first one’s endpoints, says whose they are, and hands them over when the first is torn down', async () => {
    const before = await accountSnapshot(endpoint);
    const { engine } = createEngineHarness(endpoint);
    const first = await insideVpc(
      engine,
      await engine.create(postgresRequest(seeded, 'endpoints-owner')),
    );
    const firstId = first.plan.connectionId;
    await engine.updatePlan(firstId, {
      subnetIds: [seeded.subnets.isolated, seeded.subnets.private[1], seeded.subnets.private[2]],
    });
    await engine.runPreflight(firstId);
    await engine.applyFix(firstId, 'createInterfaceEndpoints');
    await engine.start(firstId);
    const owner = await engine.settled(firstId);
    expect(owner.step).toBe('complete');
    const endpointsGroup = owner.created.find(
      (r) => r.kind === 'securityGroup' && r.purpose === 'endpoints',
    );
    const endpointsGroupId = endpointsGroup?.kind === 'securityGroup' ? endpointsGroup.groupId : '';
    const vpce = owner.created.find((r) => r.kind === 'vpcEndpoint');
    const endpointId = vpce?.kind === 'vpcEndpoint' ? vpce.endpointId : '';
    const guard = async () =>
      (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [endpointsGroupId] })))
        .SecurityGroups?.[0];
    const admitted = async () =>
      ((await guard())?.IpPermissions ?? [])
        .flatMap((p) => (p.UserIdGroupPairs ?? []).map((g) => `${p.FromPort} ${g.GroupId}`))
        .sort();

    const second = await insideVpc(
      engine,
      await engine.create(auroraIamRequest(seeded, 'endpoints-borrower')),
    );
    const secondId = second.plan.connectionId;
    const checked = await engine.runPreflight(secondId);
    expect(egressCheck(checked)).toMatchObject({
      status: 'warn',
      explanation: 'lambdaEgress.otherConnectionEndpoints',
      params: { connections: 'endpoints-owner', endpoints: endpointId },
    });
    await engine.start(secondId);
    const borrower = await engine.settled(secondId);
    expect(borrower.step).toBe('complete');
    const lambdaGroup = borrower.created.find((r) => r.kind === 'securityGroup');
    const lambdaGroupId = lambdaGroup?.kind === 'securityGroup' ? lambdaGroup.groupId : '';
    expect(await admitted()).toContain(`443 ${lambdaGroupId}`);

    // The owner goes first: the endpoint and its group stay, now the borrower's.
    const ownerGone = await tearDownFully(engine, firstId);
    expect(ownerGone.step).toBe('tornDown');
    expect(ownerGone.teardown?.handedOver?.map((h) => [h.resource.kind, h.connectionId])).toEqual([
      ['vpcEndpoint', secondId],
      ['securityGroup', secondId],
    ]);
    expect(await admitted()).toEqual([`443 ${lambdaGroupId}`]);
    expect((await guard())?.Tags).toContainEqual({ Key: 'smooz:connection-id', Value: secondId });
    const described = (
      await ec2.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [endpointId] }))
    ).VpcEndpoints?.[0];
    expect(String(described?.State).toLowerCase()).not.toBe('deleted');
    expect(described?.Tags).toContainEqual({ Key: 'smooz:connection-id', Value: secondId });

    // The borrower's teardown then removes them with its own resources.
    const borrowerGone = await tearDownFully(engine, secondId);
    expect(borrowerGone.step).toBe('tornDown');
    expect(borrowerGone.teardown?.removed.map((r) => r.kind)).toEqual(
      expect.arrayContaining(['vpcEndpoint', 'securityGroup']),
    );
    expect(await accountSnapshot(endpoint)).toEqual(before);
  });

  it('offers no fix for a subnet whose route table has a NAT route', async () => {
    const { engine } = createEngineHarness(endpoint);
    const created = await insideVpc(
      engine,
      await engine.create(postgresRequest(seeded, 'nat-routed')),
    );
    const ready = await engine.runPreflight(created.plan.connectionId);
    expect(ready.step).toBe('ready');
    expect(egressCheck(ready)).toMatchObject({ status: 'pass', explanation: 'lambdaEgress.nat' });
    expect(egressCheck(ready)?.fix).toBeUndefined();
    await expect(
      engine.applyFix(created.plan.connectionId, 'createInterfaceEndpoints'),
    ).rejects.toMatchObject({ code: 'setup.fixNotOffered' });
  });
});
