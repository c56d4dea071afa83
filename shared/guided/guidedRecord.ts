import { z } from 'zod';
import { AppErrorSchema } from '../errors';
import { SmoozConnectionStatusSchema, SmoozConnectivityTestResultSchema } from '../smooz/apiShapes';
import { CrossCheckSchema } from '../smooz/crossCheck';

export const GUIDED_PHASES = [
  /** Asking SMOOZ to create the endpoint. */
  'creating',
  /** SMOOZ answered; waiting for `available`. */
  'tracking',
  'available',
  'failed',
  'rejected',
  'deleting',
  'deleted',
] as const;
const GuidedPhaseSchema = z.enum(GUIDED_PHASES);
export type GuidedPhaseName = z.infer<typeof GuidedPhaseSchema>;

/**
 * What SMOOZ says next to what the customer's side says (the endpoint service's connection and
 * the NLB's target health, from the SMOOZ tracker's cross-check); warnings need the user. Once
 * SMOOZ says `available`, SMOOZ's connectivity test (a real login through the endpoint) too, or
 * why it could not run.
 */
export const VerificationSchema = z.object({
  checkedAt: z.iso.datetime(),
  smoozStatus: SmoozConnectionStatusSchema.nullable(),
  crossCheck: CrossCheckSchema.optional(),
  connectivity: SmoozConnectivityTestResultSchema.optional(),
  connectivityError: AppErrorSchema.optional(),
});
export type Verification = z.infer<typeof VerificationSchema>;

/** Phases reached only through SMOOZ's answer, so SMOOZ's id is known in them. */
const ANSWERED: ReadonlySet<GuidedPhaseName> = new Set([
  'tracking',
  'available',
  'rejected',
  'deleting',
  'deleted',
]);

/**
 * The guided flow's SMOOZ side of one connection (state file `guidedRecords`). Only
 * `reduceGuided` (./guidedMachine.ts) changes it; main persists each result before acting.
 */
export const GuidedRecordSchema = z
  .object({
    connectionId: z.string().min(1),
    phase: GuidedPhaseSchema,
    /** SMOOZ's id, once the create call answered. */
    smoozConnectionId: z.string().optional(),
    /** The interface endpoint in SMOOZ's account, once SMOOZ made it (the cross-check looks for it). */
    vpcEndpointId: z.string().optional(),
    smoozStatus: SmoozConnectionStatusSchema.optional(),
    /** Counts create attempts: a retry after `failed` / `rejected` is a new connection on SMOOZ. */
    attempt: z.number().int().min(1),
    /** Why the phase is `failed` / `rejected`, or the last call's error while it is retried. */
    problem: AppErrorSchema.optional(),
    /** Every status SMOOZ reported, in order, for the progress list and the diagnostic report. */
    history: z.array(z.object({ status: z.string(), at: z.iso.datetime() })),
    verification: VerificationSchema.optional(),
    startedAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .refine(
    (r) =>
      r.phase === 'creating'
        ? r.smoozConnectionId === undefined
        : !ANSWERED.has(r.phase) || r.smoozConnectionId !== undefined,
    { message: "SMOOZ's id is known exactly once SMOOZ answered the create call" },
  );
export type GuidedRecord = z.infer<typeof GuidedRecordSchema>;
