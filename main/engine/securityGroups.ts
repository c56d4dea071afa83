import { runsInVpc } from '../../shared/flow/placement';
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DeleteSecurityGroupCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  paginateDescribeSecurityGroups,
  RevokeSecurityGroupIngressCommand,
  UpdateSecurityGroupRuleDescriptionsIngressCommand,
  type IpPermission,
  type SecurityGroup,
} from '@aws-sdk/client-ec2';
import { AppError } from '../../shared/errors';
import type { SetupPlan } from '../../shared/flow/plan';
import { planNames } from '../../shared/naming/planNames';
import type { CreatedResource, RuleSource } from '../../shared/flow/resources';
import type { EngineClients } from './engineClients';
import { updaterEndpointServiceNames } from '../../shared/stack/updaterApis';
import { endpointsOfOtherConnections, type VpcNetwork } from './network';
import type { Clock } from '../base/clock';
import { SetupErrorCodes } from './setupErrors';
import { nextPollMs, type PollPolicy } from './timing';
import {
  connectionTags,
  hasConnectionTag,
  parseRuleDescription,
  PURPOSE_TAG,
  ruleDescription,
} from './tags';
import { awsErrorName } from '../aws/awsErrors';

type GroupResource = Extract<CreatedResource, { kind: 'securityGroup' }>;
export type RuleResource = Extract<CreatedResource, { kind: 'ingressRule' }>;
export type GroupPurpose = GroupResource['purpose'];

/**
 * Before the stack: the database's port from the updater's group, in the VPC only. The load
 * balancer's own addresses follow once it exists (plannedLoadBalancerRules).
 */
export function plannedRdsRules(
  plan: SetupPlan,
  lambdaGroupId: string | undefined,
): RuleResource[] {
  return [
    ...(lambdaGroupId === undefined
      ? []
      : [
          {
            kind: 'ingressRule' as const,
            groupId: plan.database.securityGroupIds[0] ?? '',
            port: plan.database.port,
            source: { type: 'securityGroup' as const, groupId: lambdaGroupId },
          },
        ]),
  ];
}

/**
 * After the stack: the database's port from each private address of the NLB (it has no security
 * group; its health checks and SMOOZ's traffic come from these), /32 each, never whole subnets.
 */
export function plannedLoadBalancerRules(
  plan: SetupPlan,
  addresses: readonly string[],
): RuleResource[] {
  return [...new Set(addresses)].map((address) => ({
    kind: 'ingressRule',
    groupId: plan.database.securityGroupIds[0] ?? '',
    port: plan.database.port,
    source: { type: 'cidr', cidr: `${address}/32` },
  }));
}

/** The NLB has one address per subnet; preflight counts the rules before they exist. */
export const plannedRdsRuleCount = (plan: SetupPlan): number =>
  plannedRdsRules(plan, runsInVpc(plan) ? 'sg-planned' : undefined).length +
  new Set(plan.subnetIds).size;

/**
 * HTTPS from the updater's group into the groups of interface endpoints another connection made
 * (endpointsOfOtherConnections): the updater reaches its API through them, and the rule, this
 * connection's own, goes at its teardown.
 */
export function plannedEndpointAccessRules(
  plan: SetupPlan,
  network: VpcNetwork,
  lambdaGroupId: string,
): RuleResource[] {
  const groups = endpointsOfOtherConnections(
    network,
    updaterEndpointServiceNames(plan.region),
    plan.connectionId,
  ).flatMap((e) => e.groupIds);
  return [...new Set(groups)].map((groupId) => ({
    kind: 'ingressRule',
    groupId,
    port: 443,
    source: { type: 'securityGroup', groupId: lambdaGroupId },
  }));
}

async function describeGroups(
  clients: EngineClients,
  filters: { Name: string; Values: string[] }[],
): Promise<SecurityGroup[]> {
  const out = await clients.ec2.send(new DescribeSecurityGroupsCommand({ Filters: filters }));
  return out.SecurityGroups ?? [];
}

