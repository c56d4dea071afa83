import { z } from 'zod';
import type { DeepReadonly } from './readonly';
import { DatabaseRecordSchema } from './database';
import { UpdaterPlacementSchema } from './placement';

/** An IAM role ARN, as the template's ⑧ accepts it (its AllowedPattern says the same). */
export const SMOOZ_ROLE_ARN_PATTERN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

export const DB_AUTH_METHODS = ['password', 'iam'] as const;
export const DbAuthMethodSchema = z.enum(DB_AUTH_METHODS);
export type DbAuthMethod = z.infer<typeof DbAuthMethodSchema>;

/**
 * Everything the engine will create, decided before anything is: the user's few decisions plus
 * what was derived from their account. Persisted with the flow so a restart needs no re-entry.
 */
export const SetupPlanSchema = z.object({
  connectionId: z.string().min(1),
  connectionName: z.string().min(1),
  profile: z.string().min(1),
  region: z.string().min(1),
  accountId: z.string().regex(/^\d{12}$/),
  database: DatabaseRecordSchema,
  /** The first is the manual's ⑥ subnet; the rest cover the AZs the database may fail over to. */
  subnetIds: z.array(z.string().min(1)).min(1),
  authMethod: DbAuthMethodSchema,
  dbUser: z.string().optional(),
  externalId: z.string().optional(),
  smoozAccountId: z.string().regex(/^\d{12}$/),
  /**
   * Where the updater runs (./placement.ts recommends it; the user may switch before confirming).
   * Flows planned before the choice existed ran it in the VPC, with a security group.
   */
  updaterPlacement: UpdaterPlacementSchema.default('insideVpc'),
  /**
   * SMOOZ's IAM role in that account: the endpoint service allows it alone (parameter ⑧). Flows
   * planned for template v2 and older allowed SMOOZ's account root and have none; their upgrade
   * asks SMOOZ's settings for it.
   */
  smoozRoleArn: z.string().regex(SMOOZ_ROLE_ARN_PATTERN).optional(),
  /** Every name below comes from shared/naming (deriveConnectionNames), unless overridden. */
  lambdaFunctionName: z.string().min(1),
  stackName: z.string().min(1),
  lambdaSecurityGroupName: z.string().min(1),
  /** Absent in flows planned before names were derived per connection (see planNames). */
  endpointsSecurityGroupName: z.string().min(1).optional(),
  /** SMOOZ's prefix the names were derived with; kept so a rename re-derives the same way. */
  resourceNamePrefix: z.string().optional(),
  /** The user typed ① on the confirmation screen: a rename no longer re-derives it. */
  lambdaFunctionNameOverridden: z.boolean().optional(),
});
export type SetupPlan = DeepReadonly<z.infer<typeof SetupPlanSchema>>;

/**
 * What the user may still change after the plan was derived (before confirming). A new placement
 * re-runs the checks (the egress check and the security group apply only in the VPC). A new
 * `connectionName` re-derives every name (shared/naming/planNames.ts applyPlanPatch) except a
 * typed-over ① and security groups that already exist; `lambdaFunctionName` overrides ①.
 */
export const PlanPatchSchema = SetupPlanSchema.pick({
  subnetIds: true,
  connectionName: true,
  lambdaFunctionName: true,
  updaterPlacement: true,
}).partial();
export type PlanPatch = DeepReadonly<z.infer<typeof PlanPatchSchema>>;

/** The stack's outputs, as handed to SMOOZ (AZ IDs, not names, identify the zones across accounts). */
export const StackOutputsSchema = z.object({
  endpointServiceName: z.string().min(1),
  endpointServiceId: z.string().min(1),
  availabilityZones: z.array(z.string()),
  availabilityZoneIds: z.array(z.string()),
  loadBalancerArn: z.string().min(1),
  targetGroupArn: z.string().min(1),
  iamRoleArn: z.string().optional(),
  updaterFunctionName: z.string().optional(),
});
export type StackOutputs = DeepReadonly<z.infer<typeof StackOutputsSchema>>;

export const StackEventSchema = z.object({
  eventId: z.string(),
  timestamp: z.iso.datetime(),
  logicalResourceId: z.string(),
  resourceType: z.string(),
  status: z.string(),
  reason: z.string().optional(),
});
export type StackEvent = DeepReadonly<z.infer<typeof StackEventSchema>>;

/** The resource that made the stack fail, and AWS's reason, for the failure screen. */
export const StackFailureSchema = z.object({
  stackStatus: z.string(),
  logicalResourceId: z.string(),
  resourceType: z.string(),
  reason: z.string(),
});
export type StackFailure = DeepReadonly<z.infer<typeof StackFailureSchema>>;
