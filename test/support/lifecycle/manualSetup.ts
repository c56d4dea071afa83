import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  CloudFormationClient,
  CreateStackCommand,
  DescribeStackResourcesCommand,
  DescribeStacksCommand,
  type Stack,
} from '@aws-sdk/client-cloudformation';
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DescribeSubnetsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import {
  ElasticLoadBalancingV2Client,
  RegisterTargetsCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { createAwsClient } from '../../../main/aws/clientFactory';
import type { ResolveAddresses } from '../../../main/lifecycle/database';
import type { SmoozApi } from '../../../main/smooz/smoozApiClient';
import { motoAppConfig, motoContext } from '../awsTestConfig';
import { ROOT } from '../projectRoot';
import { readTestWorld } from '../realDatabases/world';
import type { SeededAccount } from '../seedAccount';

const MANUAL_TEMPLATE = readFileSync(
  join(ROOT, 'test', 'fixtures', 'manual-template', 'smooz-privatelink-manual.yaml'),
  'utf8',
);

/** The names the manual's sample gives the stack and its function, kept as most engineers do. */
const MANUAL_NAMES = {
  stackName: 'smooz-privatelink',
  functionName: 'smooz-privatelink-function',
} as const;

/** What the engineer following the manual ended up with. */
export interface ManualDeployment {
  readonly stackName: string;
  readonly functionName: string;
  readonly lambdaSecurityGroupId: string;
  readonly endpointServiceName: string;
  readonly endpointServiceId: string;
  readonly loadBalancerArn: string;
  readonly targetGroupArn: string;
  readonly zone: { readonly id: string; readonly name: string };
}

/**
 * Does by hand, in the emulated account, what the manual tells an engineer to do for the seeded
 * PostgreSQL instance: 3-1 (a Lambda security group with no inbound rules; the database's group
 * admits it and "the NLB" — written, as people do, as the whole VPC's range), 3-2 (the
 * manual-style stack in one NAT-routed subnet of the database's AZ), then the test run of the
 * updater the sample's README asks for, which registers the first target (the Python function
 * itself does not run here: the target is the test world's PostgreSQL, where its lookup would
 * point).
 */
async function deployManualSetup(
  motoEndpoint: string,
  worldFile: string,
  account: SeededAccount,
): Promise<ManualDeployment> {
  const config = motoAppConfig(motoEndpoint);
  const ec2 = createAwsClient(EC2Client, config, motoContext);
  const rds = createAwsClient(RDSClient, config, motoContext);
  const cfn = createAwsClient(CloudFormationClient, config, motoContext);
  const elb = createAwsClient(ElasticLoadBalancingV2Client, config, motoContext);
  const { postgres } = account;

  const lambdaGroup = await ec2.send(
    new CreateSecurityGroupCommand({
      GroupName: `${MANUAL_NAMES.functionName}-sg`,
      Description: 'Lambda for SMOOZ PrivateLink (manual 3-1)',
      VpcId: account.vpcId,
    }),
  );
  const lambdaSecurityGroupId = lambdaGroup.GroupId ?? '';
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: postgres.securityGroupId,
      IpPermissions: [
        {
          IpProtocol: 'tcp',
          FromPort: postgres.port,
          ToPort: postgres.port,
          UserIdGroupPairs: [{ GroupId: lambdaSecurityGroupId }],
        },
        {
          IpProtocol: 'tcp',
          FromPort: postgres.port,
          ToPort: postgres.port,
          IpRanges: [{ CidrIp: '10.20.0.0/16', Description: 'NLB' }],
        },
      ],
    }),
  );

  const db = (
    await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: postgres.identifier }))
  ).DBInstances?.[0];
  const subnetId = account.subnets.private[0];
  await cfn.send(
    new CreateStackCommand({
      StackName: MANUAL_NAMES.stackName,
      TemplateBody: MANUAL_TEMPLATE,
      Capabilities: ['CAPABILITY_IAM'],
      Parameters: Object.entries({
        LambdaFunctionName: MANUAL_NAMES.functionName,
        RDSType: 'instance',
        RDSEndpoint: db?.Endpoint?.Address ?? '',
        RDSPort: String(postgres.port),
        VpcId: account.vpcId,
        SubnetId: subnetId,
        LambdaSecurityGroupIds: lambdaSecurityGroupId,
        SmoozAccountId: '210987654321',
      }).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })),
    }),
  );
  const stack = await waitForStack(cfn, MANUAL_NAMES.stackName);
  if (stack.StackStatus !== 'CREATE_COMPLETE') {
    throw new Error(`manual stack ended ${stack.StackStatus}: ${stack.StackStatusReason}`);
  }
  const resources = (
    await cfn.send(new DescribeStackResourcesCommand({ StackName: MANUAL_NAMES.stackName }))
  ).StackResources;
  const physical = (logicalId: string) =>
    resources?.find((r) => r.LogicalResourceId === logicalId)?.PhysicalResourceId ?? '';
  const targetGroupArn = physical('TargetGroup');
  const world = readTestWorld(worldFile);
  await elb.send(
    new RegisterTargetsCommand({
      TargetGroupArn: targetGroupArn,
      Targets: [{ Id: world.databases.postgres.address, Port: postgres.port }],
    }),
  );
  const subnet = (await ec2.send(new DescribeSubnetsCommand({ SubnetIds: [subnetId] })))
    .Subnets?.[0];
  const endpointServiceName =
    stack.Outputs?.find((o) => o.OutputKey === 'EndpointServiceName')?.OutputValue ?? '';
  return {
    ...MANUAL_NAMES,
    lambdaSecurityGroupId,
    endpointServiceName,
    endpointServiceId: physical('EndpointService'),
    loadBalancerArn: physical('NetworkLoadBalancer'),
    targetGroupArn,
    zone: { id: subnet?.AvailabilityZoneId ?? '', name: subnet?.AvailabilityZone ?? '' },
  };
}

