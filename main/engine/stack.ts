import {
  CreateStackCommand,
  DeleteStackCommand,
  paginateDescribeStackEvents,
  paginateDescribeStacks,
  DescribeStacksCommand,
  type Stack,
  type StackEvent as CfnStackEvent,
} from '@aws-sdk/client-cloudformation';
import { parseDocument } from 'yaml';
import { AppError } from '../../shared/errors';
import type { SetupPlan, StackEvent, StackFailure, StackOutputs } from '../../shared/flow/plan';
import { rdsInstanceArn } from '../../shared/stack/rdsEvents';
import { buildStackParameters } from '../../shared/stack/templateParameters';
import type { EngineClients } from './engineClients';
import type { Clock } from '../base/clock';
import { SetupErrorCodes } from './setupErrors';
import { CONNECTION_TAG, hasConnectionTag } from './tags';
import { nextPollMs, type PollPolicy } from './timing';
import { awsErrorName } from '../aws/awsErrors';

export interface StackWatch {
  readonly poll: PollPolicy;
  readonly clock: Clock;
  readonly signal?: AbortSignal;
  /** New events (oldest first) and resources done / total after each poll. */
  readonly onEvents: (events: StackEvent[], done: number, total: number) => Promise<void> | void;
}

/** A stack that ended in a failed state, with the resource that failed first and AWS's reason. */
export class StackFailedError extends AppError {
  constructor(readonly failure: StackFailure) {
    super(SetupErrorCodes.stackFailed, {
      resource: failure.logicalResourceId,
      type: failure.resourceType,
      reason: failure.reason,
      status: failure.stackStatus,
    });
  }
}

const FAILED_CREATE = new Set([
  'CREATE_FAILED',
  'ROLLBACK_IN_PROGRESS',
  'ROLLBACK_FAILED',
  'ROLLBACK_COMPLETE',
  'DELETE_FAILED',
]);

/** An update that CloudFormation undid (or could not undo): the stack runs what it ran before. */
const FAILED_UPDATE = new Set([
  'UPDATE_ROLLBACK_COMPLETE',
  'UPDATE_ROLLBACK_FAILED',
  'UPDATE_FAILED',
]);

export type WatchMode = 'create' | 'update' | 'delete';

/** The status a resource ends with in each mode. */
const DONE_STATUS: Record<WatchMode, string> = {
  create: 'CREATE_COMPLETE',
  update: 'UPDATE_COMPLETE',
  delete: 'DELETE_COMPLETE',
};

/**
 * An update's events start at the stack's latest UPDATE_IN_PROGRESS: what came before belongs to
 * the creation or to earlier updates.
 */
function sinceLatestUpdate(events: readonly CfnStackEvent[]): CfnStackEvent[] {
  const start = events.findLastIndex(
    (e) =>
      e.ResourceType === 'AWS::CloudFormation::Stack' && e.ResourceStatus === 'UPDATE_IN_PROGRESS',
  );
  return start < 0 ? [...events] : events.slice(start);
}

/**
 * How many resources the template will create for this plan, for the progress figure: resources
 * under a condition the plan decides are counted only when it holds.
 */
export function templateResourceTotal(templateBody: string, plan: SetupPlan): number {
  const doc = parseDocument(templateBody, { logLevel: 'silent' }).toJS() as {
    Resources?: Record<string, { Condition?: string }>;
  } | null;
  const known: Record<string, boolean> = {
    UseIam: plan.authMethod === 'iam',
    IsCluster: plan.database.kind === 'cluster',
    HasAdditionalSubnets: plan.subnetIds.length > 1,
    HasConnectionId: true,
    HasClusterMembers: clusterMemberArns(plan).length > 0,
    FollowsMembers: clusterMemberArns(plan).length > 0,
  };
  return Object.values(doc?.Resources ?? {}).filter(
    (r) => r.Condition === undefined || known[r.Condition] !== false,
  ).length;
}

/** The cluster's DB instances as the RDS events of its member-instance rule name them. */
function clusterMemberArns(plan: SetupPlan): string[] {
  if (plan.database.kind !== 'cluster') return [];
  return (plan.database.memberIdentifiers ?? []).map((id) =>
    rdsInstanceArn(id, { region: plan.region, account: plan.accountId }),
  );
}

