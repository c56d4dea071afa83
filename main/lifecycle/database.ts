import { paginateDescribeSecurityGroupRules } from '@aws-sdk/client-ec2';
import {
  paginateDescribeDBClusters,
  paginateDescribeDBInstances,
  type DBCluster,
  type DBInstance,
} from '@aws-sdk/client-rds';
import type { FoundSetup, IngressRuleSnapshot } from '../../shared/lifecycle/foundSetup';
import type { FinderClients } from './finderClients';

type DatabaseSnapshot = NonNullable<FoundSetup['database']>;

/** What the database's endpoint resolves to now; undefined when it cannot be resolved from here. */
export type ResolveAddresses = (hostname: string) => Promise<string[] | undefined>;

export interface RegionDatabases {
  readonly instances: DBInstance[];
  readonly clusters: DBCluster[];
}

export async function listDatabases(clients: FinderClients): Promise<RegionDatabases> {
  const instances: DBInstance[] = [];
  for await (const page of paginateDescribeDBInstances({ client: clients.rds }, {})) {
    instances.push(...(page.DBInstances ?? []));
  }
  const clusters: DBCluster[] = [];
  for await (const page of paginateDescribeDBClusters({ client: clients.rds }, {})) {
    clusters.push(...(page.DBClusters ?? []));
  }
  return { instances, clusters };
}

function candidates(databases: RegionDatabases): Omit<DatabaseSnapshot, 'addresses'>[] {
  const fromInstances = databases.instances
    // A cluster member is reached through its cluster's endpoint.
    .filter((db) => !db.DBClusterIdentifier && db.Endpoint?.Address)
    .map((db) => ({
      kind: 'instance' as const,
      identifier: db.DBInstanceIdentifier ?? '',
      arn: db.DBInstanceArn ?? '',
      endpoint: db.Endpoint?.Address ?? '',
      port: db.Endpoint?.Port ?? 0,
      engine: db.Engine ?? '',
      multiAz: db.MultiAZ === true,
      zones: [db.AvailabilityZone, db.SecondaryAvailabilityZone].flatMap((z) => (z ? [z] : [])),
      securityGroupIds: (db.VpcSecurityGroups ?? []).flatMap((g) =>
        g.VpcSecurityGroupId ? [g.VpcSecurityGroupId] : [],
      ),
    }));
  const fromClusters = databases.clusters
    .filter((c) => c.Endpoint)
    .map((c) => ({
      kind: 'cluster' as const,
      identifier: c.DBClusterIdentifier ?? '',
      arn: c.DBClusterArn ?? '',
      endpoint: c.Endpoint ?? '',
      port: c.Port ?? 0,
      engine: c.Engine ?? '',
      multiAz: c.MultiAZ === true || (c.AvailabilityZones ?? []).length > 1,
      zones: c.AvailabilityZones ?? [],
      securityGroupIds: (c.VpcSecurityGroups ?? []).flatMap((g) =>
        g.VpcSecurityGroupId ? [g.VpcSecurityGroupId] : [],
      ),
    }));
  return [...fromInstances, ...fromClusters];
}

/**
 * The database a setup serves: the one whose endpoint the updater's environment names, or else
 * the one whose current address is registered in the target group on its port.
 */
export async function matchDatabase(
  databases: RegionDatabases,
  resolve: ResolveAddresses,
  clues: {
    readonly environmentValues: readonly string[];
    readonly targets: readonly { address: string; port: number }[];
  },
): Promise<DatabaseSnapshot | undefined> {
  const all = candidates(databases);
  const named = all.find((db) =>
    clues.environmentValues.some((v) => v.toLowerCase() === db.endpoint.toLowerCase()),
  );
  if (named) {
    const addresses = await resolve(named.endpoint);
    return addresses ? { ...named, addresses } : named;
  }
  for (const db of all) {
    const addresses = await resolve(db.endpoint);
    const registered = clues.targets.some(
      (t) => t.port === db.port && (addresses ?? []).includes(t.address),
    );
    if (registered) return { ...db, addresses: addresses ?? [] };
  }
  return undefined;
}

/** The database's inbound rules that cover its port (the setup's own and everyone else's). */
export async function ingressCovering(
  clients: FinderClients,
  database: DatabaseSnapshot,
): Promise<IngressRuleSnapshot[]> {
  if (database.securityGroupIds.length === 0) return [];
  const rules: IngressRuleSnapshot[] = [];
  for await (const page of paginateDescribeSecurityGroupRules(
    { client: clients.ec2 },
    { Filters: [{ Name: 'group-id', Values: [...database.securityGroupIds] }] },
  )) {
    for (const rule of page.SecurityGroupRules ?? []) {
      if (rule.IsEgress) continue;
      const all = rule.IpProtocol === '-1';
      const fromPort = all ? 0 : (rule.FromPort ?? 0);
      const toPort = all ? 65535 : (rule.ToPort ?? 65535);
      if (database.port < fromPort || database.port > toPort) continue;
      const source =
        rule.CidrIpv4 ?? rule.CidrIpv6 ?? rule.ReferencedGroupInfo?.GroupId ?? rule.PrefixListId;
      if (!source) continue;
      rules.push({
        groupId: rule.GroupId ?? '',
        protocol: rule.IpProtocol ?? '',
        fromPort,
        toPort,
        source,
      });
    }
  }
  return rules;
}
