import {
  paginateDescribeDBClusters,
  paginateDescribeDBInstances,
  paginateDescribeDBSubnetGroups,
  type DBCluster,
  type DBInstance,
  type DBSubnetGroup,
} from '@aws-sdk/client-rds';
import { AppError } from '../../shared/errors';
import type { DatabaseKind, DatabaseRecord } from '../../shared/flow/database';
import { normalizeHost } from '../../shared/validation/rds';
import { cleanInput } from '../../shared/validation/result';
import type { EngineClients } from './engineClients';
import { SetupErrorCodes } from './setupErrors';

// DescribeDBClusters also answers for these engines; they cannot sit behind this design's NLB.
const NON_RDS_ENGINES = /^(docdb|neptune)/;

async function allInstances(clients: EngineClients): Promise<DBInstance[]> {
  const out: DBInstance[] = [];
  for await (const page of paginateDescribeDBInstances({ client: clients.rds }, {})) {
    out.push(...(page.DBInstances ?? []));
  }
  return out;
}

async function allClusters(clients: EngineClients): Promise<DBCluster[]> {
  const out: DBCluster[] = [];
  for await (const page of paginateDescribeDBClusters({ client: clients.rds }, {})) {
    out.push(...(page.DBClusters ?? []));
  }
  return out;
}

async function subnetGroups(clients: EngineClients): Promise<Map<string, DBSubnetGroup>> {
  const out = new Map<string, DBSubnetGroup>();
  for await (const page of paginateDescribeDBSubnetGroups({ client: clients.rds }, {})) {
    for (const group of page.DBSubnetGroups ?? []) {
      if (group.DBSubnetGroupName) out.set(group.DBSubnetGroupName, group);
    }
  }
  return out;
}

const subnetAzs = (group: DBSubnetGroup | undefined): string[] =>
  (group?.Subnets ?? []).flatMap((s) =>
    s.SubnetAvailabilityZone?.Name ? [s.SubnetAvailabilityZone.Name] : [],
  );
const subnetIdsOf = (group: DBSubnetGroup | undefined): string[] =>
  (group?.Subnets ?? []).flatMap((s) => (s.SubnetIdentifier ? [s.SubnetIdentifier] : []));
const unique = (values: readonly string[]): string[] => [...new Set(values)].sort();

function instanceRecord(db: DBInstance): DatabaseRecord | null {
  const group = db.DBSubnetGroup;
  if (!db.DBInstanceIdentifier || !db.Endpoint?.Address || !group?.VpcId) return null;
  const current = db.AvailabilityZone;
  // A Multi-AZ standby may be promoted in any AZ of the subnet group.
  const azs = db.MultiAZ ? subnetAzs(group) : current ? [current] : [];
  return {
    kind: 'instance',
    identifier: db.DBInstanceIdentifier,
    engine: db.Engine ?? '',
    engineVersion: db.EngineVersion,
    status: db.DBInstanceStatus ?? 'unknown',
    endpoint: db.Endpoint.Address,
    port: db.Endpoint.Port ?? db.DbInstancePort ?? 0,
    vpcId: group.VpcId,
    availabilityZone: current,
    availabilityZones: unique(current ? [current, ...azs] : azs),
    multiAz: db.MultiAZ ?? false,
    securityGroupIds: (db.VpcSecurityGroups ?? []).flatMap((g) =>
      g.VpcSecurityGroupId ? [g.VpcSecurityGroupId] : [],
    ),
    publiclyAccessible: db.PubliclyAccessible ?? false,
    resourceId: db.DbiResourceId ?? '',
    subnetIds: subnetIdsOf(group),
  };
}

