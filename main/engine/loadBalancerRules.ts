import { DescribeSubnetsCommand } from '@aws-sdk/client-ec2';
import type { SetupPlan } from '../../shared/flow/plan';
import { resourceKey, type CreatedResource } from '../../shared/flow/resources';
import type { RetryOptions } from '../base/backoff';
import type { EngineClients } from './engineClients';
import { loadBalancerAddresses } from './loadBalancerAddresses';
import {
  ensureIngressRules,
  findConnectionRules,
  plannedLoadBalancerRules,
  revokeRule,
  type RuleResource,
} from './securityGroups';

/**
 * The database's port from each of the NLB's own addresses (/32), described with the connection
 * id; `onOwned` records each rule in the ledger before the next one is added. The setup's
 * `authorizingLoadBalancer` step and an upgrade's `tighteningRules` step both run this.
 */
export async function authorizeLoadBalancer(
  clients: EngineClients,
  plan: SetupPlan,
  loadBalancerArn: string,
  retry: RetryOptions,
  onOwned: (rule: RuleResource) => Promise<void>,
): Promise<RuleResource[]> {
  const addresses = await loadBalancerAddresses(clients, loadBalancerArn, retry);
  return ensureIngressRules(
    clients,
    plan.connectionId,
    plannedLoadBalancerRules(plan, addresses),
    onOwned,
  );
}

/** The address ranges of the NLB's subnets, which template v2 and older admitted whole. */
async function subnetCidrs(clients: EngineClients, plan: SetupPlan): Promise<Set<string>> {
  const out = await clients.ec2.send(
    new DescribeSubnetsCommand({ SubnetIds: [...plan.subnetIds] }),
  );
  return new Set((out.Subnets ?? []).flatMap((s) => (s.CidrBlock ? [s.CidrBlock] : [])));
}

/** What the connection still holds of the subnet-wide rules older releases added. */
export interface SubnetRules {
  /** Rules in AWS whose description still carries this connection's id. */
  readonly inAws: readonly RuleResource[];
  /** Ledger entries for such rules, whether AWS still has them or not. */
  readonly inLedger: readonly RuleResource[];
}

/**
 * This connection's subnet-wide rules on the database's groups: on the database's port, from one
 * of the NLB's subnets, and (in AWS) described with this connection's id — so another
 * connection's rule or a hand-made one is never among them.
 */
export async function findSubnetRules(
  clients: EngineClients,
  plan: SetupPlan,
  ledger: readonly CreatedResource[],
): Promise<SubnetRules> {
  const cidrs = await subnetCidrs(clients, plan);
  const isSubnetRule = (r: CreatedResource): r is RuleResource =>
    r.kind === 'ingressRule' &&
    r.port === plan.database.port &&
    plan.database.securityGroupIds.includes(r.groupId) &&
    r.source.type === 'cidr' &&
    cidrs.has(r.source.cidr);
  const inAws = (
    await findConnectionRules(clients, plan.database.securityGroupIds, plan.connectionId)
  ).filter(isSubnetRule);
  return { inAws, inLedger: ledger.filter(isSubnetRule) };
}

/**
 * Gives up this connection's share of its subnet-wide rules (revoked, or kept without its id
 * while another connection still lists itself) and retires every such ledger entry. Run only once
 * the NLB's /32s admit it; again after a crash, it finds what is left and finishes.
 */
export async function retireSubnetRules(
  clients: EngineClients,
  plan: SetupPlan,
  ledger: readonly CreatedResource[],
  retired: (rule: RuleResource) => Promise<void>,
): Promise<RuleResource[]> {
  const found = await findSubnetRules(clients, plan, ledger);
  for (const rule of found.inAws) await revokeRule(clients, rule, plan.connectionId);
  const all = new Map([...found.inAws, ...found.inLedger].map((r) => [resourceKey(r), r]));
  for (const rule of all.values()) await retired(rule);
  return [...all.values()];
}
