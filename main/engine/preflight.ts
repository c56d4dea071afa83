import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import {
  DescribeAvailabilityZonesCommand,
  DescribeSecurityGroupsCommand,
  DescribeVpcEndpointServicesCommand,
  type SecurityGroup,
} from '@aws-sdk/client-ec2';
import { GetRoleCommand, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import {
  GetAccountSettingsCommand,
  GetFunctionCommand,
  type AccountLimit,
} from '@aws-sdk/client-lambda';
import { GetServiceQuotaCommand } from '@aws-sdk/client-service-quotas';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { SetupPlan } from '../../shared/flow/plan';
import { runsInVpc } from '../../shared/flow/placement';
import type {
  ClashOwner,
  NameClash,
  PreflightCheck,
  PreflightCheckId,
  PreflightExplanation,
  PreflightReport,
} from '../../shared/flow/preflight';
import { planNames } from '../../shared/naming/planNames';
import { updaterEndpointServiceNames } from '../../shared/stack/updaterApis';
import { awsErrorName, mapAwsError } from '../aws/awsErrors';
import { egressCost } from './egressCost';
import { leftoverLogGroups } from './logGroupCheck';
import { mysqlHostBlocking } from './mysqlHostBlocking';
import { publicDatabase } from './placementCheck';
import type { EngineClients } from './engineClients';
import {
  describeVpcNetwork,
  endpointsOfOtherConnections,
  hasS3Gateway,
  subnetHasEgress,
  type VpcNetwork,
} from './network';
import { databaseAzs } from './planner';
import { REQUIRED_ACTIONS } from './requiredPermissions';
import { describeRegionGroups, plannedRdsRuleCount } from './securityGroups';
import { CONNECTION_TAG } from './tags';

type Params = PreflightCheck['params'];
const check = <I extends PreflightCheckId>(
  id: I,
  status: PreflightCheck['status'],
  variant: PreflightExplanation<I>,
  params: Params = {},
): PreflightCheck => ({ id, status, explanation: `${id}.${variant}`, params });

const list = (values: readonly string[]) => values.join(', ');

function subnetInDatabaseAz(plan: SetupPlan, network: VpcNetwork): PreflightCheck {
  const az = databaseAzs(plan.database)[0] ?? '';
  const chosen = network.subnets.filter((s) => plan.subnetIds.includes(s.subnetId));
  if (chosen.length !== plan.subnetIds.length) {
    const missing = plan.subnetIds.filter((id) => !chosen.some((s) => s.subnetId === id));
    return check('subnetInDatabaseAz', 'fail', 'notInVpc', {
      subnets: list(missing),
      vpcId: plan.database.vpcId,
    });
  }
  if (chosen.some((s) => s.availabilityZone === az)) {
    return check('subnetInDatabaseAz', 'pass', 'ok', { az });
  }
  const available = network.subnets.filter((s) => s.availabilityZone === az).map((s) => s.subnetId);
  return available.length > 0
    ? check('subnetInDatabaseAz', 'fail', 'notChosen', { az, candidates: list(available) })
    : check('subnetInDatabaseAz', 'fail', 'noneInVpc', { az, vpcId: plan.database.vpcId });
}

function subnetPerFailoverAz(plan: SetupPlan, network: VpcNetwork): PreflightCheck {
  if (!plan.database.multiAz) return check('subnetPerFailoverAz', 'pass', 'singleAz');
  const covered = new Set(
    network.subnets
      .filter((s) => plan.subnetIds.includes(s.subnetId))
      .map((s) => s.availabilityZone),
  );
  const missing = databaseAzs(plan.database).filter((az) => !covered.has(az));
  if (missing.length === 0) {
    return check('subnetPerFailoverAz', 'pass', 'ok', { azs: list([...covered].sort()) });
  }
  const addable = missing.filter((az) => network.subnets.some((s) => s.availabilityZone === az));
  return check('subnetPerFailoverAz', 'warn', addable.length > 0 ? 'missing' : 'noSubnet', {
    azs: list(missing),
  });
}

function lambdaEgress(
  plan: SetupPlan,
  network: VpcNetwork,
  ownerOf: ClashOwnerLookup,
): PreflightCheck {
  if (!runsInVpc(plan)) return check('lambdaEgress', 'pass', 'outsideVpc');
  const services = updaterEndpointServiceNames(plan.region);
  const results = plan.subnetIds.map((id) => ({ id, ...subnetHasEgress(network, id, services) }));
  const blocked = results.filter((r) => !r.ok);
  const params = { services: list(services), subnets: list(plan.subnetIds) };
  const borrowed = endpointsOfOtherConnections(network, services, plan.connectionId);
  if (blocked.length === 0 && borrowed.length > 0) {
    // Usable: the setup lets this updater in, and their owner's teardown hands them over.
    const owners = [...new Set(borrowed.map((e) => e.ownerId))].map((id) => {
      const owner = ownerOf(id);
      return 'connectionName' in owner && owner.connectionName !== undefined
        ? owner.connectionName
        : id;
    });
    return check('lambdaEgress', 'warn', 'otherConnectionEndpoints', {
      ...params,
      endpoints: list(borrowed.map((e) => e.endpointId)),
      connections: list(owners),
    });
  }
  if (blocked.length === 0) {
    const variant = results.every((r) => r.via === 'natGateway')
      ? 'nat'
      : results.some((r) => r.via === 'otherDevice')
        ? 'otherDevice'
        : 'endpoints';
    return check('lambdaEgress', variant === 'otherDevice' ? 'warn' : 'pass', variant, params);
  }
  const azCount = new Set(
    network.subnets
      .filter((s) => plan.subnetIds.includes(s.subnetId))
      .map((s) => s.availabilityZone),
  ).size;
  const needsS3 = services.some((s) => s.endsWith('.s3')) && !hasS3Gateway(network, plan.region);
  const publicOnly = blocked.some((r) => r.route === 'internetGatewayOnly');
  return {
    ...check('lambdaEgress', 'fail', publicOnly ? 'internetGatewayOnly' : 'none', {
      ...params,
      blocked: list(blocked.map((r) => r.id)),
    }),
    fix: {
      kind: 'createInterfaceEndpoints',
      serviceNames: services.filter((s) => !s.endsWith('.s3')),
      s3Gateway: needsS3,
      subnetIds: [...plan.subnetIds],
      cost: egressCost(plan.region, services.length, azCount),
    },
  };
}

async function quotaValue(
  clients: EngineClients,
  code: string,
  fallback: number,
): Promise<{ value: number; known: boolean }> {
  try {
    const out = await clients.quotas.send(
      new GetServiceQuotaCommand({ ServiceCode: 'vpc', QuotaCode: code }),
    );
    const value = out.Quota?.Value;
    return typeof value === 'number' ? { value, known: true } : { value: fallback, known: false };
  } catch {
    return { value: fallback, known: false };
  }
}

const inboundRuleCount = (group: SecurityGroup | undefined): number =>
  (group?.IpPermissions ?? []).reduce(
    (n, p) =>
      n +
      (p.IpRanges?.length ?? 0) +
      (p.Ipv6Ranges?.length ?? 0) +
      (p.UserIdGroupPairs?.length ?? 0) +
      (p.PrefixListIds?.length ?? 0),
    0,
  );

async function securityGroupLimits(
  clients: EngineClients,
  plan: SetupPlan,
  network: VpcNetwork,
  created: readonly { kind: string }[],
): Promise<PreflightCheck> {
  // L-E79EC296 is "VPC security groups per Region": every group in every VPC of the region
  // counts against it, not only the database VPC's.
  const [rulesQuota, groupsQuota, groups] = await Promise.all([
    quotaValue(clients, 'L-0EA8095F', 60),
    quotaValue(clients, 'L-E79EC296', 2500),
    describeRegionGroups(clients),
  ]);
  const rdsGroupId = plan.database.securityGroupIds[0] ?? '';
  const rdsGroup = groups.find((g) => g.GroupId === rdsGroupId);
  const newRules = plannedRdsRuleCount(plan);
  const rulesAfter = inboundRuleCount(rdsGroup) + newRules;
  // The updater's group, and the endpoints' group should the egress fix be applied: in the VPC only.
  const newGroups = runsInVpc(plan) ? 2 : 0;
  const groupsAfter =
    groups.length + newGroups - created.filter((r) => r.kind === 'securityGroup').length;
  const params = {
    groupId: rdsGroupId,
    rulesAfter,
    rulesQuota: rulesQuota.value,
    groupsAfter,
    groupsQuota: groupsQuota.value,
  };
  if (!rdsGroup) return check('securityGroupLimits', 'fail', 'noRdsGroup', params);
  if (rulesAfter > rulesQuota.value || groupsAfter > groupsQuota.value) {
    return check('securityGroupLimits', 'fail', 'exceeded', params);
  }
  if (!rulesQuota.known || !groupsQuota.known) {
    return check('securityGroupLimits', 'warn', 'defaultsAssumed', params);
  }
  return check(
    'securityGroupLimits',
    rulesQuota.value - rulesAfter < 5 ? 'warn' : 'pass',
    rulesQuota.value - rulesAfter < 5 ? 'nearLimit' : 'ok',
    params,
  );
}

const notFound = (error: unknown) => {
  const name = awsErrorName(error);
  const message = (error as { message?: string }).message ?? '';
  return name === 'ResourceNotFoundException' || /does not exist/i.test(message);
};

/** Who made a tagged resource, as far as the flows on this computer know (main/engine). */
export type ClashOwnerLookup = (connectionId: string) => ClashOwner;

const tagValue = (
  tags:
    | readonly { Key?: string | undefined; Value?: string | undefined }[]
    | Record<string, string>
    | undefined,
): string | undefined =>
  Array.isArray(tags)
    ? tags.find((t) => t.Key === CONNECTION_TAG)?.Value
    : (tags as Record<string, string> | undefined)?.[CONNECTION_TAG];

/** The plan's names that exist already and are not this connection's, each with its owner. */
async function findClashes(
  clients: EngineClients,
  plan: SetupPlan,
  ownerOf: ClashOwnerLookup,
): Promise<NameClash[]> {
  const id = plan.connectionId;
  const names = planNames(plan);
  const taken: { name: string; kind: NameClash['kind']; tag: string | undefined }[] = [];
  const stack = await clients.cfn
    .send(new DescribeStacksCommand({ StackName: names.stackName }))
    .then((out) => out.Stacks?.[0])
    .catch((error: unknown) => {
      if (notFound(error)) return undefined;
      throw error;
    });
  if (stack && stack.StackStatus !== 'DELETE_COMPLETE') {
    taken.push({ name: names.stackName, kind: 'stack', tag: tagValue(stack.Tags) });
  }
  // Outside the VPC the setup makes no security group, so no group name can clash.
  const groups = runsInVpc(plan)
    ? await clients.ec2.send(
        new DescribeSecurityGroupsCommand({
          Filters: [
            { Name: 'vpc-id', Values: [plan.database.vpcId] },
            {
              Name: 'group-name',
              Values: [names.lambdaSecurityGroupName, names.endpointsSecurityGroupName],
            },
          ],
        }),
      )
    : { SecurityGroups: [] };
  for (const group of groups.SecurityGroups ?? []) {
    taken.push({ name: group.GroupName ?? '', kind: 'securityGroup', tag: tagValue(group.Tags) });
  }
  for (const functionName of [names.lambdaFunctionName, names.setupFunctionName]) {
    const fn = await clients.lambda
      .send(new GetFunctionCommand({ FunctionName: functionName }))
      .catch((error: unknown) => {
        if (notFound(error)) return undefined;
        throw error;
      });
    if (fn) taken.push({ name: functionName, kind: 'lambdaFunction', tag: tagValue(fn.Tags) });
  }
  // This connection's own resources (from an earlier run) are no clash: it continues with them.
  return taken
    .filter((t) => t.tag !== id)
    .map((t) => ({
      name: t.name,
      kind: t.kind,
      owner: t.tag === undefined ? { type: 'notOurs' as const } : ownerOf(t.tag),
    }));
}

const CLASH_SEVERITY = ['notOurs', 'abandoned', 'connection'] as const;

async function nameClash(
  clients: EngineClients,
  plan: SetupPlan,
  ownerOf: ClashOwnerLookup,
): Promise<PreflightCheck> {
  const clashes = await findClashes(clients, plan, ownerOf);
  if (clashes.length === 0) return check('nameClash', 'pass', 'ok', { stackName: plan.stackName });
  const worst =
    CLASH_SEVERITY.find((type) => clashes.some((c) => c.owner.type === type)) ?? 'notOurs';
  const named = clashes.find((c) => c.owner.type === worst)?.owner;
  const params = {
    names: list(clashes.map((c) => c.name)),
    ...(named && 'connectionName' in named && named.connectionName !== undefined
      ? { connectionName: named.connectionName }
      : {}),
  };
  const variant = worst === 'connection' ? 'otherConnection' : worst;
  return { ...check('nameClash', 'fail', variant, params), clashes };
}

/** The caller as an IAM principal ARN SimulatePrincipalPolicy accepts (roles need their path). */
async function principalArn(clients: EngineClients): Promise<string | null> {
  const arn = (await clients.sts.send(new GetCallerIdentityCommand({}))).Arn ?? '';
  const assumed = /^arn:[^:]+:sts::\d{12}:assumed-role\/([^/]+)\//.exec(arn);
  if (assumed?.[1]) {
    const role = await clients.iam.send(new GetRoleCommand({ RoleName: assumed[1] }));
    return role.Role?.Arn ?? null;
  }
  return /:user\//.test(arn) ? arn : null;
}

export async function permissions(clients: EngineClients): Promise<PreflightCheck> {
  const count = REQUIRED_ACTIONS.length;
  try {
    const principal = await principalArn(clients);
    if (!principal) return check('permissions', 'warn', 'notSimulated', { count });
    const out = await clients.iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: principal,
        ActionNames: [...REQUIRED_ACTIONS],
      }),
    );
    const denied = (out.EvaluationResults ?? [])
      .filter((r) => r.EvalDecision !== 'allowed')
      .flatMap((r) => (r.EvalActionName ? [r.EvalActionName] : []));
    return denied.length === 0
      ? check('permissions', 'pass', 'ok', { count })
      : check('permissions', 'fail', 'denied', { actions: list(denied), count: denied.length });
  } catch {
    // Simulation needs iam:GetRole and iam:SimulatePrincipalPolicy, which many profiles lack.
    return check('permissions', 'warn', 'notSimulated', { count });
  }
}

