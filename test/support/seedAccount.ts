import {
  AllocateAddressCommand,
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateInternetGatewayCommand,
  CreateNatGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  EC2Client,
  ModifyVpcAttributeCommand,
  type Tag,
} from '@aws-sdk/client-ec2';
import {
  CreateDBClusterCommand,
  CreateDBInstanceCommand,
  CreateDBSubnetGroupCommand,
  RDSClient,
} from '@aws-sdk/client-rds';
import { createAwsClient, type AwsClientContext } from '../../main/aws/clientFactory';
import { motoAppConfig, motoContext } from './awsTestConfig';

export interface SeededDatabase {
  readonly kind: 'instance' | 'cluster';
  readonly identifier: string;
  readonly securityGroupId: string;
  readonly port: number;
}

/** What `seedCustomerAccount` made, by role, so tests and the demo can refer to it. */
export interface SeededAccount {
  readonly region: string;
  readonly vpcId: string;
  readonly azs: readonly [string, string, string];
  readonly subnets: {
    /** NAT-routed private subnets, one per AZ: where the Lambda and NLB belong. */
    readonly private: readonly [string, string, string];
    /** A private subnet in the first AZ whose route table has no way out. */
    readonly isolated: string;
    readonly public: string;
  };
  readonly routeTables: {
    readonly public: string;
    readonly nat: string;
    readonly isolated: string;
  };
  readonly natGatewayId: string;
  readonly postgres: SeededDatabase;
  readonly aurora: SeededDatabase;
}

/**
 * Ties an emulated RDS database to a real server of the test world (its value: `postgres` or
 * `mariadb`); moto's plug-in then resolves the endpoint to where that server listens.
 */
export const TEST_WORLD_TAG = 'smooz:test-world-db';

const name = (value: string): Tag[] => [{ Key: 'Name', Value: value }];

/**
 * Seeds a realistic customer account on moto server: a VPC with subnets in three AZs, a public
 * subnet with a NAT gateway, route tables with and without a NAT route, a Multi-AZ PostgreSQL
 * instance and an Aurora MySQL cluster, each behind its own security group. Used by the engine's
 * integration tests, the benchmark, the demo and the e2e tests.
 */
