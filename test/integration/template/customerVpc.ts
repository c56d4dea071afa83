import {
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  CreateVpcEndpointCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import {
  CreateDBClusterCommand,
  CreateDBInstanceCommand,
  CreateDBSubnetGroupCommand,
  RDSClient,
} from '@aws-sdk/client-rds';
import { createAwsClient } from '../../../main/aws/clientFactory';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';

export interface CustomerSubnet {
  id: string;
  cidr: string;
  zoneName: string;
  zoneId: string;
}

export interface CustomerDatabase {
  endpoint: string;
  port: number;
  resourceId: string;
}

export interface CustomerVpc {
  vpcId: string;
  subnets: CustomerSubnet[];
  lambdaSecurityGroupId: string;
  instance: CustomerDatabase;
  cluster: CustomerDatabase;
}

/**
 * The customer's side before step 3-2, seeded with the SDK: a VPC with a subnet in two AZs, the
 * Lambda security group of step 3-1, a DB subnet group, a MySQL instance and an Aurora cluster.
 */
export async function seedCustomerVpc(motoEndpoint: string, tag: string, octet: number) {
  const config = motoAppConfig(motoEndpoint);
  const ec2 = createAwsClient(EC2Client, config, motoContext);
  const rds = createAwsClient(RDSClient, config, motoContext);
  const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: `10.${octet}.0.0/16` }));
  const vpcId = vpc.Vpc?.VpcId ?? '';
  const subnets: CustomerSubnet[] = [];
  for (const [i, zoneName] of ['ap-northeast-1a', 'ap-northeast-1c'].entries()) {
    const cidr = `10.${octet}.${i + 1}.0/24`;
    const out = await ec2.send(
      new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: cidr, AvailabilityZone: zoneName }),
    );
    subnets.push({
      id: out.Subnet?.SubnetId ?? '',
      cidr,
      zoneName,
      zoneId: out.Subnet?.AvailabilityZoneId ?? '',
    });
  }
  const sg = await ec2.send(
    new CreateSecurityGroupCommand({
      GroupName: `smooz-lambda-${tag}`,
      Description: 'SMOOZ PrivateLink Lambda (step 3-1)',
      VpcId: vpcId,
    }),
  );
  const subnetGroup = `smooz-${tag}`;
  await rds.send(
    new CreateDBSubnetGroupCommand({
      DBSubnetGroupName: subnetGroup,
      DBSubnetGroupDescription: 'customer database subnets',
      SubnetIds: subnets.map((s) => s.id),
    }),
  );
  const instance = await rds.send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: `mydb-${tag}`,
      DBInstanceClass: 'db.t3.micro',
      Engine: 'mysql',
      MasterUsername: 'admin',
      MasterUserPassword: 'password-for-moto',
      AllocatedStorage: 20,
      DBSubnetGroupName: subnetGroup,
      AvailabilityZone: 'ap-northeast-1a',
      MultiAZ: true,
    }),
  );
  const cluster = await rds.send(
    new CreateDBClusterCommand({
      DBClusterIdentifier: `aurora-${tag}`,
      Engine: 'aurora-postgresql',
      MasterUsername: 'smooz_admin',
      MasterUserPassword: 'password-for-moto',
      DBSubnetGroupName: subnetGroup,
      Port: 5432,
    }),
  );
  const result: CustomerVpc = {
    vpcId,
    subnets,
    lambdaSecurityGroupId: sg.GroupId ?? '',
    instance: {
      endpoint: instance.DBInstance?.Endpoint?.Address ?? '',
      port: instance.DBInstance?.Endpoint?.Port ?? 3306,
      resourceId: instance.DBInstance?.DbiResourceId ?? '',
    },
    cluster: {
      endpoint: cluster.DBCluster?.Endpoint ?? '',
      port: cluster.DBCluster?.Port ?? 5432,
      resourceId: cluster.DBCluster?.DbClusterResourceId ?? '',
    },
  };
  return result;
}

export interface IsolatedVpc {
  vpcId: string;
  subnetId: string;
  lambdaSecurityGroupId: string;
}

/**
 * A VPC whose subnet has no route out (no NAT gateway), tagged so the moto plug-in gives functions
 * in it only the AWS APIs with an interface endpoint there (smooz_lambda_node.py, VPC egress).
 */
export async function seedIsolatedVpc(
  motoEndpoint: string,
  tag: string,
  octet: number,
): Promise<IsolatedVpc> {
  const ec2 = createAwsClient(EC2Client, motoAppConfig(motoEndpoint), motoContext);
  const vpc = await ec2.send(
    new CreateVpcCommand({
      CidrBlock: `10.${octet}.0.0/16`,
      TagSpecifications: [
        { ResourceType: 'vpc', Tags: [{ Key: 'smooz:moto-egress', Value: 'enforce' }] },
      ],
    }),
  );
  const vpcId = vpc.Vpc?.VpcId ?? '';
  const subnet = await ec2.send(
    new CreateSubnetCommand({
      VpcId: vpcId,
      CidrBlock: `10.${octet}.1.0/24`,
      AvailabilityZone: 'ap-northeast-1a',
    }),
  );
  const sg = await ec2.send(
    new CreateSecurityGroupCommand({
      GroupName: `smooz-lambda-${tag}`,
      Description: 'SMOOZ PrivateLink Lambda (step 3-1)',
      VpcId: vpcId,
    }),
  );
  return {
    vpcId,
    subnetId: subnet.Subnet?.SubnetId ?? '',
    lambdaSecurityGroupId: sg.GroupId ?? '',
  };
}

/** An interface endpoint with private DNS: the SDK's default host for the service resolves to it. */
export async function addInterfaceEndpoint(
  motoEndpoint: string,
  vpc: IsolatedVpc,
  service: string,
): Promise<void> {
  const ec2 = createAwsClient(EC2Client, motoAppConfig(motoEndpoint), motoContext);
  await ec2.send(
    new CreateVpcEndpointCommand({
      VpcEndpointType: 'Interface',
      VpcId: vpc.vpcId,
      SubnetIds: [vpc.subnetId],
      ServiceName: `com.amazonaws.ap-northeast-1.${service}`,
      PrivateDnsEnabled: true,
    }),
  );
}

/** Makes the VPC resolver (emulated by the moto plug-in) answer `addresses` for `hostname`. */
export async function setVpcDns(
  motoEndpoint: string,
  hostname: string,
  addresses: string[] | null,
): Promise<void> {
  const res = await fetch(`${motoEndpoint}/moto-api/smooz/vpc-dns`, {
    method: 'POST',
    body: JSON.stringify({ hostname, addresses }),
  });
  if (!res.ok) throw new Error(`vpc-dns override answered HTTP ${res.status}`);
}

export function inCidr(address: string, cidr: string): boolean {
  const toInt = (ip: string) => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
  const [base, bits] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  const start = toInt(base ?? '');
  return toInt(address) >= start && toInt(address) < start + size;
}