/** The purpose tag; groups made before it existed are told apart by their name. */
function purposeOf(group: SecurityGroup): GroupPurpose {
  const tagged = group.Tags?.find((t) => t.Key === PURPOSE_TAG)?.Value;
  if (tagged === 'lambda' || tagged === 'endpoints') return tagged;
  return (group.GroupName ?? '').includes('-endpoints') ? 'endpoints' : 'lambda';
}

/** Security groups this connection created, found by their tag (the crash-proof record). */
export async function findConnectionGroups(
  clients: EngineClients,
  connectionId: string,
): Promise<GroupResource[]> {
  const groups = await describeGroups(clients, [
    { Name: 'tag:smooz:connection-id', Values: [connectionId] },
  ]);
  return groups.flatMap((g) =>
    g.GroupId && g.GroupName && g.VpcId
      ? [
          {
            kind: 'securityGroup' as const,
            purpose: purposeOf(g),
            groupId: g.GroupId,
            groupName: g.GroupName,
            vpcId: g.VpcId,
          },
        ]
      : [],
  );
}

/**
 * Finds this connection's group of that name, or creates it (no inbound rules, the default
 * outbound rule) with the connection tag in the same call, so it can never exist untagged.
 */
export async function ensureSecurityGroup(
  clients: EngineClients,
  plan: SetupPlan,
  purpose: GroupPurpose,
): Promise<GroupResource> {
  const groupName =
    purpose === 'lambda'
      ? plan.lambdaSecurityGroupName
      : planNames(plan).endpointsSecurityGroupName;
  const vpcId = plan.database.vpcId;
  const find = async () =>
    (
      await describeGroups(clients, [
        { Name: 'vpc-id', Values: [vpcId] },
        { Name: 'group-name', Values: [groupName] },
      ])
    )[0];
  const existing = await find();
  const resource = (groupId: string): GroupResource => ({
    kind: 'securityGroup',
    purpose,
    groupId,
    groupName,
    vpcId,
  });
  if (existing?.GroupId) {
    if (!hasConnectionTag(existing.Tags, plan.connectionId)) {
      throw new AppError(SetupErrorCodes.resourceInUse, { name: groupName });
    }
    return resource(existing.GroupId);
  }
  const created = await clients.ec2.send(
    new CreateSecurityGroupCommand({
      GroupName: groupName,
      Description:
        purpose === 'lambda'
          ? 'SMOOZ PrivateLink target updater (no inbound)'
          : 'SMOOZ PrivateLink interface endpoints (HTTPS from the updater)',
      VpcId: vpcId,
      TagSpecifications: [
        {
          ResourceType: 'security-group',
          Tags: connectionTags(plan.connectionId, groupName, [
            { Key: PURPOSE_TAG, Value: purpose },
          ]),
        },
      ],
    }),
  );
  return resource(created.GroupId as string);
}

const permissionOf = (rule: RuleResource, description: string): IpPermission => ({
  IpProtocol: 'tcp',
  FromPort: rule.port,
  ToPort: rule.port,
  ...(rule.source.type === 'securityGroup'
    ? { UserIdGroupPairs: [{ GroupId: rule.source.groupId, Description: description }] }
    : { IpRanges: [{ CidrIp: rule.source.cidr, Description: description }] }),
});

type RuleMatch =
  | { readonly state: 'absent' }
  | { readonly state: 'ours' }
  /** The app's rule for other connections: this one joins them. */
  | { readonly state: 'shared'; readonly connectionIds: readonly string[]; readonly what: string }
  /** The customer's own identical rule: used, never owned. */
  | { readonly state: 'theirs' };

const ownedBy = (description: string | undefined, connectionId: string): boolean =>
  parseRuleDescription(description)?.connectionIds.includes(connectionId) === true;