export async function seedCustomerAccount(
  endpoint: string,
  context: AwsClientContext = motoContext,
): Promise<SeededAccount> {
  const config = motoAppConfig(endpoint);
  const ec2 = createAwsClient(EC2Client, config, context);
  const rds = createAwsClient(RDSClient, config, context);
  const region = context.region;
  const azs = [`${region}a`, `${region}c`, `${region}d`] as const;

  const vpc = await ec2.send(
    new CreateVpcCommand({
      CidrBlock: '10.20.0.0/16',
      TagSpecifications: [{ ResourceType: 'vpc', Tags: name('customer-main') }],
    }),
  );
  const vpcId = vpc.Vpc?.VpcId as string;
  // Interface endpoints with private DNS need both attributes on.
  await ec2.send(
    new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsSupport: { Value: true } }),
  );
  await ec2.send(
    new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsHostnames: { Value: true } }),
  );

  const subnet = async (cidr: string, az: string, label: string) => {
    const out = await ec2.send(
      new CreateSubnetCommand({
        VpcId: vpcId,
        CidrBlock: cidr,
        AvailabilityZone: az,
        TagSpecifications: [{ ResourceType: 'subnet', Tags: name(label) }],
      }),
    );
    return out.Subnet?.SubnetId as string;
  };
  const privateSubnets = [
    await subnet('10.20.1.0/24', azs[0], 'private-a'),
    await subnet('10.20.2.0/24', azs[1], 'private-c'),
    await subnet('10.20.3.0/24', azs[2], 'private-d'),
  ] as const;
  const isolated = await subnet('10.20.9.0/24', azs[0], 'isolated-a');
  const publicSubnet = await subnet('10.20.100.0/24', azs[0], 'public-a');

  const igw = await ec2.send(new CreateInternetGatewayCommand({}));
  const igwId = igw.InternetGateway?.InternetGatewayId as string;
  await ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igwId, VpcId: vpcId }));

  const routeTable = async (label: string, subnets: readonly string[]) => {
    const out = await ec2.send(
      new CreateRouteTableCommand({
        VpcId: vpcId,
        TagSpecifications: [{ ResourceType: 'route-table', Tags: name(label) }],
      }),
    );
    const id = out.RouteTable?.RouteTableId as string;
    for (const SubnetId of subnets) {
      await ec2.send(new AssociateRouteTableCommand({ RouteTableId: id, SubnetId }));
    }
    return id;
  };
  const publicRt = await routeTable('public', [publicSubnet]);
  await ec2.send(
    new CreateRouteCommand({
      RouteTableId: publicRt,
      DestinationCidrBlock: '0.0.0.0/0',
      GatewayId: igwId,
    }),
  );
  const eip = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
  const nat = await ec2.send(
    new CreateNatGatewayCommand({ SubnetId: publicSubnet, AllocationId: eip.AllocationId }),
  );
  const natGatewayId = nat.NatGateway?.NatGatewayId as string;
  const natRt = await routeTable('private-nat', privateSubnets);
  await ec2.send(
    new CreateRouteCommand({
      RouteTableId: natRt,
      DestinationCidrBlock: '0.0.0.0/0',
      NatGatewayId: natGatewayId,
    }),
  );
  const isolatedRt = await routeTable('isolated', [isolated]);

  const securityGroup = async (groupName: string, port: number) => {
    const out = await ec2.send(
      new CreateSecurityGroupCommand({
        GroupName: groupName,
        Description: `${groupName} database access`,
        VpcId: vpcId,
      }),
    );
    const id = out.GroupId as string;
    // An existing application rule the engine must leave alone.
    await ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: id,
        IpPermissions: [
          {
            IpProtocol: 'tcp',
            FromPort: port,
            ToPort: port,
            IpRanges: [{ CidrIp: '10.20.50.0/24', Description: 'app servers' }],
          },
        ],
      }),
    );
    return id;
  };
  const postgresSg = await securityGroup('customer-postgres', 5432);
  const auroraSg = await securityGroup('customer-aurora', 3306);

  await rds.send(
    new CreateDBSubnetGroupCommand({
      DBSubnetGroupName: 'customer-db-subnets',
      DBSubnetGroupDescription: 'private subnets',
      SubnetIds: [...privateSubnets],
    }),
  );
  await rds.send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: 'customer-postgres',
      Engine: 'postgres',
      DBInstanceClass: 'db.t4g.medium',
      AllocatedStorage: 20,
      MasterUsername: 'postgres',
      MasterUserPassword: 'not-a-real-password',
      MultiAZ: true,
      AvailabilityZone: azs[0],
      DBSubnetGroupName: 'customer-db-subnets',
      VpcSecurityGroupIds: [postgresSg],
      PubliclyAccessible: false,
      Port: 5432,
      Tags: [{ Key: TEST_WORLD_TAG, Value: 'postgres' }],
    }),
  );
  await rds.send(
    new CreateDBClusterCommand({
      DBClusterIdentifier: 'customer-aurora',
      Engine: 'aurora-mysql',
      MasterUsername: 'admin',
      MasterUserPassword: 'not-a-real-password',
      DBSubnetGroupName: 'customer-db-subnets',
      VpcSecurityGroupIds: [auroraSg],
      AvailabilityZones: [azs[0], azs[1]],
      Port: 3306,
      Tags: [{ Key: TEST_WORLD_TAG, Value: 'mariadb' }],
    }),
  );
  await rds.send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: 'customer-aurora-writer',
      DBClusterIdentifier: 'customer-aurora',
      Engine: 'aurora-mysql',
      DBInstanceClass: 'db.r6g.large',
      AvailabilityZone: azs[1],
      DBSubnetGroupName: 'customer-db-subnets',
    }),
  );

  return {
    region,
    vpcId,
    azs,
    subnets: { private: privateSubnets, isolated, public: publicSubnet },
    routeTables: { public: publicRt, nat: natRt, isolated: isolatedRt },
    natGatewayId,
    postgres: {
      kind: 'instance',
      identifier: 'customer-postgres',
      securityGroupId: postgresSg,
      port: 5432,
    },
    aurora: {
      kind: 'cluster',
      identifier: 'customer-aurora',
      securityGroupId: auroraSg,
      port: 3306,
    },
  };
}
