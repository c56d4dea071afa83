import { z } from 'zod';
import { AppErrorSchema } from '../errors';
import {
  connectionStatusValues,
  connectivityTestResultBrokenLinkValues,
  connectivityTestResultCheckedValues,
} from '../smooz-api/openapi-types';

/**
 * One SMOOZ PrivateLink setup as the finder gathered it from the customer's account: what it IS
 * (endpoint service → NLB → target groups → targets → database, the updater function and what
 * runs it), whoever made it. Diagnosis (diagnosis.ts) reads nothing else, and a migration can plan
 * from the same snapshot: every AWS id it would need to replace or remove is here.
 */
type NonEmpty<T> = readonly [T, ...T[]];
const asEnum = <T extends string>(values: ReadonlyArray<T>) => values as unknown as NonEmpty<T>;

export const SETUP_ORIGINS = ['app', 'handMade'] as const;

const ZoneSchema = z.object({ name: z.string(), subnetId: z.string().optional() });

export const EndpointServiceSnapshotSchema = z.object({
  id: z.string(),
  name: z.string(),
  zones: z.array(z.string()),
  acceptanceRequired: z.boolean(),
  /** As AWS lists them: `arn:aws:iam::<account>:root`, a role or user ARN, or `*`. */
  allowedPrincipals: z.array(z.string()),
  loadBalancerArns: z.array(z.string()),
});

export const LoadBalancerSnapshotSchema = z.object({
  arn: z.string(),
  name: z.string(),
  zones: z.array(ZoneSchema),
  crossZone: z.boolean(),
  securityGroupIds: z.array(z.string()),
  /** The CIDRs of the subnets it sits in (its addresses are taken from these). */
  subnetCidrs: z.array(z.string()),
});

export const TargetSnapshotSchema = z.object({
  address: z.string(),
  port: z.number().int(),
  /** DescribeTargetHealth's state: healthy, unhealthy, initial, unused, draining, unavailable. */
  state: z.string(),
  reason: z.string().optional(),
});

export const TargetGroupSnapshotSchema = z.object({
  arn: z.string(),
  name: z.string(),
  port: z.number().int(),
  healthCheckProtocol: z.string(),
  targets: z.array(TargetSnapshotSchema),
});

export const DatabaseSnapshotSchema = z.object({
  kind: z.enum(['instance', 'cluster']),
  identifier: z.string(),
  arn: z.string(),
  endpoint: z.string(),
  port: z.number().int(),
  engine: z.string(),
  /** A Multi-AZ instance, or a cluster spread over more than one AZ: it may move AZ. */
  multiAz: z.boolean(),
  zones: z.array(z.string()),
  securityGroupIds: z.array(z.string()),
  /** What its endpoint resolves to now; absent when it could not be resolved from here. */
  addresses: z.array(z.string()).optional(),
});

/** An inbound rule of one of the database's security groups that covers its port. */
export const IngressRuleSnapshotSchema = z.object({
  groupId: z.string(),
  protocol: z.string(),
  fromPort: z.number().int(),
  toPort: z.number().int(),
  /** A CIDR (`10.0.1.0/24`, `::/0`) or a security group id. */
  source: z.string(),
});

export const TriggerSnapshotSchema = z.object({
  ruleName: z.string(),
  enabled: z.boolean(),
  kind: z.enum(['rdsEvent', 'schedule', 'otherEvent']),
  /** Schedule period in seconds (`rate(...)`; a cron counts as its shortest step, 60 s). */
  periodSeconds: z.number().int().optional(),
  /** RDS event categories the pattern asks for; absent means all. */
  eventCategories: z.array(z.string()).optional(),
});

export const UPDATER_EGRESS = ['notNeeded', 'nat', 'endpoints', 'none'] as const;

export const UpdaterSnapshotSchema = z.object({
  functionName: z.string(),
  functionArn: z.string(),
  runtime: z.string().optional(),
  inVpc: z.boolean(),
  subnetIds: z.array(z.string()),
  securityGroupIds: z.array(z.string()),
  /** How an in-VPC updater reaches the Elastic Load Balancing API. */
  egress: z.enum(UPDATER_EGRESS),
  triggers: z.array(TriggerSnapshotSchema),
});

export const StackSnapshotSchema = z.object({
  name: z.string(),
  status: z.string(),
  /** shared/stack/templateVersion.ts; absent for a stack not made from this app's template. */
  templateVersion: z.number().int().optional(),
  /** The app's `smooz:connection-id` tag, when this app made it. */
  connectionId: z.string().optional(),
});

export const SmoozSideSchema = z.object({
  connectionId: z.string(),
  name: z.string(),
  status: z.enum(asEnum(connectionStatusValues)),
});

/** SMOOZ's connectivity test, run during the scan: is it working right now? */
export const ConnectivitySnapshotSchema = z.discriminatedUnion('ran', [
  z.object({
    ran: z.literal(true),
    outcome: z.enum(['succeeded', 'failed']),
    checked: z.enum(asEnum(connectivityTestResultCheckedValues)).optional(),
    brokenLink: z.enum(asEnum(connectivityTestResultBrokenLinkValues)).optional(),
    checkedAt: z.string(),
  }),
  /** No SMOOZ connection uses the service, it is not `available`, or the test could not run. */
  z.object({ ran: z.literal(false), error: AppErrorSchema.optional() }),
]);

export const FoundSetupSchema = z.object({
  /** The endpoint service id: one setup per endpoint service. */
  key: z.string(),
  profile: z.string(),
  region: z.string(),
  accountId: z.string(),
  origin: z.enum(SETUP_ORIGINS),
  stack: StackSnapshotSchema.optional(),
  endpointService: EndpointServiceSnapshotSchema,
  loadBalancer: LoadBalancerSnapshotSchema.optional(),
  targetGroups: z.array(TargetGroupSnapshotSchema),
  database: DatabaseSnapshotSchema.optional(),
  databaseIngress: z.array(IngressRuleSnapshotSchema),
  updater: UpdaterSnapshotSchema.optional(),
  smooz: SmoozSideSchema.optional(),
  connectivity: ConnectivitySnapshotSchema,
  scannedAt: z.string(),
});
export type FoundSetup = z.infer<typeof FoundSetupSchema>;
export type TriggerSnapshot = z.infer<typeof TriggerSnapshotSchema>;
export type IngressRuleSnapshot = z.infer<typeof IngressRuleSnapshotSchema>;
export type ConnectivitySnapshot = z.infer<typeof ConnectivitySnapshotSchema>;
