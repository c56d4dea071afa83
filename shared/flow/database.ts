import { z } from 'zod';
import type { DeepReadonly } from './readonly';

export const DATABASE_KINDS = ['instance', 'cluster'] as const;
export const DatabaseKindSchema = z.enum(DATABASE_KINDS);
export type DatabaseKind = z.infer<typeof DatabaseKindSchema>;

/**
 * One RDS instance or Aurora/Multi-AZ cluster as discovery reports it. Everything the stack needs
 * about the database is derived from this record, never typed by the user.
 */
export const DatabaseRecordSchema = z.object({
  kind: DatabaseKindSchema,
  identifier: z.string().min(1),
  engine: z.string(),
  engineVersion: z.string().optional(),
  status: z.string(),
  endpoint: z.string().min(1),
  port: z.number().int().min(1).max(65535),
  vpcId: z.string().min(1),
  /** Where the instance or the cluster writer runs now, when AWS reports it. */
  availabilityZone: z.string().optional(),
  /** Every AZ the database (or its writer after a failover) may run in. */
  availabilityZones: z.array(z.string()),
  multiAz: z.boolean(),
  securityGroupIds: z.array(z.string()),
  publiclyAccessible: z.boolean(),
  /** DbiResourceId or DbClusterResourceId, the resource part of `rds-db:connect`. */
  resourceId: z.string(),
  /** The subnets of the database's DB subnet group. */
  subnetIds: z.array(z.string()),
  /** Cluster only: its DB instances' identifiers when discovered (the writer is one of them). */
  memberIdentifiers: z.array(z.string()).optional(),
});
export type DatabaseRecord = DeepReadonly<z.infer<typeof DatabaseRecordSchema>>;
