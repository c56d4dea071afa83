import type { CreatedResource } from '../../shared/flow/resources';
import type { StackEvent } from '../../shared/flow/plan';
import type { SetupState } from '../../shared/flow/state';
import { deleteEndpoint, findConnectionEndpoints, handOverIfUsed } from './endpoints';
import type { EngineClients } from './engineClients';
import type { EngineTiming } from './timing';
import {
  deleteSecurityGroup,
  findConnectionGroups,
  findConnectionRules,
  revokeRule,
} from './securityGroups';
import { deleteStack, describeStack, findConnectionStacks, templateResourceTotal } from './stack';
import { hasConnectionTag } from './tags';
import { resourceKey } from '../../shared/flow/resources';

export interface TeardownOptions {
  readonly templateBody: string;
  readonly timing: EngineTiming;
  readonly signal: AbortSignal;
  /** Persists each removal before the next one starts. */
  readonly removed: (resource: CreatedResource, outcome: RemoveOutcome) => void;
  readonly onStackEvents: (events: StackEvent[], done: number, total: number) => void;
  /** A security group is still held (a deleted Lambda's network interfaces): the wait goes on. */
  readonly onGroupHeld?: (groupId: string) => void;
}

// Dependents before what they depend on: the stack's Lambda uses the Lambda SG, the database's
// rules and the endpoints' rule reference it, and endpoints hold their own SG.
const ORDER: Record<string, number> = { stack: 0, ingressRule: 1, vpcEndpoint: 2 };
const rank = (r: CreatedResource) =>
  r.kind === 'securityGroup' ? (r.purpose === 'endpoints' ? 3 : 4) : (ORDER[r.kind] ?? 5);

/** Where to look for what one connection created. */
export interface ConnectionScope {
  readonly connectionId: string;
  /** The ledger; empty for a setup known only by its tag in AWS. */
  readonly created: readonly CreatedResource[];
  /** The plan's stack name; absent: the region's stacks are searched by tag. */
  readonly stackName?: string;
  /** Groups whose rules may be this connection's; absent: every group in the region. */
  readonly ruleGroupIds?: readonly string[];
}

/** The scope of a flow on this computer: its ledger, its stack name, its database's groups. */
export const scopeOfFlow = (state: SetupState): ConnectionScope => ({
  connectionId: state.plan.connectionId,
  created: state.created,
  stackName: state.plan.stackName,
  ruleGroupIds: state.plan.database.securityGroupIds,
});

/**
 * What this connection created: the ledger, plus anything tagged (or, for rules, described) with
 * its id that a crash kept out of the ledger, in the order it can be removed. Nothing else is
 * ever in this list, so no other connection's resources or rules can be touched.
 */
export async function discoverConnectionResources(
  clients: EngineClients,
  scope: ConnectionScope,
): Promise<CreatedResource[]> {
  const id = scope.connectionId;
  const found: CreatedResource[] = [...scope.created];
  if (scope.stackName === undefined) {
    found.push(
      ...(await findConnectionStacks(clients, id)).map((s) => ({ kind: 'stack' as const, ...s })),
    );
  } else {
    const stack = await describeStack(clients, scope.stackName);
    if (
      stack?.StackId &&
      stack.StackStatus !== 'DELETE_COMPLETE' &&
      hasConnectionTag(stack.Tags, id)
    ) {
      found.push({ kind: 'stack', stackName: scope.stackName, stackId: stack.StackId });
    }
  }
  const groups = await findConnectionGroups(clients, id);
  found.push(...groups);
  found.push(...(await findConnectionEndpoints(clients, id)));
  const ruleGroups =
    scope.ruleGroupIds === undefined
      ? 'anywhere'
      : [
          ...scope.ruleGroupIds,
          ...groups.filter((g) => g.purpose === 'endpoints').map((g) => g.groupId),
        ];
  found.push(...(await findConnectionRules(clients, ruleGroups, id)));
  const unique = new Map(found.map((r) => [resourceKey(r), r]));
  return [...unique.values()].sort((a, b) => rank(a) - rank(b));
}

export interface RemoveOptions {
  readonly timing: EngineTiming;
  readonly signal: AbortSignal;
  /** The template's resource count for the stack's progress figure (0 when not shown). */
  readonly stackTotal: number;
  readonly onStackEvents: (events: StackEvent[], done: number, total: number) => void;
  readonly onGroupHeld?: (groupId: string) => void;
}

/** What became of one resource: removed, found gone, or left to a connection that uses it. */
export interface RemoveOutcome {
  readonly alreadyGone: boolean;
  readonly handedOverTo?: string;
}

const outcome = (removed: boolean): RemoveOutcome => ({ alreadyGone: !removed });

/** Removes one resource this connection created (or hands it to a connection still using it). */
export async function removeConnectionResource(
  clients: EngineClients,
  connectionId: string,
  resource: CreatedResource,
  options: RemoveOptions,
): Promise<RemoveOutcome> {
  switch (resource.kind) {
    case 'stack':
      return outcome(
        await deleteStack(clients, resource.stackId, options.stackTotal, {
          poll: options.timing.poll,
          clock: options.timing.clock,
          signal: options.signal,
          onEvents: (events, done, all) => options.onStackEvents(events, done, all),
        }),
      );
    case 'ingressRule':
      return outcome(await revokeRule(clients, resource, connectionId));
    case 'vpcEndpoint': {
      const heir = await handOverIfUsed(clients, connectionId, resource);
      if (heir !== undefined) return { alreadyGone: false, handedOverTo: heir };
      return outcome(
        await deleteEndpoint(clients, resource.endpointId, {
          clock: options.timing.clock,
          poll: options.timing.poll,
          signal: options.signal,
        }),
      );
    }
    case 'securityGroup': {
      const heir =
        resource.purpose === 'endpoints'
          ? await handOverIfUsed(clients, connectionId, resource)
          : undefined;
      if (heir !== undefined) return { alreadyGone: false, handedOverTo: heir };
      return outcome(
        await deleteSecurityGroup(clients, resource.groupId, {
          clock: options.timing.clock,
          policy: options.timing.interfaceWait,
          signal: options.signal,
          onHeld: () => options.onGroupHeld?.(resource.groupId),
        }),
      );
    }
  }
}

/** Removes everything the connection created, in dependency order, recording each removal. */
export async function tearDown(
  clients: EngineClients,
  state: SetupState,
  options: TeardownOptions,
): Promise<void> {
  const remove: RemoveOptions = {
    timing: options.timing,
    signal: options.signal,
    stackTotal: templateResourceTotal(options.templateBody, state.plan),
    onStackEvents: options.onStackEvents,
    ...(options.onGroupHeld ? { onGroupHeld: options.onGroupHeld } : {}),
  };
  const id = state.plan.connectionId;
  for (const resource of await discoverConnectionResources(clients, scopeOfFlow(state))) {
    options.removed(resource, await removeConnectionResource(clients, id, resource, remove));
  }
}
