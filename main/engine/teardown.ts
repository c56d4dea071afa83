import type { CreatedResource } from '../../shared/flow/resources';
import type { StackEvent } from '../../shared/flow/plan';
import type { SetupState } from '../../shared/flow/state';
import { deleteEndpoint, findConnectionEndpoints } from './endpoints';
import type { EngineClients } from './engineClients';
import type { EngineTiming } from './timing';
import {
  deleteSecurityGroup,
  findConnectionGroups,
  findConnectionRules,
  revokeRule,
} from './securityGroups';
import { deleteStack, describeStack, templateResourceTotal } from './stack';
import { hasConnectionTag } from './tags';
import { resourceKey } from '../../shared/flow/resources';

export interface TeardownOptions {
  readonly templateBody: string;
  readonly timing: EngineTiming;
  readonly signal: AbortSignal;
  /** Persists each removal before the next one starts. */
  readonly removed: (resource: CreatedResource, alreadyGone: boolean) => void;
  readonly onStackEvents: (events: StackEvent[], done: number, total: number) => void;
}

// Dependents before what they depend on: the stack's Lambda uses the Lambda SG, the database's
// rules and the endpoints' rule reference it, and endpoints hold their own SG.
const ORDER: Record<string, number> = { stack: 0, ingressRule: 1, vpcEndpoint: 2 };
const rank = (r: CreatedResource) =>
  r.kind === 'securityGroup' ? (r.purpose === 'endpoints' ? 3 : 4) : (ORDER[r.kind] ?? 5);

/**
 * What this connection created: the ledger, plus anything tagged (or, for rules, described) with
 * its id that a crash kept out of the ledger. Nothing else is ever in this list.
 */
async function discover(clients: EngineClients, state: SetupState): Promise<CreatedResource[]> {
  const { plan } = state;
  const id = plan.connectionId;
  const found: CreatedResource[] = [...state.created];
  const stack = await describeStack(clients, plan.stackName);
  if (
    stack?.StackId &&
    stack.StackStatus !== 'DELETE_COMPLETE' &&
    hasConnectionTag(stack.Tags, id)
  ) {
    found.push({ kind: 'stack', stackName: plan.stackName, stackId: stack.StackId });
  }
  const groups = await findConnectionGroups(clients, id);
  found.push(...groups);
  found.push(...(await findConnectionEndpoints(clients, id)));
  const ruleGroups = [
    ...plan.database.securityGroupIds,
    ...groups.filter((g) => g.purpose === 'endpoints').map((g) => g.groupId),
  ];
  found.push(...(await findConnectionRules(clients, ruleGroups, id)));
  const unique = new Map(found.map((r) => [resourceKey(r), r]));
  return [...unique.values()].sort((a, b) => rank(a) - rank(b));
}

async function remove(
  clients: EngineClients,
  resource: CreatedResource,
  options: TeardownOptions,
  total: number,
): Promise<boolean> {
  switch (resource.kind) {
    case 'stack':
      return deleteStack(clients, resource.stackId, total, {
        pollMs: options.timing.pollMs,
        signal: options.signal,
        onEvents: (events, done, all) => options.onStackEvents(events, done, all),
      });
    case 'ingressRule':
      return revokeRule(clients, resource);
    case 'vpcEndpoint':
      return deleteEndpoint(clients, resource.endpointId, options.timing.pollMs, options.signal);
    case 'securityGroup':
      return deleteSecurityGroup(clients, resource.groupId, {
        policy: options.timing.dependencyRetry,
        signal: options.signal,
      });
  }
}

/** Removes everything the connection created, in dependency order, recording each removal. */
export async function tearDown(
  clients: EngineClients,
  state: SetupState,
  options: TeardownOptions,
): Promise<void> {
  const total = templateResourceTotal(options.templateBody, state.plan);
  for (const resource of await discover(clients, state)) {
    const removed = await remove(clients, resource, options, total);
    options.removed(resource, !removed);
  }
}
