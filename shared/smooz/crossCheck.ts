import { z } from 'zod';

const CROSS_CHECK_WARNINGS = [
  'targetsUnhealthy',
  'noTargets',
  'endpointConnectionMissing',
  'endpointConnectionNotAvailable',
] as const;

/** What the customer's side says next to SMOOZ's status (main/smooz/customerCrossCheck.ts). */
export const CrossCheckSchema = z.object({
  checkedAt: z.iso.datetime(),
  /** DescribeVpcEndpointConnections on the customer's endpoint service. */
  endpointConnection: z.object({
    /** AWS's state in lower case, `notFound`, or `couldNotCheck`. */
    state: z.string(),
    error: z.string().optional(),
  }),
  /** DescribeTargetHealth on the NLB's target group. */
  targets: z.object({
    state: z.enum(['healthy', 'unhealthy', 'noTargets', 'couldNotCheck', 'notChecked']),
    healthy: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    reasons: z.array(z.object({ code: z.string(), description: z.string().optional() })),
    error: z.string().optional(),
  }),
  warnings: z.array(z.enum(CROSS_CHECK_WARNINGS)),
});
export type CrossCheck = z.infer<typeof CrossCheckSchema>;