/** Manual step 4 on SMOOZ's design site: its endpoint to the service, followed to `available`. */
async function connectSmoozTo(
  smooz: SmoozApi,
  deployment: ManualDeployment,
  name: string,
): Promise<string> {
  const created = await smooz.createConnection(
    {
      name,
      customerAwsAccountId: '123456789012',
      region: motoContext.region,
      availabilityZones: [deployment.zone],
      endpointServiceName: deployment.endpointServiceName,
      dbAuthMethod: 'password',
    },
    randomUUID(),
  );
  return smoozConnectionAvailable(smooz, created.id);
}

/** Waits (up to 10 s) for SMOOZ to report a connection it was asked to make as available. */
export async function smoozConnectionAvailable(smooz: SmoozApi, id: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const now = await smooz.getConnection(id);
    if (now.status === 'available') return id;
    if (now.status !== 'pending') throw new Error(`SMOOZ connection ${now.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('SMOOZ connection still pending after 10 s');
}

/** The manual followed to the end: the setup deployed, then SMOOZ connected through it (step 4). */
export async function setUpByHand(
  motoEndpoint: string,
  worldFile: string,
  account: SeededAccount,
  smooz: SmoozApi,
  connectionName: string,
): Promise<{ readonly manual: ManualDeployment; readonly smoozConnectionId: string }> {
  const manual = await deployManualSetup(motoEndpoint, worldFile, account);
  return { manual, smoozConnectionId: await connectSmoozTo(smooz, manual, connectionName) };
}

async function waitForStack(cfn: CloudFormationClient, name: string): Promise<Stack> {
  for (let i = 0; i < 240; i++) {
    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: name }))).Stacks?.[0];
    if (stack && !stack.StackStatus?.endsWith('_IN_PROGRESS')) return stack;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`stack ${name} still in progress after 60 s`);
}

/** The emulated VPC resolver (the moto plug-in), standing in for DNS on the customer's PC. */
export function motoVpcResolver(motoEndpoint: string): ResolveAddresses {
  return async (hostname) => {
    const url = new URL(`${motoEndpoint}/moto-api/smooz/vpc-dns`);
    url.searchParams.set('hostname', hostname);
    const res = await fetch(url);
    if (!res.ok) throw new Error(`vpc-dns answered HTTP ${res.status}`);
    const body = (await res.json()) as { addresses: string[] | null };
    return body.addresses ?? undefined;
  };
}
