import { randomBytes } from 'node:crypto';
import {
  CreateSubnetCommand,
  CreateVpcCommand,
  CreateVpcEndpointServiceConfigurationCommand,
  DescribeVpcEndpointsCommand,
  EC2Client,
  ModifyVpcEndpointServicePermissionsCommand,
} from '@aws-sdk/client-ec2';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client,
  RegisterTargetsCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { createAwsClient } from '../../../main/aws/clientFactory';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';

export interface CustomerService {
  readonly serviceId: string;
  readonly serviceName: string;
  readonly targetGroupArn: string;
  readonly listenerArn: string;
  readonly zones: { id: string; name: string }[];
}

let counter = 0;

/**
 * What the customer's stack makes, built directly with the EC2 and ELBv2 APIs in the customer's
 * (moto's default) account: a VPC, a subnet per zone, an internal NLB with a TCP listener
 * forwarding to an IP target (by default an address in the VPC; a test world database where the
 * test logs in through it), and an endpoint service that allows `allowedAccountId` (or nobody).
 */
export async function createCustomerEndpointService(
  motoEndpoint: string,
  allowedAccountId: string | undefined,
  zoneIds: readonly string[] = ['apne1-az4'],
  target?: { readonly address: string; readonly port: number },
): Promise<CustomerService> {
  const config = motoAppConfig(motoEndpoint);
  const ec2 = createAwsClient(EC2Client, config, motoContext);
  const elb = createAwsClient(ElasticLoadBalancingV2Client, config, motoContext);
  const n = ++counter;
  // Unique names: several test files share one moto server without resetting it in between.
  const suffix = randomBytes(4).toString('hex');
  const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: `10.${20 + n}.0.0/16` }));
  const subnets: { SubnetId: string; AvailabilityZone: string }[] = [];
  for (const [i, zoneId] of zoneIds.entries()) {
    const s = await ec2.send(
      new CreateSubnetCommand({
        VpcId: vpc.Vpc?.VpcId,
        AvailabilityZoneId: zoneId,
        CidrBlock: `10.${20 + n}.${i}.0/24`,
      }),
    );
    subnets.push(s.Subnet as { SubnetId: string; AvailabilityZone: string });
  }
  const lb = await elb.send(
    new CreateLoadBalancerCommand({
      Name: `customer-nlb-${suffix}`,
      Type: 'network',
      Scheme: 'internal',
      Subnets: subnets.map((s) => s.SubnetId),
    }),
  );
  const tg = await elb.send(
    new CreateTargetGroupCommand({
      Name: `customer-tg-${suffix}`,
      Protocol: 'TCP',
      Port: target?.port ?? 5432,
      TargetType: 'ip',
      VpcId: vpc.Vpc?.VpcId,
    }),
  );
  const targetGroupArn = tg.TargetGroups?.[0]?.TargetGroupArn as string;
  await elb.send(
    new RegisterTargetsCommand({
      TargetGroupArn: targetGroupArn,
      Targets: [{ Id: target?.address ?? `10.${20 + n}.0.10`, Port: target?.port ?? 5432 }],
    }),
  );
  const loadBalancerArn = lb.LoadBalancers?.[0]?.LoadBalancerArn as string;
  const listener = await elb.send(
    new CreateListenerCommand({
      LoadBalancerArn: loadBalancerArn,
      Protocol: 'TCP',
      Port: target?.port ?? 5432,
      DefaultActions: [{ Type: 'forward', TargetGroupArn: targetGroupArn }],
    }),
  );
  const service = await ec2.send(
    new CreateVpcEndpointServiceConfigurationCommand({
      NetworkLoadBalancerArns: [loadBalancerArn],
      AcceptanceRequired: false,
    }),
  );
  const serviceId = service.ServiceConfiguration?.ServiceId as string;
  if (allowedAccountId) {
    await ec2.send(
      new ModifyVpcEndpointServicePermissionsCommand({
        ServiceId: serviceId,
        AddAllowedPrincipals: [`arn:aws:iam::${allowedAccountId}:root`],
      }),
    );
  }
  ec2.destroy();
  elb.destroy();
  return {
    serviceId,
    serviceName: service.ServiceConfiguration?.ServiceName as string,
    targetGroupArn,
    listenerArn: listener.Listeners?.[0]?.ListenerArn as string,
    zones: zoneIds.map((id, i) => ({ id, name: subnets[i]?.AvailabilityZone as string })),
  };
}

/** The interface endpoints in an account, as that account sees them (moto's account header). */
export async function endpointsInAccount(motoEndpoint: string, accountId: string) {
  const ec2 = createAwsClient(EC2Client, motoAppConfig(motoEndpoint), motoContext);
  ec2.middlewareStack.add(
    (next) => async (args) => {
      (args.request as { headers: Record<string, string> }).headers['x-moto-account-id'] =
        accountId;
      return next(args);
    },
    { step: 'build' },
  );
  const found = await ec2.send(new DescribeVpcEndpointsCommand({}));
  ec2.destroy();
  return found.VpcEndpoints ?? [];
}
