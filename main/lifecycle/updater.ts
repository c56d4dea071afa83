import { DescribeSubnetsCommand } from '@aws-sdk/client-ec2';
import { DescribeRuleCommand, ListRuleNamesByTargetCommand } from '@aws-sdk/client-eventbridge';
import { paginateListFunctions, type FunctionConfiguration } from '@aws-sdk/client-lambda';
import type { FoundSetup, TriggerSnapshot } from '../../shared/lifecycle/foundSetup';
import { updaterEndpointServiceNames } from '../../shared/stack/updaterApis';
import { describeVpcNetwork, routeEgress, servicesWithPrivateEndpoints } from '../engine/network';
import type { FinderClients } from './finderClients';

type UpdaterSnapshot = NonNullable<FoundSetup['updater']>;

export interface FoundUpdater {
  readonly updater: UpdaterSnapshot;
  /** Its environment's values: the manual's function names the database endpoint there. */
  readonly environmentValues: string[];
}

/** Every function of the region, once per scan: several setups are matched against one list. */
export async function listFunctions(clients: FinderClients): Promise<FunctionConfiguration[]> {
  const all: FunctionConfiguration[] = [];
  for await (const page of paginateListFunctions({ client: clients.lambda }, {})) {
    all.push(...(page.Functions ?? []));
  }
  return all;
}

/**
 * The updater is the function whose environment names one of the setup's target groups (the
 * manual's and this app's both pass the target group ARN that way), whatever it is called.
 */
export async function gatherUpdater(
  clients: FinderClients,
  functions: readonly FunctionConfiguration[],
  targetGroupArns: readonly string[],
): Promise<FoundUpdater | undefined> {
  const fn = functions.find((f) =>
    Object.values(f.Environment?.Variables ?? {}).some((v) => targetGroupArns.includes(v)),
  );
  if (!fn?.FunctionName || !fn.FunctionArn) return undefined;
  const subnetIds = fn.VpcConfig?.SubnetIds ?? [];
  const inVpc = subnetIds.length > 0;
  return {
    environmentValues: Object.values(fn.Environment?.Variables ?? {}),
    updater: {
      functionName: fn.FunctionName,
      functionArn: fn.FunctionArn,
      ...(fn.Runtime ? { runtime: String(fn.Runtime) } : {}),
      inVpc,
      subnetIds,
      securityGroupIds: fn.VpcConfig?.SecurityGroupIds ?? [],
      egress: inVpc ? await egressOf(clients, subnetIds) : 'notNeeded',
      triggers: await triggersOf(clients, fn.FunctionArn),
    },
  };
}

/** How the in-VPC updater reaches the ELB API: an endpoint with private DNS wins over any route. */
async function egressOf(
  clients: FinderClients,
  subnetIds: readonly string[],
): Promise<UpdaterSnapshot['egress']> {
  const network = await describeVpcNetwork(clients, await vpcOfSubnet(clients, subnetIds));
  const endpoints = servicesWithPrivateEndpoints(network);
  if (updaterEndpointServiceNames(clients.region).every((s) => endpoints.has(s))) {
    return 'endpoints';
  }
  const routes = subnetIds.map((id) => routeEgress(network, id));
  return routes.some((r) => r === 'natGateway' || r === 'otherDevice') ? 'nat' : 'none';
}

/** The subnet's own VPC: the function's VpcConfig.VpcId is not given by every Lambda API. */
async function vpcOfSubnet(clients: FinderClients, subnetIds: readonly string[]): Promise<string> {
  const out = await clients.ec2.send(new DescribeSubnetsCommand({ SubnetIds: [...subnetIds] }));
  return out.Subnets?.[0]?.VpcId ?? '';
}

async function triggersOf(clients: FinderClients, functionArn: string): Promise<TriggerSnapshot[]> {
  const names: string[] = [];
  let NextToken: string | undefined;
  do {
    const page = await clients.events.send(
      new ListRuleNamesByTargetCommand({ TargetArn: functionArn, NextToken }),
    );
    names.push(...(page.RuleNames ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return Promise.all(
    names.map(async (name) => {
      const rule = await clients.events.send(new DescribeRuleCommand({ Name: name }));
      return triggerOf(name, rule.State === 'ENABLED', rule.ScheduleExpression, rule.EventPattern);
    }),
  );
}

const UNIT_SECONDS: Record<string, number> = { minute: 60, hour: 3600, day: 86400 };

export function triggerOf(
  ruleName: string,
  enabled: boolean,
  schedule: string | undefined,
  pattern: string | undefined,
): TriggerSnapshot {
  if (schedule) {
    const rate = /^rate\((\d+)\s+(minute|hour|day)s?\)$/.exec(schedule.trim());
    // A cron expression runs at most once a minute.
    const periodSeconds = rate ? Number(rate[1]) * (UNIT_SECONDS[rate[2] ?? ''] ?? 60) : 60;
    return { ruleName, enabled, kind: 'schedule', periodSeconds };
  }
  const parsed = parsePattern(pattern);
  const sources = [parsed.source].flat();
  if (!sources.includes('aws.rds')) return { ruleName, enabled, kind: 'otherEvent' };
  const categories = parsed.detail?.EventCategories;
  return {
    ruleName,
    enabled,
    kind: 'rdsEvent',
    ...(Array.isArray(categories) ? { eventCategories: categories.map(String) } : {}),
  };
}

function parsePattern(pattern: string | undefined): {
  source?: unknown;
  detail?: { EventCategories?: unknown };
} {
  try {
    const value: unknown = JSON.parse(pattern ?? '{}');
    return typeof value === 'object' && value !== null ? value : {};
  } catch {
    return {};
  }
}
