import {
  CreateTagsCommand,
  CreateVpcEndpointCommand,
  DeleteVpcEndpointsCommand,
  DescribeSecurityGroupsCommand,
  DescribeVpcEndpointsCommand,
  type VpcEndpoint,
} from '@aws-sdk/client-ec2';
import type { SetupPlan } from '../../shared/flow/plan';
import type { PreflightFix } from '../../shared/flow/preflight';
import type { CreatedResource } from '../../shared/flow/resources';
import type { EngineClients } from './engineClients';
import { describeVpcNetwork, routeTableOf } from './network';
import type { Clock } from '../base/clock';
import { CONNECTION_TAG, connectionTags, hasConnectionTag, parseRuleDescription } from './tags';
import { nextPollMs, type PollPolicy } from './timing';
import { awsErrorName } from '../aws/awsErrors';

type EndpointResource = Extract<CreatedResource, { kind: 'vpcEndpoint' }>;
type EndpointFix = Extract<PreflightFix, { kind: 'createInterfaceEndpoints' }>;

const GONE = new Set(['deleted', 'deleting', 'failed', 'rejected', 'expired']);
const live = (e: VpcEndpoint) => !GONE.has(String(e.State).toLowerCase());

/** This connection's endpoints, found by tag (so one created just before a crash is found too). */
export async function findConnectionEndpoints(
  clients: EngineClients,
  connectionId: string,
): Promise<EndpointResource[]> {
  const out = await clients.ec2.send(
    new DescribeVpcEndpointsCommand({
      Filters: [{ Name: `tag:${CONNECTION_TAG}`, Values: [connectionId] }],
    }),
  );
  return (out.VpcEndpoints ?? []).filter(live).flatMap((e) =>
    e.VpcEndpointId && e.ServiceName
      ? [
          {
            kind: 'vpcEndpoint' as const,
            endpointId: e.VpcEndpointId,
            serviceName: e.ServiceName,
          },
        ]
      : [],
  );
}

/**
 * The fix for a subnet without a way out: an interface endpoint with private DNS per service the
 * updater calls (one subnet per AZ, guarded by the endpoints' own security group), and the free S3
 * gateway endpoint when asked. Each endpoint is created once: an existing one of this connection
 * is reused, and the client token makes a retried call after a lost answer return the same one.
 */
export async function ensureEndpoints(
  clients: EngineClients,
  plan: SetupPlan,
  fix: EndpointFix,
  endpointGroupId: string,
  onCreated: (endpoint: EndpointResource) => Promise<void>,
): Promise<EndpointResource[]> {
  const existing = await clients.ec2.send(
    new DescribeVpcEndpointsCommand({
      Filters: [{ Name: 'vpc-id', Values: [plan.database.vpcId] }],
    }),
  );
  const ours = (existing.VpcEndpoints ?? []).filter(
    (e) => live(e) && hasConnectionTag(e.Tags, plan.connectionId),
  );
  const network = await describeVpcNetwork(clients, plan.database.vpcId);
  // An interface endpoint takes at most one subnet per AZ.
  const perAz = new Map<string, string>();
  for (const id of fix.subnetIds) {
    const az = network.subnets.find((s) => s.subnetId === id)?.availabilityZone;
    if (az && !perAz.has(az)) perAz.set(az, id);
  }
  const requests = [
    ...fix.serviceNames.map((serviceName) => ({ serviceName, type: 'Interface' as const })),
    ...(fix.s3Gateway
      ? [{ serviceName: `com.amazonaws.${plan.region}.s3`, type: 'Gateway' as const }]
      : []),
  ];
  const result: EndpointResource[] = [];
  for (const { serviceName, type } of requests) {
    let endpoint = ours.find((e) => e.ServiceName === serviceName);
    if (!endpoint) {
      const short = serviceName.split('.').pop() ?? 'endpoint';
      const routeTables = [
        ...new Set(
          fix.subnetIds.flatMap((id) => {
            const table = routeTableOf(network, id)?.RouteTableId;
            return table ? [table] : [];
          }),
        ),
      ];
      const out = await clients.ec2.send(
        new CreateVpcEndpointCommand({
          VpcEndpointType: type,
          VpcId: plan.database.vpcId,
          ServiceName: serviceName,
          ...(type === 'Interface'
            ? {
                SubnetIds: [...perAz.values()],
                SecurityGroupIds: [endpointGroupId],
                PrivateDnsEnabled: true,
              }
            : { RouteTableIds: routeTables }),
          ClientToken: `${plan.connectionId}-${short}`.slice(0, 64),
          TagSpecifications: [
            {
              ResourceType: 'vpc-endpoint',
              Tags: connectionTags(plan.connectionId, `smooz-privatelink-${short}`),
            },
          ],
        }),
      );
      endpoint = out.VpcEndpoint;
    }
    if (endpoint?.VpcEndpointId) {
      const resource: EndpointResource = {
        kind: 'vpcEndpoint',
        endpointId: endpoint.VpcEndpointId,
        serviceName,
      };
      await onCreated(resource);
      result.push(resource);
    }
  }
  return result;
}