/** ⑦ is the updater's group in the VPC; outside the VPC there is none. */
export function stackParameters(plan: SetupPlan, lambdaGroupId: string | undefined) {
  const [subnetId, ...additional] = plan.subnetIds;
  // Plans made for template v2 and older have none; their upgrade asks SMOOZ for it first.
  if (plan.smoozRoleArn === undefined) throw new AppError(SetupErrorCodes.smoozRoleMissing);
  return buildStackParameters({
    lambdaFunctionName: plan.lambdaFunctionName,
    rdsType: plan.database.kind,
    rdsEndpoint: plan.database.endpoint,
    rdsPort: plan.database.port,
    vpcId: plan.database.vpcId,
    subnetId: subnetId ?? '',
    updaterPlacement: plan.updaterPlacement,
    lambdaSecurityGroupIds: lambdaGroupId === undefined ? [] : [lambdaGroupId],
    smoozRoleArn: plan.smoozRoleArn,
    additionalSubnetIds: additional,
    clusterMemberArns: clusterMemberArns(plan),
    dbAuthMethod: plan.authMethod,
    dbUser: plan.dbUser,
    dbResourceId: plan.database.resourceId,
    externalId: plan.externalId,
    connectionId: plan.connectionId,
  });
}

const isMissing = (error: unknown) => /does not exist/i.test((error as Error).message ?? '');

