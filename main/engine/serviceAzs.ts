import type { DatabaseRecord } from '../../shared/flow/database';
import { databaseAzs } from './planner';
import type { VpcNetwork } from './network';

/**
 * SMOOZ's interface endpoint needs an AZ (by AZ ID) in common with the endpoint service, and
 * SMOOZ's side may not have a subnet in the one AZ a single-AZ database runs in. So the NLB, and
 * with it the endpoint service, always covers at least this many AZs; with cross-zone load
 * balancing on, every AZ reaches the database's target.
 */
export const MIN_ENDPOINT_SERVICE_AZS = 2;

/**
 * The AZs the NLB gets subnets in: where the database runs now and may fail over to, then, while
 * fewer than two, the other AZs of its DB subnet group (RDS makes every subnet group span two),
 * then the VPC's other AZs by name.
 */
export function endpointServiceAzs(network: VpcNetwork, db: DatabaseRecord): string[] {
  const azs = databaseAzs(db);
  if (azs.length >= MIN_ENDPOINT_SERVICE_AZS) return azs;
  const zoneOf = (subnetId: string) =>
    network.subnets.find((s) => s.subnetId === subnetId)?.availabilityZone;
  const subnetGroupAzs = db.subnetIds.flatMap((id) => zoneOf(id) ?? []).sort();
  const vpcAzs = network.subnets.map((s) => s.availabilityZone).sort();
  const extra = [...new Set([...subnetGroupAzs, ...vpcAzs])].filter((az) => !azs.includes(az));
  return [...azs, ...extra.slice(0, MIN_ENDPOINT_SERVICE_AZS - azs.length)];
}
