import {
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  paginateDescribeDBClusterParameters,
  paginateDescribeDBParameters,
  type Parameter,
} from '@aws-sdk/client-rds';
import type { DatabaseRecord } from '../../shared/flow/database';
import type { SetupPlan } from '../../shared/flow/plan';
import type { PreflightCheck } from '../../shared/flow/preflight';
import { parseAccessDenied } from '../aws/awsErrors';
import type { EngineClients } from './engineClients';

/**
 * NLB TCP health checks open a connection and reset it without a MySQL handshake; MySQL and
 * MariaDB count each as a connection error of the NLB's address and block that address after
 * `max_connect_errors` in a row (until FLUSH HOSTS, or a successful login from it). SMOOZ's
 * connections arrive from the same NLB addresses, so a blocked address locks SMOOZ out.
 */
export const PARAMETER = 'max_connect_errors';

/** MySQL's and MariaDB's compiled-in default, which an `engine-default` parameter stands for. */
export const ENGINE_DEFAULT = 100n;

/**
 * Health checks per hour from one NLB address: the template checks every 10 s, and NLB's
 * health-check consensus runs more checks than configured (field reports); three checkers is the
 * figure assumed.
 */
export const CHECKS_PER_HOUR = 3n * 360n;

/** A value lasting a year of those checks without any successful login counts as safe. */
export const SAFE_MINIMUM = CHECKS_PER_HOUR * 24n * 365n;

/** Accepted by every engine RDS offers (MariaDB's maximum; MySQL's is higher). */
const FALLBACK_RECOMMENDATION = 4294967295n;

export const isMysqlFamily = (engine: string): boolean => /mysql|mariadb/i.test(engine);

/** Where a DB reads its parameters: an instance's DB parameter group or a cluster's group. */
interface GroupUse {
  readonly group: string;
  readonly level: 'instance' | 'cluster';
  /** The DB instances (or the cluster) using it. */
  readonly users: string[];
  readonly pendingReboot: boolean;
}

export interface GroupFinding extends GroupUse {
  readonly value: bigint;
  readonly source: string;
  readonly isDefaultGroup: boolean;
  readonly recommended: bigint;
}

/** RDS reserves the `default.` prefix for the groups it makes; they cannot be modified. */
export const isDefaultGroup = (name: string): boolean => name.startsWith('default.');

async function clusterGroupUse(
  clients: EngineClients,
  database: DatabaseRecord,
): Promise<GroupUse[]> {
  const out = await clients.rds.send(
    new DescribeDBClustersCommand({ DBClusterIdentifier: database.identifier }),
  );
  const group = out.DBClusters?.[0]?.DBClusterParameterGroup;
  return group
    ? [{ group, level: 'cluster', users: [database.identifier], pendingReboot: false }]
    : [];
}

/**
 * Aurora MySQL keeps max_connect_errors in each DB instance's parameter group (it is not among
 * the cluster-level parameters), and the writer can move to any member, so every member counts.
 * An RDS Multi-AZ DB cluster takes its parameters from its DB cluster parameter group.
 */
async function groupUses(clients: EngineClients, database: DatabaseRecord): Promise<GroupUse[]> {
  if (database.kind === 'cluster' && !/^aurora/.test(database.engine)) {
    return clusterGroupUse(clients, database);
  }
  const identifiers =
    database.kind === 'cluster' ? (database.memberIdentifiers ?? []) : [database.identifier];
  const uses = new Map<string, { users: string[]; pendingReboot: boolean }>();
  for (const identifier of identifiers) {
    const out = await clients.rds.send(
      new DescribeDBInstancesCommand({ DBInstanceIdentifier: identifier }),
    );
    for (const g of out.DBInstances?.[0]?.DBParameterGroups ?? []) {
      if (!g.DBParameterGroupName) continue;
      const use = uses.get(g.DBParameterGroupName) ?? { users: [], pendingReboot: false };
      use.users.push(identifier);
      use.pendingReboot ||= g.ParameterApplyStatus === 'pending-reboot';
      uses.set(g.DBParameterGroupName, use);
    }
  }
  return [...uses].map(([group, use]) => ({ group, level: 'instance', ...use }));
}

async function findParameter(
  clients: EngineClients,
  use: GroupUse,
): Promise<Parameter | undefined> {
  const pages =
    use.level === 'cluster'
      ? paginateDescribeDBClusterParameters(
          { client: clients.rds },
          { DBClusterParameterGroupName: use.group },
        )
      : paginateDescribeDBParameters({ client: clients.rds }, { DBParameterGroupName: use.group });
  for await (const page of pages) {
    const found = page.Parameters?.find((p) => p.ParameterName === PARAMETER);
    if (found) return found;
  }
  return undefined;
}

const integer = (text: string | undefined): bigint | undefined =>
  text !== undefined && /^\d+$/.test(text.trim()) ? BigInt(text.trim()) : undefined;

/** The upper end of the parameter's AllowedValues (`1-18446744073709551615`), when AWS gives one. */
function highestAllowed(parameter: Parameter | undefined): bigint {
  const upper = integer(/-(\d+)\s*$/.exec(parameter?.AllowedValues ?? '')?.[1]);
  return upper ?? FALLBACK_RECOMMENDATION;
}

/**
 * The group that decides for `use`, and the parameter as it lists it: should an engine version
 * list max_connect_errors at an Aurora cluster's level instead of its instances', that group.
 */
