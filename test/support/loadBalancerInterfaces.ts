import { DescribeNetworkInterfacesCommand, EC2Client } from '@aws-sdk/client-ec2';
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
