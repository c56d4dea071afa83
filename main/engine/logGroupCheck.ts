import { DescribeStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { paginateDescribeLogGroups } from '@aws-sdk/client-cloudwatch-logs';
import type { SetupPlan } from '../../shared/flow/plan';
import type { PreflightCheck } from '../../shared/flow/preflight';
import { planNames } from '../../shared/naming/planNames';
import type { EngineClients } from './engineClients';

/** Log groups by exact name (DescribeLogGroups matches by prefix, so `…-setup` comes along). */
async function existingLogGroups(clients: EngineClients, names: string[]): Promise<string[]> {
  const prefix = names.reduce((a, b) => (a.length <= b.length ? a : b));
  const found: string[] = [];
  const pages = paginateDescribeLogGroups({ client: clients.logs }, { logGroupNamePrefix: prefix });
  for await (const page of pages) {
    for (const group of page.logGroups ?? []) {
      if (group.logGroupName && names.includes(group.logGroupName)) found.push(group.logGroupName);
    }
  }
  return found;
}

/** Physical ids of the plan's own stack (a resumed setup), or none when there is no stack yet. */
async function ownStackResources(clients: EngineClients, plan: SetupPlan): Promise<string[]> {
  try {
    const out = await clients.cfn.send(
      new DescribeStackResourcesCommand({ StackName: plan.stackName }),
    );
    return (out.StackResources ?? []).flatMap((r) =>
      r.PhysicalResourceId ? [r.PhysicalResourceId] : [],
    );
  } catch {
    return [];
  }
}

/**
 * The template creates `/aws/lambda/<①>` and `/aws/lambda/<①>-setup` itself, and CloudFormation
 * fails the whole stack (minutes in, then rolls back) when either exists already. They outlive
 * their functions: Lambda recreates a function's group when the function runs after its stack
 * deleted the group (a scheduled run during teardown), or a function of that name existed before.
 * Groups of this connection's own stack (a resumed setup) are no obstacle.
 */
export async function leftoverLogGroups(
  clients: EngineClients,
  plan: SetupPlan,
): Promise<PreflightCheck> {
  const names = planNames(plan);
  const wanted = [names.updaterLogGroupName, names.setupLogGroupName];
  const existing = await existingLogGroups(clients, wanted);
  const own = existing.length > 0 ? await ownStackResources(clients, plan) : [];
  const leftover = existing.filter((name) => !own.includes(name));
  const params = { names: leftover.join(', '), lambdaFunctionName: plan.lambdaFunctionName };
  return leftover.length === 0
    ? { id: 'leftoverLogGroups', status: 'pass', explanation: 'leftoverLogGroups.ok', params }
    : { id: 'leftoverLogGroups', status: 'fail', explanation: 'leftoverLogGroups.exists', params };
}
