import {
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { createAwsClient } from '../../main/aws/clientFactory';
import { motoAppConfig, motoContext } from './awsTestConfig';

/**
 * The network interfaces AWS gives a network load balancer (one per subnet, described
 * `ELB net/<name>/<id>`), read straight from EC2: what the tests compare the app's rules with.
 */
export async function loadBalancerInterfaces(endpoint: string, loadBalancerArn: string) {
  const ec2 = createAwsClient(EC2Client, motoAppConfig(endpoint), motoContext);
  const description = `ELB ${loadBalancerArn.split(':loadbalancer/')[1] ?? ''}`;
  const out = await ec2.send(
    new DescribeNetworkInterfacesCommand({
      Filters: [{ Name: 'description', Values: [description] }],
    }),
  );
  return (out.NetworkInterfaces ?? []).map((eni) => ({
    subnetId: eni.SubnetId ?? '',
    address: eni.PrivateIpAddress ?? '',
  }));
}

/**
 * The NLB's addresses as /32s, and the CIDRs a connection's rules admit on a group's port (its id
 * in the rule's description), both sorted: a least-privileged connection has the two equal.
 */
export async function nlbAndConnectionCidrs(
  endpoint: string,
  target: { loadBalancerArn: string; groupId: string; port: number; connectionId: string },
) {
  const ec2 = createAwsClient(EC2Client, motoAppConfig(endpoint), motoContext);
  const nlb = await loadBalancerInterfaces(endpoint, target.loadBalancerArn);
  const out = await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [target.groupId] }));
  const admitted = (out.SecurityGroups?.[0]?.IpPermissions ?? [])
    .filter((p) => p.FromPort === target.port)
    .flatMap((p) => p.IpRanges ?? [])
    .filter((r) => r.Description?.includes(target.connectionId))
    .map((r) => r.CidrIp ?? '');
  return { nlb: nlb.map((eni) => `${eni.address}/32`).sort(), admitted: admitted.sort() };
}
