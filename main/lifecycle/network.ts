import {
  DescribeLoadBalancerAttributesCommand,
  DescribeTagsCommand,
  DescribeTargetHealthCommand,
  paginateDescribeListeners,
  paginateDescribeLoadBalancers,
  paginateDescribeTargetGroups,
  type LoadBalancer,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { paginateDescribeSubnets } from '@aws-sdk/client-ec2';
import type { FoundSetup } from '../../shared/lifecycle/foundSetup';
import { CONNECTION_TAG } from '../engine/tags';
import type { FinderClients } from './finderClients';

type LoadBalancerSnapshot = NonNullable<FoundSetup['loadBalancer']>;
type TargetGroupSnapshot = FoundSetup['targetGroups'][number];

export interface FoundNetwork {
  readonly loadBalancer: LoadBalancerSnapshot;
  readonly targetGroups: TargetGroupSnapshot[];
  readonly vpcId: string;
  /** The app's `smooz:connection-id` tag on the load balancer, when this app made it. */
  readonly connectionId?: string;
}

async function loadBalancerByArn(
  clients: FinderClients,
  arn: string,
): Promise<LoadBalancer | undefined> {
  for await (const page of paginateDescribeLoadBalancers(
    { client: clients.elb },
    { LoadBalancerArns: [arn] },
  )) {
    const found = page.LoadBalancers?.find((lb) => lb.LoadBalancerArn === arn);
    if (found) return found;
  }
  return undefined;
}

/** The load balancer behind an endpoint service, and the target groups its listeners forward to. */
export async function gatherNetwork(
  clients: FinderClients,
  loadBalancerArn: string,
): Promise<FoundNetwork | undefined> {
  const lb = await loadBalancerByArn(clients, loadBalancerArn);
  if (!lb?.LoadBalancerArn) return undefined;
  const [attributes, tags, subnetCidrs, groupArns] = await Promise.all([
    clients.elb.send(
      new DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: loadBalancerArn }),
    ),
    clients.elb.send(new DescribeTagsCommand({ ResourceArns: [loadBalancerArn] })),
    cidrsOf(
      clients,
      (lb.AvailabilityZones ?? []).flatMap((z) => (z.SubnetId ? [z.SubnetId] : [])),
    ),
    forwardedGroups(clients, loadBalancerArn),
  ]);
  const crossZone = (attributes.Attributes ?? []).some(
    (a) => a.Key === 'load_balancing.cross_zone.enabled' && a.Value === 'true',
  );
  const connectionId = tags.TagDescriptions?.[0]?.Tags?.find(
    (t) => t.Key === CONNECTION_TAG,
  )?.Value;
  return {
    vpcId: lb.VpcId ?? '',
    ...(connectionId ? { connectionId } : {}),
    loadBalancer: {
      arn: loadBalancerArn,
      name: lb.LoadBalancerName ?? '',
      zones: (lb.AvailabilityZones ?? []).map((z) => ({
        name: z.ZoneName ?? '',
        ...(z.SubnetId ? { subnetId: z.SubnetId } : {}),
      })),
      crossZone,
      securityGroupIds: lb.SecurityGroups ?? [],
      subnetCidrs,
    },
    targetGroups: await Promise.all(groupArns.map((arn) => gatherTargetGroup(clients, arn))),
  };
}

async function forwardedGroups(clients: FinderClients, loadBalancerArn: string): Promise<string[]> {
  const arns = new Set<string>();
  for await (const page of paginateDescribeListeners(
    { client: clients.elb },
    { LoadBalancerArn: loadBalancerArn },
  )) {
    for (const listener of page.Listeners ?? []) {
      for (const action of listener.DefaultActions ?? []) {
        if (action.TargetGroupArn) arns.add(action.TargetGroupArn);
        for (const g of action.ForwardConfig?.TargetGroups ?? []) {
          if (g.TargetGroupArn) arns.add(g.TargetGroupArn);
        }
      }
    }
  }
  return [...arns].sort();
}

async function gatherTargetGroup(
  clients: FinderClients,
  arn: string,
): Promise<TargetGroupSnapshot> {
  let name = '';
  let port = 0;
  let healthCheckProtocol = '';
  for await (const page of paginateDescribeTargetGroups(
    { client: clients.elb },
    { TargetGroupArns: [arn] },
  )) {
    const group = page.TargetGroups?.find((g) => g.TargetGroupArn === arn);
    if (group) {
      name = group.TargetGroupName ?? '';
      port = group.Port ?? 0;
      healthCheckProtocol = group.HealthCheckProtocol ?? '';
    }
  }
  const health = await clients.elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: arn }));
  return {
    arn,
    name,
    port,
    healthCheckProtocol,
    targets: (health.TargetHealthDescriptions ?? []).map((d) => ({
      address: d.Target?.Id ?? '',
      port: d.Target?.Port ?? port,
      state: String(d.TargetHealth?.State ?? 'unavailable'),
      ...(d.TargetHealth?.Reason ? { reason: String(d.TargetHealth.Reason) } : {}),
    })),
  };
}

async function cidrsOf(clients: FinderClients, subnetIds: string[]): Promise<string[]> {
  if (subnetIds.length === 0) return [];
  const cidrs: string[] = [];
  for await (const page of paginateDescribeSubnets(
    { client: clients.ec2 },
    { SubnetIds: subnetIds },
  )) {
    cidrs.push(...(page.Subnets ?? []).flatMap((s) => (s.CidrBlock ? [s.CidrBlock] : [])));
  }
  return cidrs.sort();
}