async function regionSupport(
  clients: EngineClients,
  plan: SetupPlan,
  network: VpcNetwork,
): Promise<PreflightCheck> {
  // Interface endpoints matter only to an updater in the VPC.
  const services: string[] = runsInVpc(plan) ? updaterEndpointServiceNames(plan.region) : [];
  const [zones, endpointServices] = await Promise.all([
    clients.ec2.send(new DescribeAvailabilityZonesCommand({})),
    services.length === 0
      ? ([] as string[])
      : clients.ec2
          .send(new DescribeVpcEndpointServicesCommand({ ServiceNames: services }))
          .then((out) => out.ServiceNames ?? [])
          .catch(() => [] as string[]),
  ]);
  const chosenAzs = network.subnets
    .filter((s) => plan.subnetIds.includes(s.subnetId))
    .map((s) => s.availabilityZone);
  const zoneIds = (zones.AvailabilityZones ?? []).filter((z) =>
    chosenAzs.includes(z.ZoneName ?? ''),
  );
  if (zoneIds.some((z) => !z.ZoneId)) {
    return check('regionSupport', 'fail', 'noZoneIds', { region: plan.region });
  }
  const missing = services.filter((s) => !endpointServices.includes(s));
  if (missing.length > 0) {
    return check('regionSupport', 'warn', 'noEndpointService', {
      region: plan.region,
      services: list(missing),
    });
  }
  return check('regionSupport', 'pass', 'ok', { region: plan.region });
}