/** Deletes an endpoint and waits until it is gone (its security group cannot go before it). */
export async function deleteEndpoint(
  clients: EngineClients,
  endpointId: string,
  wait: { readonly clock: Clock; readonly poll: PollPolicy; readonly signal?: AbortSignal },
): Promise<boolean> {
  const state = async () => {
    const out = await clients.ec2
      .send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [endpointId] }))
      .catch((error: unknown) => {
        if (awsErrorName(error).startsWith('InvalidVpcEndpointId')) {
          return { VpcEndpoints: [] as VpcEndpoint[] };
        }
        throw error;
      });
    return out.VpcEndpoints?.[0];
  };
  const before = await state();
  if (!before || String(before.State).toLowerCase() === 'deleted') return false;
  await clients.ec2.send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: [endpointId] }));
  // Deleting takes AWS about a minute; the endpoints' group cannot go before the endpoint.
  let waitMs: number | undefined;
  for (;;) {
    const now = await state();
    if (!now || String(now.State).toLowerCase() === 'deleted') return true;
    waitMs = nextPollMs(wait.poll, waitMs, false);
    await wait.clock.sleep(waitMs, wait.signal);
  }
}

/**
 * The connection that still reaches its API through these interface endpoints (another
 * connection in the VPC was let into their group: plannedEndpointAccessRules), if any.
 */
async function heirOf(
  clients: EngineClients,
  groupIds: readonly string[],
  connectionId: string,
): Promise<string | undefined> {
  if (groupIds.length === 0) return undefined;
  const out = await clients.ec2
    .send(new DescribeSecurityGroupsCommand({ GroupIds: [...groupIds] }))
    .catch((error: unknown) => {
      if (awsErrorName(error) === 'InvalidGroup.NotFound') {
        return { SecurityGroups: [] };
      }
      throw error;
    });
  return (out.SecurityGroups ?? [])
    .flatMap((g) => g.IpPermissions ?? [])
    .flatMap((p) => p.UserIdGroupPairs ?? [])
    .flatMap((pair) => parseRuleDescription(pair.Description)?.connectionIds ?? [])
    .find((id) => id !== connectionId);
}

/**
 * Hands an endpoint, or the endpoints' group, to the connection that still uses it: it stays, and
 * carries that connection's tag, so that connection's teardown removes it. Returns the heir, or
 * undefined when no other connection uses it (then it is removed as usual).
 */
export async function handOverIfUsed(
  clients: EngineClients,
  connectionId: string,
  resource:
    { kind: 'vpcEndpoint'; endpointId: string } | { kind: 'securityGroup'; groupId: string },
): Promise<string | undefined> {
  let groupIds: string[] = [resource.kind === 'securityGroup' ? resource.groupId : ''];
  if (resource.kind === 'vpcEndpoint') {
    const endpoint = (
      await clients.ec2
        .send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [resource.endpointId] }))
        .catch(() => ({ VpcEndpoints: [] as VpcEndpoint[] }))
    ).VpcEndpoints?.[0];
    if (!endpoint || !live(endpoint)) return undefined;
    groupIds = (endpoint.Groups ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : []));
  }
  const heir = await heirOf(clients, groupIds, connectionId);
  if (heir === undefined) return undefined;
  await clients.ec2.send(
    new CreateTagsCommand({
      Resources: [resource.kind === 'vpcEndpoint' ? resource.endpointId : resource.groupId],
      Tags: [{ Key: CONNECTION_TAG, Value: heir }],
    }),
  );
  return heir;
}
