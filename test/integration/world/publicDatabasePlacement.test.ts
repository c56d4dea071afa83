import {
  CloudFormationClient,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStacksCommand,
  type Stack,
} from '@aws-sdk/client-cloudformation';
import { CreateSecurityGroupCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  DescribeDBInstancesCommand,
  ModifyDBInstanceCommand,
  RDSClient,
} from '@aws-sdk/client-rds';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createAwsClient } from '../../../main/aws/clientFactory';
import {
  buildStackParameters,
  type UpdaterPlacement,
} from '../../../shared/stack/templateParameters';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';
import { createEngineHarness } from '../../support/engineHarness';
import { postgresRequest, SMOOZ_ROLE_ARN } from '../../support/engineFlows';
import { resetMoto } from '../../support/motoServer';
import { readTestWorld } from '../../support/realDatabases/world';
import { seedCustomerAccount, type SeededAccount } from '../../support/seedAccount';

const TEMPLATE = readFileSync(
  join(import.meta.dirname, '..', '..', '..', 'templates', 'smooz-privatelink.yaml'),
  'utf8',
);

/**
 * Why the app recommends the updater inside the VPC for a publicly accessible database: its name
 * resolves to the public address outside the VPC, and an updater there registers that address.
 */
describe('a publicly accessible database and where the updater runs', () => {
  const endpoint = inject('motoEndpoint');
  const config = motoAppConfig(endpoint);
  const cfn = createAwsClient(CloudFormationClient, config, motoContext);
  const ec2 = createAwsClient(EC2Client, config, motoContext);
  const elb = createAwsClient(ElasticLoadBalancingV2Client, config, motoContext);
  const rds = createAwsClient(RDSClient, config, motoContext);
  let seeded: SeededAccount;
  let dbEndpoint: string;
  const privateAddress = () => readTestWorld(inject('testWorldFile')).databases.postgres.address;

  beforeAll(async () => {
    await resetMoto(endpoint);
    seeded = await seedCustomerAccount(endpoint);
    await rds.send(
      new ModifyDBInstanceCommand({
        DBInstanceIdentifier: seeded.postgres.identifier,
        PubliclyAccessible: true,
        ApplyImmediately: true,
      }),
    );
    const db = await rds.send(
      new DescribeDBInstancesCommand({ DBInstanceIdentifier: seeded.postgres.identifier }),
    );
    expect(db.DBInstances?.[0]?.PubliclyAccessible).toBe(true);
    dbEndpoint = db.DBInstances?.[0]?.Endpoint?.Address ?? '';
  });

  it('recommends inside the VPC, and preflight refuses the updater outside it', async () => {
    const { engine } = createEngineHarness(endpoint);
    const created = await engine.create(postgresRequest(seeded, 'public-db'));
    const id = created.plan.connectionId;
    expect(created.plan.updaterPlacement).toBe('insideVpc');
    const check = (state: Awaited<ReturnType<typeof engine.runPreflight>>) =>
      'preflight' in state
        ? state.preflight?.checks.find((c) => c.id === 'publicDatabase')
        : undefined;

    const inside = await engine.runPreflight(id);
    expect(check(inside)).toMatchObject({ status: 'warn', explanation: 'publicDatabase.public' });

    await engine.updatePlan(id, { updaterPlacement: 'outsideVpc' });
    const outside = await engine.runPreflight(id);
    expect(outside.step).toBe('preflight');
    expect(check(outside)).toMatchObject({
      status: 'fail',
      explanation: 'publicDatabase.publicOutsideVpc',
    });
  });

  async function deploy(name: string, placement: UpdaterPlacement): Promise<Stack> {
    const group =
      placement === 'insideVpc'
        ? await ec2.send(
            new CreateSecurityGroupCommand({
              GroupName: `${name}-lambda`,
              Description: 'updater',
              VpcId: seeded.vpcId,
            }),
          )
        : undefined;
    await cfn.send(
      new CreateStackCommand({
        StackName: name,
        TemplateBody: TEMPLATE,
        Capabilities: ['CAPABILITY_IAM'],
        Parameters: buildStackParameters({
          lambdaFunctionName: `${name}-updater`,
          rdsType: 'instance',
          rdsEndpoint: dbEndpoint,
          rdsPort: seeded.postgres.port,
          vpcId: seeded.vpcId,
          subnetId: seeded.subnets.private[0] ?? '',
          updaterPlacement: placement,
          lambdaSecurityGroupIds: group?.GroupId ? [group.GroupId] : [],
          smoozRoleArn: SMOOZ_ROLE_ARN,
          dbAuthMethod: 'password',
        }),
      }),
    );
    for (let i = 0; i < 240; i++) {
      const stack = (await cfn.send(new DescribeStacksCommand({ StackName: name }))).Stacks?.[0];
      if (stack && !stack.StackStatus?.endsWith('_IN_PROGRESS')) return stack;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`stack ${name} still in progress`);
  }

  const registered = async (stack: Stack) => {
    const arn = stack.Outputs?.find((o) => o.OutputKey === 'TargetGroupArn')?.OutputValue;
    const out = await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: arn }));
    return (out.TargetHealthDescriptions ?? []).map((d) => d.Target?.Id);
  };

  it('outside the VPC the updater would register the public address; inside, the private one', async () => {
    const outside = await deploy('public-db-outside', 'outsideVpc');
    const inside = await deploy('public-db-inside', 'insideVpc');
    try {
      expect(outside.StackStatus).toBe('CREATE_COMPLETE');
      const wrong = await registered(outside);
      expect(wrong).toHaveLength(1);
      expect(wrong[0]).toMatch(/^203\.0\.113\./);
      expect(wrong).not.toContain(privateAddress());

      expect(inside.StackStatus).toBe('CREATE_COMPLETE');
      expect(await registered(inside)).toEqual([privateAddress()]);
    } finally {
      await cfn.send(new DeleteStackCommand({ StackName: 'public-db-outside' }));
      await cfn.send(new DeleteStackCommand({ StackName: 'public-db-inside' }));
    }
  });
});