/** Which of the group's inbound entries match the rule, and whose they are. */
function matchRule(
  group: SecurityGroup | undefined,
  rule: RuleResource,
  connectionId: string,
): RuleMatch {
  const source = rule.source;
  const descriptions = (group?.IpPermissions ?? [])
    .filter((p) => p.IpProtocol === 'tcp' && p.FromPort === rule.port && p.ToPort === rule.port)
    .flatMap((p) =>
      source.type === 'securityGroup'
        ? (p.UserIdGroupPairs ?? []).filter((g) => g.GroupId === source.groupId)
        : (p.IpRanges ?? []).filter((r) => r.CidrIp === source.cidr),
    )
    .map((entry) => entry.Description);
  if (descriptions.length === 0) return { state: 'absent' };
  if (descriptions.some((d) => ownedBy(d, connectionId))) return { state: 'ours' };
  const app = descriptions.map(parseRuleDescription).find((d) => d !== undefined);
  return app ? { state: 'shared', ...app } : { state: 'theirs' };
}

const setDescription = (clients: EngineClients, rule: RuleResource, description: string) =>
  clients.ec2.send(
    new UpdateSecurityGroupRuleDescriptionsIngressCommand({
      GroupId: rule.groupId,
      IpPermissions: [permissionOf(rule, description)],
    }),
  );

/**
 * Adds the rules that are missing; a rule that already exists (ours from an earlier run, or the
 * customer's own identical rule) is not added twice, and a duplicate-rule error is not a failure.
 * Returns the rules this connection owns — never the customer's.
 */
export async function ensureIngressRules(
  clients: EngineClients,
  connectionId: string,
  rules: readonly RuleResource[],
  onOwned: (rule: RuleResource) => Promise<void>,
): Promise<RuleResource[]> {
  const owned: RuleResource[] = [];
  for (const rule of rules) {
    const read = async () =>
      (await clients.ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [rule.groupId] })))
        .SecurityGroups?.[0];
    let match = matchRule(await read(), rule, connectionId);
    if (match.state === 'absent') {
      const what = rule.source.type === 'securityGroup' ? 'updater' : 'load balancer';
      try {
        await clients.ec2.send(
          new AuthorizeSecurityGroupIngressCommand({
            GroupId: rule.groupId,
            IpPermissions: [permissionOf(rule, ruleDescription([connectionId], what))],
          }),
        );
        match = { state: 'ours' };
      } catch (error) {
        if (awsErrorName(error) !== 'InvalidPermission.Duplicate') throw error;
        match = matchRule(await read(), rule, connectionId);
      }
    }
    if (match.state === 'shared') {
      await setDescription(
        clients,
        rule,
        ruleDescription([...match.connectionIds, connectionId], match.what),
      );
      match = { state: 'ours' };
    }
    if (match.state === 'ours') {
      owned.push(rule);
      await onOwned(rule);
    }
  }
  return owned;
}

/** Every security group in the region, in every VPC (what the per-region quota counts). */
export async function describeRegionGroups(clients: EngineClients): Promise<SecurityGroup[]> {
  const groups: SecurityGroup[] = [];
  for await (const page of paginateDescribeSecurityGroups({ client: clients.ec2 }, {})) {
    groups.push(...(page.SecurityGroups ?? []));
  }
  return groups;
}

/** The groups to look in: the ones named, or every group in the region (`anywhere`). */
async function groupsToSearch(
  clients: EngineClients,
  groupIds: readonly string[] | 'anywhere',
): Promise<SecurityGroup[]> {
  if (groupIds === 'anywhere') return describeRegionGroups(clients);
  if (groupIds.length === 0) return [];
  const out = await clients.ec2
    .send(new DescribeSecurityGroupsCommand({ GroupIds: [...groupIds] }))
    .catch((error: unknown) => {
      if (awsErrorName(error) === 'InvalidGroup.NotFound') return { SecurityGroups: [] };
      throw error;
    });
  return out.SecurityGroups ?? [];
}

/**
 * Rules that carry this connection's description (found again after a crash), in the groups
 * named, or in every group of the region for a setup whose plan is unknown here.
 */
