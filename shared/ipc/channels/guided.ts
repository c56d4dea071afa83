/**
 * The guided flow's last stretch (implemented in main/ipc/guidedHandlers.ts, main/guided): after
 * the engine's flow is `complete`, hand the stack outputs to SMOOZ, track the endpoint to
 * `available`, verify it from the customer's side, and keep the connection in the home list.
 *
 *   guided:finish   → creates the SMOOZ connection (idempotent: a retry or a restart never makes a
 *                     second one) and tracks it in the background; pushes `guided:changed`
 *   guided:get      → the record for a flow (null before finish), e.g. after a restart
 *   guided:list     → every record, for the home list and for reopening the app at the same step
 *   guided:recheck  → SMOOZ status, endpoint connection state, target health and SMOOZ's
 *                     connectivity test (a real login), now
 *   guided:teardown → deletes the SMOOZ connection, then the engine tears down the AWS side
 * Errors are `guided.*` codes (renderer/src/locales/<lang>/guided.json `errors.*`) or the SMOOZ /
 * AWS layers' codes.
 */
import { z } from 'zod';
import { AppErrorSchema } from '../../errors';
import {
  CrossCheckSchema,
  SmoozConnectionStatusSchema,
  SmoozConnectivityTestResultSchema,
} from './smooz';

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
export const GuidedPhaseSchema = z.enum(GUIDED_PHASES);
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

export const GuidedRecordSchema = z.object({
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
});
export type GuidedRecord = z.infer<typeof GuidedRecordSchema>;

const ConnectionRef = z.object({ connectionId: z.string().min(1) });

export const guidedChannels = {
  'guided:finish': { request: ConnectionRef, response: GuidedRecordSchema },
  'guided:get': { request: ConnectionRef, response: GuidedRecordSchema.nullable() },
  'guided:list': { request: z.undefined(), response: z.array(GuidedRecordSchema) },
  'guided:recheck': { request: ConnectionRef, response: GuidedRecordSchema },
  /** Null when the flow never reached SMOOZ: only the AWS side is torn down. */
  'guided:teardown': { request: ConnectionRef, response: GuidedRecordSchema.nullable() },
} as const;

export const guidedEvents = {
  'guided:changed': GuidedRecordSchema,
} as const;