/**
 * Information only: the updater reserves no concurrency (a reservation needs 100 unreserved
 * executions left, which an account at the new-account limit of 10 never has). It shares the
 * account's pool and needs one short execution a minute, so any limit passes; the figures tell the
 * user what it shares. Overlapping runs are safe by design (lambda/src/updater/reconcile.ts).
 */
export async function lambdaConcurrency(
  clients: EngineClients,
  plan: SetupPlan,
): Promise<PreflightCheck> {
  const notChecked = check('lambdaConcurrency', 'pass', 'notChecked', {
    action: 'lambda:GetAccountSettings',
  });
  let limits: AccountLimit | undefined;
  try {
    limits = (await clients.lambda.send(new GetAccountSettingsCommand({}))).AccountLimit;
  } catch {
    return notChecked;
  }
  const unreserved = limits?.UnreservedConcurrentExecutions;
  if (unreserved === undefined) return notChecked;
  const limit = limits?.ConcurrentExecutions ?? unreserved;
  return check('lambdaConcurrency', 'pass', 'ok', { unreserved, limit, region: plan.region });
}

/**
 * Every check, read-only. A check that cannot run because of an AWS error fails the whole
 * preflight with that error (the user must fix access first); only permission simulation and quota
 * lookups degrade to a warning, and the Lambda account settings (information only) to a note,
 * because many profiles may not call them.
 */
export async function runPreflight(
  clients: EngineClients,
  plan: SetupPlan,
  created: readonly { kind: string }[],
  ownerOf: ClashOwnerLookup,
  now: () => Date = () => new Date(),
): Promise<PreflightReport> {
  try {
    const network = await describeVpcNetwork(clients, plan.database.vpcId);
    const checks = await Promise.all([
      subnetInDatabaseAz(plan, network),
      subnetPerFailoverAz(plan, network),
      lambdaEgress(plan, network, ownerOf),
      securityGroupLimits(clients, plan, network, created),
      nameClash(clients, plan, ownerOf),
      permissions(clients),
      regionSupport(clients, plan, network),
      lambdaConcurrency(clients, plan),
      leftoverLogGroups(clients, plan),
      mysqlHostBlocking(clients, plan),
      publicDatabase(plan),
    ]);
    return { checkedAt: now().toISOString(), checks };
  } catch (error) {
    throw mapAwsError(error, { profile: plan.profile });
  }
}
