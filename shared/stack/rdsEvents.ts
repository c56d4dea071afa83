/**
 * The RDS events that make the template's EventBridge rules run the updater at once (the 1-minute
 * schedule catches whatever no event announces). Categories are RDS's own, per source type, from
 * the RDS and Aurora user guides ("Amazon RDS event categories and event messages"); only those
 * whose events can move the endpoint to another address are listed. The template repeats these
 * lists in its rules; a unit test keeps the two in step and an integration test matches sample
 * events against the deployed rules.
 */

export const RDS_INSTANCE_EVENT = 'RDS DB Instance Event';
export const RDS_CLUSTER_EVENT = 'RDS DB Cluster Event';

/**
 * DB instance categories: shutdown/restart (availability), class or Multi-AZ changes (configuration
 * change), Multi-AZ failover, storage or host failure, patching and host replacement (maintenance),
 * stop and start (notification: RDS-EVENT-0087/0088) and recovery. Left out: backup, creation,
 * deletion, low storage, read replica, restoration, security and security patching, which keep
 * the address.
 */
export const INSTANCE_ADDRESS_EVENT_CATEGORIES = [
  'availability',
  'configuration change',
  'failover',
  'failure',
  'maintenance',
  'notification',
  'recovery',
] as const;

/**
 * DB cluster categories (Aurora and Multi-AZ DB clusters): writer failover (RDS-EVENT-0069–0073),
 * global database switchover/failover, failures, maintenance, configuration changes, and cluster
 * stop and start (notification: RDS-EVENT-0150/0151). Left out: creation, deletion, migration and
 * serverless.
 */
export const CLUSTER_ADDRESS_EVENT_CATEGORIES = [
  'configuration change',
  'failover',
  'failure',
  'global-failover',
  'maintenance',
  'notification',
] as const;

/** The DB identifier: the endpoint's first label (an instance's, or the cluster's). */
export function rdsSourceIdentifier(endpoint: string): string {
  return endpoint.split('.')[0] ?? '';
}

/** AWS partition of a region, as ARNs spell it. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** A DB instance's ARN (what a cluster's member-instance rule lists). */
export function rdsInstanceArn(identifier: string, where: { region: string; account: string }) {
  return `arn:${partitionOf(where.region)}:rds:${where.region}:${where.account}:db:${identifier}`;
}

/**
 * The ARN RDS puts in an event's `resources` and `detail.SourceArn`, which the template's rules
 * match: fixed in form, unlike `detail.SourceIdentifier` (`rds:my-db` in AWS's examples, the bare
 * name in captured events).
 */
export function rdsEventArn(
  kind: 'instance' | 'cluster',
  endpoint: string,
  where: { partition?: string; region: string; account: string },
): string {
  const type = kind === 'cluster' ? 'cluster' : 'db';
  return `arn:${where.partition ?? 'aws'}:rds:${where.region}:${where.account}:${type}:${rdsSourceIdentifier(endpoint)}`;
}
