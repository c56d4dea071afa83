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
] as const;
export const PreflightCheckIdSchema = z.enum(PREFLIGHT_CHECK_IDS);
export type PreflightCheckId = z.infer<typeof PreflightCheckIdSchema>;

/** Every explanation a check can give; the renderer words `setup:preflight.<id>.<variant>`. */
export const PREFLIGHT_EXPLANATIONS = {
  subnetInDatabaseAz: ['ok', 'notInVpc', 'notChosen', 'noneInVpc'],
  subnetPerFailoverAz: ['singleAz', 'ok', 'missing', 'noSubnet'],
  lambdaEgress: ['nat', 'endpoints', 'otherDevice', 'none', 'internetGatewayOnly'],
  securityGroupLimits: ['ok', 'nearLimit', 'exceeded', 'defaultsAssumed', 'noRdsGroup'],
  nameClash: ['ok', 'exists'],
  permissions: ['ok', 'denied', 'notSimulated'],
  regionSupport: ['ok', 'noZoneIds', 'noEndpointService'],
  lambdaConcurrency: ['ok', 'tooLow', 'denied', 'notChecked'],
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
