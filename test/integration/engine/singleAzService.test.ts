import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import {
  DescribeLoadBalancerAttributesCommand,
  DescribeLoadBalancersCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { CreateDBInstanceCommand, RDSClient } from '@aws-sdk/client-rds';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createAwsClient } from '../../../main/aws/clientFactory';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';
import { createEngineHarness } from '../../support/engineHarness';
import { driveToEnd, SMOOZ_ACCOUNT_ID, SMOOZ_ROLE_ARN } from '../../support/engineFlows';
import { resetMoto } from '../../support/motoServer';
import { seedCustomerAccount, type SeededAccount } from '../../support/seedAccount';

describe('a single-AZ database', () => {
  const endpoint = inject('motoEndpoint');
  const config = motoAppConfig(endpoint);
  const cfn = createAwsClient(CloudFormationClient, config, motoContext);
  const elb = createAwsClient(ElasticLoadBalancingV2Client, config, motoContext);
  const rds = createAwsClient(RDSClient, config, motoContext);
  let seeded: SeededAccount;

  beforeAll(async () => {
    await resetMoto(endpoint);
    seeded = await seedCustomerAccount(endpoint);
    await rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: 'single-az-postgres',
        Engine: 'postgres',
        DBInstanceClass: 'db.t4g.micro',
        AllocatedStorage: 20,
        MasterUsername: 'postgres',
        MasterUserPassword: 'not-a-real-password',
        MultiAZ: false,
        AvailabilityZone: seeded.azs[1],
        DBSubnetGroupName: 'customer-db-subnets',
        VpcSecurityGroupIds: [seeded.postgres.securityGroupId],
        Port: 5432,
      }),
    );
  });

  it('gets an endpoint service in two AZs, its own first, with cross-zone load balancing', async () => {
    const { engine } = createEngineHarness(endpoint);
    const created = await engine.create({
      profile: 'moto',
      region: seeded.region,
      connectionName: 'single-az',
      database: { kind: 'instance', identifier: 'single-az-postgres' },
      authMethod: 'password',
      smoozAccountId: SMOOZ_ACCOUNT_ID,
      smoozRoleArn: SMOOZ_ROLE_ARN,
    });
    expect(created.plan.database.availabilityZones).toEqual([seeded.azs[1]]);
    expect(created.plan.subnetIds).toEqual([seeded.subnets.private[1], seeded.subnets.private[0]]);

    const done = await driveToEnd(engine, created.plan.connectionId);
    expect(done.step).toBe('complete');
    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: done.plan.stackName })))
      .Stacks?.[0];
    const output = (key: string) => stack?.Outputs?.find((o) => o.OutputKey === key)?.OutputValue;
    expect(output('AvailabilityZones')?.split(',')).toEqual([seeded.azs[1], seeded.azs[0]]);
    expect(output('AvailabilityZoneIds')?.split(',')).toHaveLength(2);

    const lbArn = output('LoadBalancerArn') ?? '';
    const lb = (await elb.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: [lbArn] })))
      .LoadBalancers?.[0];
    expect(lb?.AvailabilityZones?.map((z) => z.ZoneName).sort()).toEqual(
      [seeded.azs[0], seeded.azs[1]].sort(),
    );
    const attrs = await elb.send(
      new DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: lbArn }),
    );
    expect(attrs.Attributes).toContainEqual({
      Key: 'load_balancing.cross_zone.enabled',
      Value: 'true',
    });
  });
});
