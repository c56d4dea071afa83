import {
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeVpcEndpointsCommand,
  type RouteTable,
  type VpcEndpoint,
} from '@aws-sdk/client-ec2';
import type { EngineClients } from './engineClients';
import { CONNECTION_TAG } from './tags';

export interface SubnetInfo {
  readonly subnetId: string;
  readonly availabilityZone: string;
  readonly availabilityZoneId: string;
  readonly cidr: string;
}

/** How a function in a subnet (which gets no public IP) reaches AWS APIs. */
export type RouteEgress =
  | 'natGateway'
  /** A NAT instance or appliance: it may work, but the engine cannot verify it. */
  | 'otherDevice'
  /** Only an internet gateway: a Lambda ENI has no public IP, so this does not work. */
  | 'internetGatewayOnly'
  | 'none';

export interface VpcNetwork {
  readonly vpcId: string;
  readonly subnets: readonly SubnetInfo[];
  readonly routeTables: readonly RouteTable[];
  readonly endpoints: readonly VpcEndpoint[];
}

/** Subnets, route tables and VPC endpoints of one VPC: three calls, everything preflight reads. */
export async function describeVpcNetwork(
  clients: EngineClients,
  vpcId: string,
): Promise<VpcNetwork> {
  const filter = [{ Name: 'vpc-id', Values: [vpcId] }];
  const [subnets, tables, endpoints] = await Promise.all([
    clients.ec2.send(new DescribeSubnetsCommand({ Filters: filter })),
    clients.ec2.send(new DescribeRouteTablesCommand({ Filters: filter })),
    clients.ec2.send(new DescribeVpcEndpointsCommand({ Filters: filter })),
  ]);
  return {
    vpcId,
    subnets: (subnets.Subnets ?? []).flatMap((s) =>
      s.SubnetId && s.AvailabilityZone
        ? [
            {
              subnetId: s.SubnetId,
              availabilityZone: s.AvailabilityZone,
              availabilityZoneId: s.AvailabilityZoneId ?? '',
              cidr: s.CidrBlock ?? '',
            },
          ]
        : [],
    ),
    routeTables: tables.RouteTables ?? [],
    endpoints: endpoints.VpcEndpoints ?? [],
  };
}

/** The subnet's own route table, or the VPC's main table when it has no explicit association. */
export function routeTableOf(network: VpcNetwork, subnetId: string): RouteTable | undefined {
  const explicit = network.routeTables.find((t) =>
    (t.Associations ?? []).some((a) => a.SubnetId === subnetId),
  );
  return explicit ?? network.routeTables.find((t) => (t.Associations ?? []).some((a) => a.Main));
}

export function routeEgress(network: VpcNetwork, subnetId: string): RouteEgress {
  const table = routeTableOf(network, subnetId);
  const defaults = (table?.Routes ?? []).filter(
    (r) => r.DestinationCidrBlock === '0.0.0.0/0' && r.State !== 'blackhole',
  );
  if (defaults.some((r) => r.NatGatewayId)) return 'natGateway';
  if (defaults.some((r) => r.InstanceId || r.NetworkInterfaceId || r.TransitGatewayId)) {
    return 'otherDevice';
  }
  if (defaults.some((r) => r.GatewayId?.startsWith('igw-'))) return 'internetGatewayOnly';
  return 'none';
}

// AWS answers in lower case although the SDK's enum is capitalised.
const LIVE_ENDPOINT_STATES = new Set(['available', 'pending']);

/**
 * Services (by endpoint service name) reachable from inside the VPC through an interface endpoint
 * with private DNS — the SDK's default hostnames then resolve to the endpoint. An interface
 * endpoint in any AZ serves every subnet of the VPC.
 */
export function servicesWithPrivateEndpoints(network: VpcNetwork): Set<string> {
  return new Set(
    network.endpoints
      .filter(
        (e) =>
          e.VpcEndpointType === 'Interface' &&
          e.PrivateDnsEnabled === true &&
          LIVE_ENDPOINT_STATES.has(String(e.State).toLowerCase()),
      )
      .flatMap((e) => (e.ServiceName ? [e.ServiceName] : [])),
  );
}

/**
 * Private-DNS interface endpoints for these services that this app made for another connection.
 * The updater uses them whatever the route table says (private DNS answers for the whole VPC),
 * but their group admits only the updaters given access, and their owner's teardown removes them.
 */
export function endpointsOfOtherConnections(
  network: VpcNetwork,
  serviceNames: readonly string[],
  connectionId: string,
): { endpointId: string; ownerId: string; groupIds: string[] }[] {
  return network.endpoints.flatMap((e) => {
    const ownerId = e.Tags?.find((t) => t.Key === CONNECTION_TAG)?.Value;
    const used =
      e.VpcEndpointType === 'Interface' &&
      e.PrivateDnsEnabled === true &&
      LIVE_ENDPOINT_STATES.has(String(e.State).toLowerCase()) &&
      serviceNames.includes(e.ServiceName ?? '');
    return used && e.VpcEndpointId && ownerId !== undefined && ownerId !== connectionId
      ? [
          {
            endpointId: e.VpcEndpointId,
            ownerId,
            groupIds: (e.Groups ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : [])),
          },
        ]
      : [];
  });
}

export const hasS3Gateway = (network: VpcNetwork, region: string): boolean =>
  network.endpoints.some(
    (e) => e.VpcEndpointType === 'Gateway' && e.ServiceName === `com.amazonaws.${region}.s3`,
  );

/** Whether a function in the subnet can reach every one of the services. */
export function subnetHasEgress(
  network: VpcNetwork,
  subnetId: string,
  serviceNames: readonly string[],
): { ok: boolean; via: 'natGateway' | 'endpoints' | 'otherDevice' | 'none'; route: RouteEgress } {
  const route = routeEgress(network, subnetId);
  if (route === 'natGateway') return { ok: true, via: 'natGateway', route };
  const endpoints = servicesWithPrivateEndpoints(network);
  if (serviceNames.every((s) => endpoints.has(s))) return { ok: true, via: 'endpoints', route };
  if (route === 'otherDevice') return { ok: true, via: 'otherDevice', route };
  return { ok: false, via: 'none', route };
}
