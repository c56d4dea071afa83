import { z } from 'zod';
import { AppErrorSchema } from '../errors';

/** What the customer-side cross-check needs besides SMOOZ's answer: where to look in AWS. */
export const CustomerSideSchema = z.object({
  region: z.string().min(1),
  /** The local AWS profile the stack was created with; the default chain when absent. */
  profile: z.string().min(1).optional(),
  endpointServiceId: z
    .string()
    .regex(/^vpce-svc-[0-9a-f]+$/)
    .optional(),
  targetGroupArn: z.string().startsWith('arn:').optional(),
});
export type CustomerSide = z.infer<typeof CustomerSideSchema>;

/** A connection main is asked to watch: what `track` takes and `smooz:listTracked` shows. */
export const TrackedConnectionSchema = z.object({
  connectionId: z.string().min(1),
  /** `create` ends at available/failed/rejected, `delete` when SMOOZ no longer knows it. */
  purpose: z.enum(['create', 'delete']),
  startedAt: z.iso.datetime(),
  customerSide: CustomerSideSchema,
});
export type TrackedConnection = z.infer<typeof TrackedConnectionSchema>;

/**
 * `active` polls, `paused` waits for a working token; `finished` and `timedOut` are the ends
 * (the tracking store drops such records, so only live ones are on disk).
 */
export const TRACKING_STATES = ['active', 'finished', 'timedOut', 'paused'] as const;
const TrackingStateSchema = z.enum(TRACKING_STATES);
export type TrackingState = z.infer<typeof TrackingStateSchema>;

/**
 * The persisted tracking of one SMOOZ connection (state file `smoozTracking`). Only
 * `reduceTracking` (./trackingMachine.ts) changes it. Records written before the state was kept
 * have no `state`: they were being polled, so they read as `active`.
 */
export const TrackingRecordSchema = TrackedConnectionSchema.extend({
  state: TrackingStateSchema.default('active'),
  /** Why tracking is paused (a token SMOOZ refused, no keychain, …). */
  error: AppErrorSchema.optional(),
}).refine((record) => (record.state === 'paused') === (record.error !== undefined), {
  message: 'a paused record, and only a paused one, says why',
});
export type TrackingRecord = z.infer<typeof TrackingRecordSchema>;