async function locate(
  clients: EngineClients,
  database: DatabaseRecord,
  use: GroupUse,
): Promise<{ use: GroupUse; parameter: Parameter | undefined }> {
  const parameter = await findParameter(clients, use);
  if (parameter || use.level === 'cluster' || database.kind !== 'cluster')
    return { use, parameter };
  const [clusterUse] = await clusterGroupUse(clients, database);
  const atCluster = clusterUse ? await findParameter(clients, clusterUse) : undefined;
  return clusterUse && atCluster ? { use: clusterUse, parameter: atCluster } : { use, parameter };
}

/** Reads max_connect_errors where the database takes it from, one finding per parameter group. */
export async function readHostBlockingParameters(
  clients: EngineClients,
  database: DatabaseRecord,
): Promise<GroupFinding[]> {
  const uses = await groupUses(clients, database);
  return Promise.all(
    uses.map(async (listed) => {
      const { use, parameter } = await locate(clients, database, listed);
      return {
        ...use,
        // No value set means the engine's own default.
        value: integer(parameter?.ParameterValue) ?? ENGINE_DEFAULT,
        source: parameter?.Source ?? 'engine-default',
        isDefaultGroup: isDefaultGroup(use.group),
        recommended: highestAllowed(parameter),
      };
    }),
  );
}

/** Minutes of health checks from one NLB address, with no login by SMOOZ, until it is blocked. */
export const minutesUntilBlocked = (value: bigint): bigint => (value * 60n) / CHECKS_PER_HOUR;

const CLI = {
  instance: {
    group: 'db-parameter-group',
    attach: (id: string) => `modify-db-instance --db-instance-identifier ${id}`,
  },
  cluster: {
    group: 'db-cluster-parameter-group',
    attach: (id: string) => `modify-db-cluster --db-cluster-identifier ${id}`,
  },
} as const;

/**
 * The AWS CLI commands of the remedy, for the user or their database administrator to run: set the
 * parameter in the group, or, for a default group, in a new group of its family associated with
 * the database (which takes effect at the next reboot).
 */
export function remedyCommands(finding: GroupFinding): {
  command: string;
  family: string;
  newGroup: string;
} {
  const cli = CLI[finding.level];
  const family = finding.group.replace(/^default\./, '');
  const newGroup = `${family.replace(/[^A-Za-z0-9]+/g, '-')}-smooz`;
  const target = finding.isDefaultGroup ? newGroup : finding.group;
  const modify =
    `aws rds modify-${cli.group} --${cli.group}-name ${target} --parameters ` +
    // JSON rather than shorthand: its spaces let the command wrap on screen.
    `'[{"ParameterName": "${PARAMETER}", "ParameterValue": "${finding.recommended}", ` +
    `"ApplyMethod": "immediate"}]'`;
  const steps = finding.isDefaultGroup
    ? [
        `aws rds create-${cli.group} --${cli.group}-name ${newGroup} ` +
          `--db-parameter-group-family ${family} --description "${PARAMETER} for SMOOZ"`,
        modify,
        ...finding.users.map((id) => `aws rds ${cli.attach(id)} --${cli.group}-name ${newGroup}`),
      ]
    : [modify];
  return { command: steps.join(' ; '), family, newGroup };
}

const check = (
  status: PreflightCheck['status'],
  variant: 'notApplicable' | 'ok' | 'low' | 'defaultGroup' | 'pendingReboot' | 'notChecked',
  params: PreflightCheck['params'],
): PreflightCheck => ({
  id: 'mysqlHostBlocking',
  status,
  explanation: `mysqlHostBlocking.${variant}`,
  params,
});

/**
 * Says what the database's parameter group sets for max_connect_errors, the risk, and the remedy.
 * The app changes nothing here (see README, "MySQL and MariaDB: host blocking"): it names the
 * group and the exact command; a re-check confirms the change. Only warns: SMOOZ connecting often
 * enough resets the count, and the user may accept the risk.
 */
export async function mysqlHostBlocking(
  clients: EngineClients,
  plan: SetupPlan,
): Promise<PreflightCheck> {
  const { database } = plan;
  if (!isMysqlFamily(database.engine)) {
    return check('pass', 'notApplicable', { engine: database.engine });
  }
  let findings: GroupFinding[];
  try {
    findings = await readHostBlockingParameters(clients, database);
  } catch (error) {
    // The action IAM names when it refused one; otherwise the reading this check exists for.
    const denied = parseAccessDenied((error as { message?: string }).message ?? '').action;
    return check('warn', 'notChecked', { action: denied ?? 'rds:DescribeDBParameters' });
  }
  if (findings.length === 0)
    return check('warn', 'notChecked', { action: 'rds:DescribeDBInstances' });
  // The weakest group decides: the writer may run on any member.
  const worst = findings.reduce((a, b) => (b.value < a.value ? b : a));
  const params = {
    group: worst.group,
    value: worst.value.toString(),
    source: worst.source,
    instances: worst.users.join(', '),
    recommended: worst.recommended.toString(),
    minutes: minutesUntilBlocked(worst.value).toString(),
    level: worst.level,
    ...remedyCommands(worst),
  };
  if (worst.value < SAFE_MINIMUM) {
    return check('warn', worst.isDefaultGroup ? 'defaultGroup' : 'low', params);
  }
  const waiting = findings.find((f) => f.pendingReboot);
  if (waiting) {
    return check('warn', 'pendingReboot', {
      ...params,
      group: waiting.group,
      instances: waiting.users.join(', '),
    });
  }
  return check('pass', 'ok', params);
}