export async function describeStack(
  clients: EngineClients,
  nameOrId: string,
): Promise<Stack | undefined> {
  try {
    return (await clients.cfn.send(new DescribeStacksCommand({ StackName: nameOrId }))).Stacks?.[0];
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

const toEvent = (e: CfnStackEvent): StackEvent => ({
  eventId: e.EventId ?? '',
  timestamp: (e.Timestamp ?? new Date(0)).toISOString(),
  logicalResourceId: e.LogicalResourceId ?? '',
  resourceType: e.ResourceType ?? '',
  status: e.ResourceStatus ?? '',
  ...(e.ResourceStatusReason ? { reason: e.ResourceStatusReason } : {}),
});

/** Resources of the stack (not the stack itself) whose latest status is `status`. */
function resourcesAt(events: readonly CfnStackEvent[], status: string): number {
  const latest = new Map<string, string>();
  for (const e of events) {
    if (e.ResourceType === 'AWS::CloudFormation::Stack' || !e.LogicalResourceId) continue;
    latest.set(e.LogicalResourceId, e.ResourceStatus ?? '');
  }
  return [...latest.values()].filter((s) => s === status).length;
}

/** The first resource that failed, with AWS's reason ("cancelled" follow-ups are not causes). */
export function firstFailure(stack: Stack, events: readonly CfnStackEvent[]): StackFailure {
  const failed = events.filter(
    (e) =>
      e.ResourceStatus?.endsWith('_FAILED') &&
      e.ResourceType !== 'AWS::CloudFormation::Stack' &&
      !/cancelled/i.test(e.ResourceStatusReason ?? ''),
  );
  const cause = failed[0] ?? events.filter((e) => e.ResourceStatus?.endsWith('_FAILED'))[0];
  return {
    stackStatus: stack.StackStatus ?? 'UNKNOWN',
    logicalResourceId: cause?.LogicalResourceId ?? stack.StackName ?? '',
    resourceType: cause?.ResourceType ?? 'AWS::CloudFormation::Stack',
    reason: cause?.ResourceStatusReason ?? stack.StackStatusReason ?? '',
  };
}

/**
 * The events after `lastSeen`, oldest first. AWS lists newest first, so one page normally holds
 * them all; further pages are read only until the last event already seen (or, on the first
 * read, to the beginning).
 */
async function eventsSince(
  clients: EngineClients,
  stackId: string,
  lastSeen: string | undefined,
): Promise<CfnStackEvent[]> {
  const fresh: CfnStackEvent[] = [];
  const pages = paginateDescribeStackEvents({ client: clients.cfn }, { StackName: stackId });
  // Leaving the loop stops the paginator: no further page is requested.
  for await (const page of pages) {
    for (const event of page.StackEvents ?? []) {
      if (lastSeen !== undefined && event.EventId === lastSeen) return fresh.reverse();
      fresh.push(event);
    }
  }
  return fresh.reverse();
}

/** The stack's own status as its newest stack-level event tells it. */
function statusFromEvents(events: readonly CfnStackEvent[]): string | undefined {
  return events.findLast((e) => e.ResourceType === 'AWS::CloudFormation::Stack')?.ResourceStatus;
}

const ENDS: Record<WatchMode, (status: string) => boolean> = {
  create: (status) => !status.endsWith('_IN_PROGRESS'),
  update: (status) => !status.endsWith('_IN_PROGRESS'),
  delete: (status) => status === 'DELETE_COMPLETE' || status === 'DELETE_FAILED',
};

/** DescribeStacks at least this often even when no event says the stack has ended. */
const STATUS_CHECK_MS = 60_000;

/**
 * Polls the stack until it leaves `*_IN_PROGRESS` (create, update) or is gone (delete), reporting
 * each new event once (for an update, only its own events). A poll reads only the events newer than the last one seen; DescribeStacks is
 * called when an event says the stack ended (for the outputs and the authoritative status), and
 * once a minute in case an event is missed. Resolves with the final description; a stack that
 * ends failed (for an update: rolled back) raises StackFailedError.
 */
export async function watchStack(
  clients: EngineClients,
  stackId: string,
  total: number,
  watch: StackWatch,
  mode: WatchMode = 'create',
): Promise<Stack | undefined> {
  const history: CfnStackEvent[] = [];
  let reported = -1;
  let waitMs: number | undefined;
  let checkedAt = Number.NEGATIVE_INFINITY;
  for (;;) {
    const fresh = await eventsSince(clients, stackId, history.at(-1)?.EventId).catch(
      (error: unknown) => {
        // A stack deleted long ago may be unknown even by its id: it is gone.
        if (isMissing(error)) return [];
        throw error;
      },
    );
    history.push(...fresh.filter((e) => e.EventId));
    const events = mode === 'update' ? sinceLatestUpdate(history) : history;
    const shown = mode === 'update' ? fresh.filter((e) => events.includes(e)) : fresh;
    const fromEvents = statusFromEvents(history);
    let stack: Stack | undefined;
    let status = fromEvents ?? '';
    const now = watch.clock.now();
    const checked =
      (fromEvents !== undefined && ENDS[mode](fromEvents)) || now - checkedAt >= STATUS_CHECK_MS;
    if (checked) {
      stack = await describeStack(clients, stackId);
      status = stack?.StackStatus ?? 'DELETE_COMPLETE';
      checkedAt = now;
    }
    const complete = DONE_STATUS[mode];
    // A finished stack has every resource done, whatever the events listed.
    const done = checked && status === complete ? total : resourcesAt(events, complete);
    // The figure is reported when it moves too: a stack may finish between the two reads, and
    // the next poll then brings no new event but the final count.
    if (shown.length > 0 || done !== reported) {
      await watch.onEvents(shown.map(toEvent), done, total);
      reported = done;
    }
    if (checked) {
      if (mode === 'delete') {
        // Only a stack that is gone ends a delete: right after DeleteStack, DescribeStacks can
        // still show the status the stack had before (ROLLBACK_COMPLETE, CREATE_COMPLETE…).
        if (status === 'DELETE_COMPLETE') return stack;
        if (status === 'DELETE_FAILED' && stack) {
          throw new StackFailedError(firstFailure(stack, history));
        }
      } else if (ENDS[mode](status)) {
        if (stack && (mode === 'update' ? FAILED_UPDATE : FAILED_CREATE).has(status)) {
          throw new StackFailedError(firstFailure(stack, events));
        }
        return stack;
      }
    }
    // Every resource done: the stack's own end is seconds away, so look again soon.
    waitMs = nextPollMs(watch.poll, waitMs, shown.length > 0 || (total > 0 && done >= total));
    await watch.clock.sleep(waitMs, watch.signal);
  }
}

export function readOutputs(stack: Stack): StackOutputs {
  const value = (key: string) => stack.Outputs?.find((o) => o.OutputKey === key)?.OutputValue;
  const csv = (key: string) =>
    (value(key) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const required = [
    'EndpointServiceName',
    'EndpointServiceId',
    'LoadBalancerArn',
    'TargetGroupArn',
  ];
  const missing = required.filter((key) => !value(key));
  if (missing.length > 0) {
    throw new AppError(SetupErrorCodes.stackOutputsMissing, { outputs: missing.join(', ') });
  }
  const iamRoleArn = value('IamRoleArn');
  const updater = value('UpdaterFunctionName');
  return {
    endpointServiceName: value('EndpointServiceName') as string,
    endpointServiceId: value('EndpointServiceId') as string,
    availabilityZones: csv('AvailabilityZones'),
    availabilityZoneIds: csv('AvailabilityZoneIds'),
    loadBalancerArn: value('LoadBalancerArn') as string,
    targetGroupArn: value('TargetGroupArn') as string,
    ...(iamRoleArn ? { iamRoleArn } : {}),
    ...(updater ? { updaterFunctionName: updater } : {}),
  };
}

export interface EnsureStackOptions {
  readonly templateBody: string;
  /** insideVpc only. */
  readonly lambdaGroupId: string | undefined;
  /** The user asked to retry after a failure: a failed stack of ours is deleted and re-created. */
  readonly retryFailed: boolean;
  readonly watch: StackWatch;
  /** Called with the stack id as soon as CloudFormation accepts the stack, before waiting. */
  readonly onCreated: (stackId: string) => Promise<void>;
}

/**
 * Creates the stack once: an existing stack of this connection is followed (in progress),
 * read (complete), or — only when the user retries — deleted and created again (failed).
 * A stack of the same name that is not this connection's is never touched.
 */
export async function ensureStack(
  clients: EngineClients,
  plan: SetupPlan,
  options: EnsureStackOptions,
): Promise<StackOutputs> {
  const total = templateResourceTotal(options.templateBody, plan);
  let stack = await describeStack(clients, plan.stackName);
  if (stack && !hasConnectionTag(stack.Tags, plan.connectionId)) {
    throw new AppError(SetupErrorCodes.stackNotOurs, { stackName: plan.stackName });
  }
  if (stack?.StackId) {
    await options.onCreated(stack.StackId);
    if (stack.StackStatus === 'DELETE_IN_PROGRESS') {
      await watchStack(clients, stack.StackId, total, options.watch, 'delete');
      stack = undefined;
    } else if (
      FAILED_CREATE.has(stack.StackStatus ?? '') &&
      !stack.StackStatus?.endsWith('_IN_PROGRESS')
    ) {
      if (!options.retryFailed) {
        throw new StackFailedError(
          firstFailure(stack, await eventsSince(clients, stack.StackId, undefined)),
        );
      }
      await clients.cfn.send(new DeleteStackCommand({ StackName: stack.StackId }));
      await watchStack(clients, stack.StackId, total, options.watch, 'delete');
      stack = undefined;
    }
  }
  if (!stack) {
    const created = await createStack(clients, plan, options);
    await options.onCreated(created);
    stack = { StackId: created } as Stack;
  }
  const final = await watchStack(clients, stack.StackId as string, total, options.watch);
  if (!final) throw new AppError(SetupErrorCodes.stackOutputsMissing, { outputs: 'stack' });
  return readOutputs(final);
}

/** CreateStack; when a lost answer made the SDK send it twice, the stack that exists is ours. */
async function createStack(
  clients: EngineClients,
  plan: SetupPlan,
  options: EnsureStackOptions,
): Promise<string> {
  try {
    const created = await clients.cfn.send(
      new CreateStackCommand({
        StackName: plan.stackName,
        TemplateBody: options.templateBody,
        Parameters: stackParameters(plan, options.lambdaGroupId),
        Capabilities: ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM'],
        OnFailure: 'ROLLBACK',
        Tags: [{ Key: CONNECTION_TAG, Value: plan.connectionId }],
      }),
    );
    return created.StackId as string;
  } catch (error) {
    if (awsErrorName(error) !== 'AlreadyExistsException') throw error;
    const existing = await describeStack(clients, plan.stackName);
    if (!existing?.StackId || !hasConnectionTag(existing.Tags, plan.connectionId)) {
      throw new AppError(SetupErrorCodes.stackNotOurs, { stackName: plan.stackName });
    }
    return existing.StackId;
  }
}

/** Deletes the stack and waits until it is gone; returns false when it was already gone. */
/**
 * Live stacks carrying the connection's tag, for a setup known only by its tag (its plan, and so
 * its stack name, is on another computer or lost).
 */
export async function findConnectionStacks(
  clients: EngineClients,
  connectionId: string,
): Promise<{ stackName: string; stackId: string }[]> {
  const found: { stackName: string; stackId: string }[] = [];
  for await (const page of paginateDescribeStacks({ client: clients.cfn }, {})) {
    for (const stack of page.Stacks ?? []) {
      if (
        stack.StackName &&
        stack.StackId &&
        stack.StackStatus !== 'DELETE_COMPLETE' &&
        hasConnectionTag(stack.Tags, connectionId)
      ) {
        found.push({ stackName: stack.StackName, stackId: stack.StackId });
      }
    }
  }
  return found;
}

export async function deleteStack(
  clients: EngineClients,
  stackNameOrId: string,
  templateTotal: number,
  watch: StackWatch,
): Promise<boolean> {
  const stack = await describeStack(clients, stackNameOrId);
  if (!stack?.StackId || stack.StackStatus === 'DELETE_COMPLETE') return false;
  await clients.cfn.send(new DeleteStackCommand({ StackName: stack.StackId }));
  await watchStack(clients, stack.StackId, templateTotal, watch, 'delete');
  return true;
}