function clusterRecord(
  cluster: DBCluster,
  instances: ReadonlyMap<string, DBInstance>,
  groups: ReadonlyMap<string, DBSubnetGroup>,
): DatabaseRecord | null {
  const group = cluster.DBSubnetGroup ? groups.get(cluster.DBSubnetGroup) : undefined;
  if (!cluster.DBClusterIdentifier || !cluster.Endpoint || !group?.VpcId) return null;
  const members = (cluster.DBClusterMembers ?? []).flatMap((m) => {
    const db = m.DBInstanceIdentifier ? instances.get(m.DBInstanceIdentifier) : undefined;
    return db
      ? [
          {
            writer: m.IsClusterWriter ?? false,
            az: db.AvailabilityZone,
            public: db.PubliclyAccessible === true,
          },
        ]
      : [];
  });
  const writerAz = members.find((m) => m.writer)?.az;
  // The writer role can move to any member, and a new member can start in any cluster AZ.
  const azs = unique([
    ...(cluster.AvailabilityZones ?? []),
    ...members.flatMap((m) => (m.az ? [m.az] : [])),
  ]);
  return {
    kind: 'cluster',
    identifier: cluster.DBClusterIdentifier,
    engine: cluster.Engine ?? '',
    engineVersion: cluster.EngineVersion,
    status: cluster.Status ?? 'unknown',
    endpoint: cluster.Endpoint,
    port: cluster.Port ?? 0,
    vpcId: group.VpcId,
    availabilityZone: writerAz,
    availabilityZones: azs,
    multiAz: cluster.MultiAZ === true || azs.length > 1,
    securityGroupIds: (cluster.VpcSecurityGroups ?? []).flatMap((g) =>
      g.VpcSecurityGroupId ? [g.VpcSecurityGroupId] : [],
    ),
    // Aurora keeps the setting per instance; any member may become the writer the endpoint names.
    publiclyAccessible: cluster.PubliclyAccessible === true || members.some((m) => m.public),
    resourceId: cluster.DbClusterResourceId ?? '',
    subnetIds: subnetIdsOf(group),
    memberIdentifiers: (cluster.DBClusterMembers ?? []).flatMap((m) =>
      m.DBInstanceIdentifier ? [m.DBInstanceIdentifier] : [],
    ),
  };
}

/** Every RDS instance (outside a cluster) and every Aurora / Multi-AZ cluster in the region. */
export async function listDatabases(clients: EngineClients): Promise<DatabaseRecord[]> {
  const [instances, clusters, groups] = await Promise.all([
    allInstances(clients),
    allClusters(clients),
    subnetGroups(clients),
  ]);
  const byId = new Map(
    instances.flatMap((db) => (db.DBInstanceIdentifier ? [[db.DBInstanceIdentifier, db]] : [])),
  );
  const records = [
    ...instances
      .filter((db) => !db.DBClusterIdentifier && !NON_RDS_ENGINES.test(db.Engine ?? ''))
      .map(instanceRecord),
    ...clusters
      .filter((c) => !NON_RDS_ENGINES.test(c.Engine ?? ''))
      .map((c) => clusterRecord(c, byId, groups)),
  ];
  return records
    .filter((r): r is DatabaseRecord => r !== null)
    .sort((a, b) => a.identifier.localeCompare(b.identifier));
}

/**
 * A typed endpoint resolves to the same record the list shows: an instance endpoint, a cluster's
 * writer endpoint, or its reader endpoint (which still means the cluster).
 */
export async function resolveEndpoint(
  clients: EngineClients,
  endpoint: string,
): Promise<DatabaseRecord> {
  const host = normalizeHost(cleanInput(endpoint).replace(/:\d+$/, ''));
  const [databases, clusters] = await Promise.all([listDatabases(clients), allClusters(clients)]);
  const direct = databases.find((db) => db.endpoint.toLowerCase() === host);
  if (direct) return direct;
  const reader = clusters.find((c) => c.ReaderEndpoint?.toLowerCase() === host);
  const viaReader = databases.find(
    (db) => db.kind === 'cluster' && db.identifier === reader?.DBClusterIdentifier,
  );
  if (viaReader) return viaReader;
  throw new AppError(SetupErrorCodes.endpointNotFound, { endpoint: host });
}

/** The record for a database picked from the list, looked up again (it may have changed). */
export async function findDatabase(
  clients: EngineClients,
  kind: DatabaseKind,
  identifier: string,
): Promise<DatabaseRecord> {
  const found = (await listDatabases(clients)).find(
    (db) => db.kind === kind && db.identifier === identifier,
  );
  if (!found) throw new AppError(SetupErrorCodes.databaseNotFound, { identifier });
  return found;
}
