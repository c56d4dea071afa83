import { z } from 'zod';
import type { DeepReadonly } from './readonly';

export const PREFLIGHT_CHECK_IDS = [
  'subnetInDatabaseAz',
  'subnetPerFailoverAz',
  'lambdaEgress',
  'securityGroupLimits',
  'nameClash',
  'permissions',
  'regionSupport',
  'lambdaConcurrency',
  'leftoverLogGroups',
  'mysqlHostBlocking',
  'publicDatabase',
] as const;
export const PreflightCheckIdSchema = z.enum(PREFLIGHT_CHECK_IDS);
export type PreflightCheckId = z.infer<typeof PreflightCheckIdSchema>;

/** Every explanation a check can give; the renderer words `setup:preflight.<id>.<variant>`. */
export const PREFLIGHT_EXPLANATIONS = {
  subnetInDatabaseAz: ['ok', 'notInVpc', 'notChosen', 'noneInVpc'],
  subnetPerFailoverAz: ['singleAz', 'ok', 'missing', 'noSubnet'],
  lambdaEgress: [
    'nat',
    'endpoints',
    'otherDevice',
    'none',
    'internetGatewayOnly',
    'otherConnectionEndpoints',
    /** The updater runs outside the VPC: no route needed. */
    'outsideVpc',
  ],
  securityGroupLimits: ['ok', 'nearLimit', 'exceeded', 'defaultsAssumed', 'noRdsGroup'],
  nameClash: ['ok', 'otherConnection', 'abandoned', 'notOurs'],
  permissions: ['ok', 'denied', 'notSimulated'],
  regionSupport: ['ok', 'noZoneIds', 'noEndpointService'],
  lambdaConcurrency: ['ok', 'notChecked'],
  leftoverLogGroups: ['ok', 'exists'],
  mysqlHostBlocking: ['notApplicable', 'ok', 'low', 'defaultGroup', 'pendingReboot', 'notChecked'],
  publicDatabase: ['private', 'privateInsideVpc', 'public', 'publicOutsideVpc'],
} as const satisfies Record<PreflightCheckId, readonly string[]>;
export type PreflightExplanation<I extends PreflightCheckId> =
  (typeof PREFLIGHT_EXPLANATIONS)[I][number];

export const CHECK_STATUSES = ['pass', 'warn', 'fail'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

const ParamsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

/** Monthly cost (USD, list price, 730 hours) of the two ways a Lambda in a subnet reaches AWS APIs. */
export const EgressCostSchema = z.object({
  natGatewayMonthlyUsd: z.number().nonnegative(),
  interfaceEndpointsMonthlyUsd: z.number().nonnegative(),
  /** Per GB processed, on top of the hourly figure. */
  natGatewayPerGbUsd: z.number().nonnegative(),
  interfaceEndpointPerGbUsd: z.number().nonnegative(),
});
export type EgressCost = DeepReadonly<z.infer<typeof EgressCostSchema>>;

export const PREFLIGHT_FIX_KINDS = ['createInterfaceEndpoints'] as const;
export const PreflightFixKindSchema = z.enum(PREFLIGHT_FIX_KINDS);

/** A change the engine can make for the user to turn a failing check into a passing one. */
export const PreflightFixSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('createInterfaceEndpoints'),
    /** Service names, e.g. `com.amazonaws.ap-northeast-1.elasticloadbalancing`. */
    serviceNames: z.array(z.string()).min(1),
    /** Also the free S3 gateway endpoint (only when something in the VPC must reach S3). */
    s3Gateway: z.boolean(),
    subnetIds: z.array(z.string()).min(1),
    cost: EgressCostSchema,
  }),
]);
export type PreflightFix = DeepReadonly<z.infer<typeof PreflightFixSchema>>;
export type PreflightFixKind = z.infer<typeof PreflightFixKindSchema>;

/** Log groups are named after ① and its `-setup` twin, so a free function name frees them too. */
export const CLASH_RESOURCE_KINDS = ['stack', 'lambdaFunction', 'securityGroup'] as const;
export type ClashResourceKind = (typeof CLASH_RESOURCE_KINDS)[number];

/**
 * Who owns a name the plan wants (told by the resource's `smooz:connection-id` tag and the flows
 * on this computer):
 * - `connection`: this app made it for another connection that is set up (`complete`) or being
 *   set up right now; the user picks another name.
 * - `abandoned`: this app made it for a setup that is unfinished here (`connectionName` given) or
 *   unknown here (no `connectionName`: another computer, or a reinstall); it can be discarded
 *   (`setup:discardPreview` / `setup:discard` with `connectionId`).
 * - `notOurs`: no tag; this app never touches it, the user picks another name.
 */
export const ClashOwnerSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('connection'),
    connectionId: z.string().min(1),
    connectionName: z.string(),
  }),
  z.object({
    type: z.literal('abandoned'),
    connectionId: z.string().min(1),
    connectionName: z.string().optional(),
  }),
  z.object({ type: z.literal('notOurs') }),
]);
export type ClashOwner = DeepReadonly<z.infer<typeof ClashOwnerSchema>>;

export const NameClashSchema = z.object({
  name: z.string().min(1),
  kind: z.enum(CLASH_RESOURCE_KINDS),
  owner: ClashOwnerSchema,
});
export type NameClash = DeepReadonly<z.infer<typeof NameClashSchema>>;

/**
 * One check's verdict. The renderer shows `setup:preflight.<explanation>` with `params`; a fix,
 * when offered, is applied through `setup:applyFix`.
 */
export const PreflightCheckSchema = z.object({
  id: PreflightCheckIdSchema,
  status: z.enum(CHECK_STATUSES),
  explanation: z.string().min(1),
  params: ParamsSchema,
  fix: PreflightFixSchema.optional(),
  /**
   * `nameClash` only, when it fails: each taken name and its owner. The explanation is the worst
   * owner's (`notOurs` over `abandoned` over `otherConnection`); the renderer words each entry
   * with `setup:preflight.nameClash.owner.<type>` (`owner.abandonedUnknown` when an abandoned one
   * has no connectionName) and `setup:preflight.nameClash.kind.<kind>`.
   */
  clashes: z.array(NameClashSchema).optional(),
});
export type PreflightCheck = DeepReadonly<z.infer<typeof PreflightCheckSchema>>;

export const PreflightReportSchema = z.object({
  checkedAt: z.iso.datetime(),
  checks: z.array(PreflightCheckSchema),
});
export type PreflightReport = DeepReadonly<z.infer<typeof PreflightReportSchema>>;

/** Nothing is created while any check fails; warnings are shown but do not block. */
export const preflightPassed = (report: PreflightReport): boolean =>
  report.checks.every((check) => check.status !== 'fail');
