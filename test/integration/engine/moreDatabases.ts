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
} from '@aws-sdk/client-ec2';
import {
  CreateDBInstanceCommand,
  CreateDBSubnetGroupCommand,
  RDSClient,
} from '@aws-sdk/client-rds';
import { CloudFormationClient, CreateStackCommand } from '@aws-sdk/client-cloudformation';
import { createAwsClient } from '../../../main/aws/clientFactory';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';
import type { SeededAccount } from '../../support/seedAccount';

export interface MoreDatabases {
  /** A second VPC (NAT-routed private subnets in two AZs) and its database group. */
  readonly vpc2: { readonly vpcId: string; readonly securityGroupId: string };
  /** Single-AZ MySQL instances in the second VPC, behind the same group and port. */
  readonly vpc2Orders: string;
  readonly vpc2Reports: string;
  /** A second PostgreSQL instance in the first VPC, behind the first one's group and port. */
  readonly analytics: string;
}

const instance = (identifier: string, engine: string, port: number, az: string, sg: string) =>
  new CreateDBInstanceCommand({
    DBInstanceIdentifier: identifier,
    Engine: engine,
    DBInstanceClass: 'db.t4g.micro',
    AllocatedStorage: 20,
    MasterUsername: 'admin_user',
    MasterUserPassword: 'not-a-real-password',
    AvailabilityZone: az,
    VpcSecurityGroupIds: [sg],
    PubliclyAccessible: false,
    Port: port,
  });

/**
 * What an account that already has a few things looks like: a second VPC with two databases, a
 * third database in the seeded VPC sharing the first one's group, plus a stack, a group and a
 * rule of the customer's own that no connection may touch.
 */
export async function seedMoreDatabases(
  endpoint: string,
  seeded: SeededAccount,
): Promise<MoreDatabases> {
  const config = motoAppConfig(endpoint);
  const ec2 = createAwsClient(EC2Client, config, motoContext);
  const rds = createAwsClient(RDSClient, config, motoContext);
  const cfn = createAwsClient(CloudFormationClient, config, motoContext);
  const [azA, azC] = seeded.azs;

  const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.30.0.0/16' }))).Vpc
    ?.VpcId as string;
  const subnet = async (cidr: string, az: string) =>
    (
      await ec2.send(
        new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: cidr, AvailabilityZone: az }),
      )
    ).Subnet?.SubnetId as string;
  const privateA = await subnet('10.30.1.0/24', azA);
  const privateC = await subnet('10.30.2.0/24', azC);
  const publicA = await subnet('10.30.100.0/24', azA);
  const igw = (await ec2.send(new CreateInternetGatewayCommand({}))).InternetGateway
    ?.InternetGatewayId as string;
  await ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpcId }));
  const table = async (subnets: string[], route: { GatewayId?: string; NatGatewayId?: string }) => {
    const id = (await ec2.send(new CreateRouteTableCommand({ VpcId: vpcId }))).RouteTable
      ?.RouteTableId as string;
    for (const SubnetId of subnets) {
      await ec2.send(new AssociateRouteTableCommand({ RouteTableId: id, SubnetId }));
    }
    await ec2.send(
      new CreateRouteCommand({ RouteTableId: id, DestinationCidrBlock: '0.0.0.0/0', ...route }),
    );
  };
  await table([publicA], { GatewayId: igw });
  const eip = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
  const nat = (
    await ec2.send(
      new CreateNatGatewayCommand({ SubnetId: publicA, AllocationId: eip.AllocationId }),
    )
  ).NatGateway?.NatGatewayId as string;
  await table([privateA, privateC], { NatGatewayId: nat });

  const group = async (name: string, vpc: string, port: number) => {
    const id = (
      await ec2.send(
        new CreateSecurityGroupCommand({ GroupName: name, Description: name, VpcId: vpc }),
      )
    ).GroupId as string;
    await ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: id,
        IpPermissions: [
          {
            IpProtocol: 'tcp',
            FromPort: port,
            ToPort: port,
            IpRanges: [{ CidrIp: '10.30.50.0/24', Description: 'batch servers' }],
          },
        ],
      }),
    );
    return id;
  };
  const mysqlSg = await group('vpc2-mysql', vpcId, 3306);
  // The customer's own group in the seeded VPC, with a rule on a database port.
  await group('customer-bastion', seeded.vpcId, 5432);

  await rds.send(
    new CreateDBSubnetGroupCommand({
      DBSubnetGroupName: 'vpc2-db-subnets',
      DBSubnetGroupDescription: 'second VPC',
      SubnetIds: [privateA, privateC],
    }),
  );
  const inVpc2 = (id: string, az: string) => ({
    ...instance(id, 'mysql', 3306, az, mysqlSg).input,
    DBSubnetGroupName: 'vpc2-db-subnets',
  });
  await rds.send(new CreateDBInstanceCommand(inVpc2('vpc2-orders', azA)));
  await rds.send(new CreateDBInstanceCommand(inVpc2('vpc2-reports', azC)));
  await rds.send(
    new CreateDBInstanceCommand({
      ...instance('customer-analytics', 'postgres', 5432, azA, seeded.postgres.securityGroupId)
        .input,
      DBSubnetGroupName: 'customer-db-subnets',
    }),
  );

  // A stack of the customer's that has nothing to do with SMOOZ.
  await cfn.send(
    new CreateStackCommand({
      StackName: 'customer-app',
      TemplateBody: JSON.stringify({
        Resources: {
          AppGroup: {
            Type: 'AWS::EC2::SecurityGroup',
            Properties: { GroupDescription: 'app', VpcId: seeded.vpcId },
          },
        },
      }),
    }),
  );

  return {
    vpc2: { vpcId, securityGroupId: mysqlSg },
    vpc2Orders: 'vpc2-orders',
    vpc2Reports: 'vpc2-reports',
    analytics: 'customer-analytics',
  };
}