export async function findConnectionRules(
  clients: EngineClients,
  groupIds: readonly string[] | 'anywhere',
  connectionId: string,
): Promise<RuleResource[]> {
  return (await groupsToSearch(clients, groupIds)).flatMap((group) =>
    (group.IpPermissions ?? [])
      .filter((p) => p.IpProtocol === 'tcp' && p.FromPort !== undefined && p.FromPort === p.ToPort)
      .flatMap((p) => {
        const rule = (source: RuleSource): RuleResource => ({
          kind: 'ingressRule',
          groupId: group.GroupId as string,
          port: p.FromPort as number,
          source,
        });
        return [
          ...(p.UserIdGroupPairs ?? [])
            .filter((g) => ownedBy(g.Description, connectionId) && g.GroupId)
            .map((g) => rule({ type: 'securityGroup', groupId: g.GroupId as string })),
          ...(p.IpRanges ?? [])
            .filter((r) => ownedBy(r.Description, connectionId) && r.CidrIp)
            .map((r) => rule({ type: 'cidr', cidr: r.CidrIp as string })),
        ];
      }),
  );
}

/**
 * Removes this connection's share of a rule; returns false when it was already gone. A rule other
 * connections still need keeps existing, without this connection's id in its description;
 * otherwise it is revoked, addressed by its rule id (port and source identify it exactly: AWS
 * keeps no duplicates).
 */
export async function revokeRule(
  clients: EngineClients,
  rule: RuleResource,
  connectionId: string,
): Promise<boolean> {
  const out = await clients.ec2
    .send(
      new DescribeSecurityGroupRulesCommand({
        Filters: [{ Name: 'group-id', Values: [rule.groupId] }],
      }),
    )
    .catch((error: unknown) => {
      if (awsErrorName(error) === 'InvalidGroup.NotFound') return { SecurityGroupRules: [] };
      throw error;
    });
  const matching = (out.SecurityGroupRules ?? []).filter(
    (r) =>
      !r.IsEgress &&
      r.IpProtocol === 'tcp' &&
      r.FromPort === rule.port &&
      r.ToPort === rule.port &&
      (rule.source.type === 'securityGroup'
        ? r.ReferencedGroupInfo?.GroupId === rule.source.groupId
        : r.CidrIpv4 === rule.source.cidr),
  );
  const shared = matching
    .map((r) => parseRuleDescription(r.Description))
    .find((d) => d !== undefined && d.connectionIds.some((id) => id !== connectionId));
  if (shared) {
    if (!shared.connectionIds.includes(connectionId)) return false;
    const others = shared.connectionIds.filter((id) => id !== connectionId);
    await setDescription(clients, rule, ruleDescription(others, shared.what));
    return true;
  }
  const ids = matching.flatMap((r) => (r.SecurityGroupRuleId ? [r.SecurityGroupRuleId] : []));
  if (ids.length === 0) return false;
  try {
    await clients.ec2.send(
      new RevokeSecurityGroupIngressCommand({ GroupId: rule.groupId, SecurityGroupRuleIds: ids }),
    );
    return true;
  } catch (error) {
    const name = awsErrorName(error);
    if (name === 'InvalidSecurityGroupRuleId.NotFound' || name === 'InvalidGroup.NotFound') {
      return false;
    }
    throw error;
  }
}

/** How to wait for a group that something still uses. */
export interface GroupDeleteWait {
  readonly clock: Clock;
  readonly policy: PollPolicy;
  readonly signal?: AbortSignal;
  /** Told each time the group is still in use, before the wait for the next try. */
  readonly onHeld?: () => void;
}

/**
 * Deletes a group; waits out `DependencyViolation` for as long as it lasts (a deleted Lambda's
 * network interfaces take 20–45 minutes to go; the user can stop the wait). Returns false when
 * the group was already gone.
 */
export async function deleteSecurityGroup(
  clients: EngineClients,
  groupId: string,
  wait: GroupDeleteWait,
): Promise<boolean> {
  let waitMs: number | undefined;
  for (;;) {
    try {
      await clients.ec2.send(new DeleteSecurityGroupCommand({ GroupId: groupId }));
      return true;
    } catch (error) {
      if (awsErrorName(error) === 'InvalidGroup.NotFound') return false;
      if (awsErrorName(error) !== 'DependencyViolation') throw error;
    }
    wait.onHeld?.();
    waitMs = nextPollMs(wait.policy, waitMs, false);
    await wait.clock.sleep(waitMs, wait.signal);
  }
}
