import {
  DescribeSecurityGroupsCommand,
  DescribeVpcEndpointsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { createAwsClient } from '../../../main/aws/clientFactory';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';
import { DEFAULT_SMOOZ_ACCOUNT_ID, type SmoozServer } from '../../smooz-server/smoozServer';

/**
 * What a connection leaves on SMOOZ's side, comparable with `toEqual`: the interface endpoints and
 * security groups in SMOOZ's AWS account on moto (reached with moto's `x-moto-account-id`, as the
 * reference server does) and the connections SMOOZ's API lists. SMOOZ's own network (a VPC with a
 * subnet per zone, made by the reference server on first use) is SMOOZ's standing infrastructure,
 * not something a connection creates, so it is left out.
 */
export async function smoozAccountSnapshot(motoEndpoint: string, smooz: SmoozServer) {
  const ec2 = createAwsClient(EC2Client, motoAppConfig(motoEndpoint), motoContext);
  ec2.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { headers?: Record<string, string> };
      if (request.headers) request.headers['x-moto-account-id'] = DEFAULT_SMOOZ_ACCOUNT_ID;
      return next(args);
    },
    { step: 'build', name: 'smoozAccountSnapshot' },
  );
  try {
    const [endpoints, groups, connections] = await Promise.all([
      ec2.send(new DescribeVpcEndpointsCommand({})),
      ec2.send(new DescribeSecurityGroupsCommand({})),
      smooz.connections.list(),
    ]);
    return {
      vpcEndpoints: (endpoints.VpcEndpoints ?? [])
        .filter((e) => String(e.State).toLowerCase() !== 'deleted')
        .map((e) => `${e.VpcEndpointId} ${e.ServiceName}`)
        .sort(),
      securityGroups: (groups.SecurityGroups ?? [])
        .filter((g) => g.GroupName !== 'default')
        .map((g) => `${g.GroupId} ${g.GroupName}`)
        .sort(),
      connections: connections.map((c) => `${c.id} ${c.status}`).sort(),
    };
  } finally {
    ec2.destroy();
  }
}
