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
import { GuidedRecordSchema } from '../../guided/guidedRecord';

/** The record's types, for screens that read what these channels answer. */
export type { GuidedRecord, Verification } from '../../guided/guidedRecord';

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
