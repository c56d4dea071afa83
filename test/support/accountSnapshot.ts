import { CloudFormationClient, ListStacksCommand } from '@aws-sdk/client-cloudformation';
import {
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupsCommand,
  DescribeVpcEndpointServiceConfigurationsCommand,
  DescribeVpcEndpointsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import {
  DescribeLoadBalancersCommand,
  DescribeTargetGroupsCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { createAwsClient } from '../../main/aws/clientFactory';
import { motoAppConfig, motoContext } from './awsTestConfig';

/**
 * Everything in the emulated account the setup flow could create or change, in a form two
 * snapshots can be compared with `toEqual`: groups with their inbound rules, stacks, endpoints,
 * load balancers (with their network interfaces), target groups, functions, roles and endpoint
 * services.
 */
export async function accountSnapshot(endpoint: string) {
  const config = motoAppConfig(endpoint);
  const ec2 = createAwsClient(EC2Client, config, motoContext);
  const cfn = createAwsClient(CloudFormationClient, config, motoContext);
  const elb = createAwsClient(ElasticLoadBalancingV2Client, config, motoContext);
  const lambda = createAwsClient(LambdaClient, config, motoContext);
  const iam = createAwsClient(IAMClient, config, motoContext);
  const [groups, stacks, endpoints, services, lbs, tgs, functions, roles, enis] = await Promise.all(
    [
      ec2.send(new DescribeSecurityGroupsCommand({})),
      cfn.send(new ListStacksCommand({})),
      ec2.send(new DescribeVpcEndpointsCommand({})),
      ec2.send(new DescribeVpcEndpointServiceConfigurationsCommand({})),
      elb.send(new DescribeLoadBalancersCommand({})),
      elb.send(new DescribeTargetGroupsCommand({})),
      lambda.send(new ListFunctionsCommand({})),
      iam.send(new ListRolesCommand({})),
      ec2.send(new DescribeNetworkInterfacesCommand({})),
    ],
  );
  return {
    securityGroups: (groups.SecurityGroups ?? [])
      .map((g) => ({
        id: g.GroupId,
        name: g.GroupName,
        inbound: (g.IpPermissions ?? [])
          .flatMap((p) => [
            ...(p.IpRanges ?? []).map((r) => `${p.IpProtocol}:${p.FromPort}:${r.CidrIp}`),
            ...(p.UserIdGroupPairs ?? []).map((u) => `${p.IpProtocol}:${p.FromPort}:${u.GroupId}`),
          ])
          .sort(),
      }))
      .sort((a, b) => String(a.id).localeCompare(String(b.id))),
    stacks: (stacks.StackSummaries ?? [])
      .filter((s) => s.StackStatus !== 'DELETE_COMPLETE')
      .map((s) => s.StackName)
      .sort(),
    vpcEndpoints: (endpoints.VpcEndpoints ?? [])
      .filter((e) => String(e.State).toLowerCase() !== 'deleted')
      .map((e) => `${e.VpcEndpointId} ${e.ServiceName}`)
      .sort(),
    endpointServices: (services.ServiceConfigurations ?? []).map((s) => s.ServiceId).sort(),
    loadBalancers: (lbs.LoadBalancers ?? []).map((l) => l.LoadBalancerArn).sort(),
    targetGroups: (tgs.TargetGroups ?? []).map((t) => t.TargetGroupArn).sort(),
    functions: (functions.Functions ?? []).map((f) => f.FunctionName).sort(),
    roles: (roles.Roles ?? []).map((r) => r.RoleName).sort(),
    networkInterfaces: (enis.NetworkInterfaces ?? [])
      .map((n) => `${n.NetworkInterfaceId} ${n.PrivateIpAddress} ${n.Description}`)
      .sort(),
  };
}
export type AccountSnapshot = Awaited<ReturnType<typeof accountSnapshot>>;

/** What appeared between two snapshots: new items per kind, and new inbound rules per group. */
export function snapshotDelta(before: AccountSnapshot, after: AccountSnapshot) {
  const added = (a: readonly unknown[], b: readonly unknown[]) =>
    b.filter((x) => !a.some((y) => JSON.stringify(y) === JSON.stringify(x)));
  const groupsBefore = new Map(before.securityGroups.map((g) => [g.id, g]));
  return {
    securityGroups: after.securityGroups.filter((g) => !groupsBefore.has(g.id)).map((g) => g.name),
    rulesAddedToExistingGroups: after.securityGroups.flatMap((g) => {
      const old = groupsBefore.get(g.id);
      return old ? added(old.inbound, g.inbound).map((rule) => `${g.name} ${String(rule)}`) : [];
    }),
    stacks: added(before.stacks, after.stacks),
    vpcEndpoints: added(before.vpcEndpoints, after.vpcEndpoints),
    endpointServices: added(before.endpointServices, after.endpointServices),
    loadBalancers: added(before.loadBalancers, after.loadBalancers),
    targetGroups: added(before.targetGroups, after.targetGroups),
    functions: added(before.functions, after.functions),
    roles: added(before.roles, after.roles),
    networkInterfaces: added(before.networkInterfaces, after.networkInterfaces),
  };
}
