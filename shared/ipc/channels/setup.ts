/**
 * The setup engine's IPC surface (implemented in main/ipc/setupHandlers.ts, engine in main/engine).
 *
 * Flow, as the screens drive it:
 *   setup:listDatabases / setup:resolveEndpoint  → pick the database (nothing is created)
 *   setup:create        → a new flow at step `preflight`, with the plan derived from the account
 *   setup:updatePlan    → change subnets / names before confirming (back to `preflight`)
 *   setup:runPreflight  → every check with pass / warn / fail, `setup:preflight.<explanation>`
 *                         text and an optional fix; all pass/warn → step `ready`
 *   setup:applyFix      → apply the fix a check offered (e.g. interface endpoints), re-run checks
 *   setup:start         → confirm (`ready` → creating…); runs in the background
 *   setup:resume        → continue after a restart, a login, a failure (stack: delete and retry)
 *                         or a cancel; re-detects what exists in AWS and creates nothing twice
 *   setup:cancel        → allowed at every step but `complete` / `tornDown`; keeps the ledger
 *   setup:teardown      → removes exactly what the ledger (and the connection's tags) holds
 *   setup:get / setup:list → the persisted flows (reopen the app at the same step)
 *   setup:requiredPermissions → the IAM actions the flow uses, for the confirmation screen
 * Events: `setup:stateChanged` after every persisted transition; `setup:stackEvents` with new
 * CloudFormation events and resources done / total while the stack is created or deleted.
 * The state is the union in shared/flow/state.ts; render by `step`. Errors are `setup.*` codes
 * (renderer/src/locales/<lang>/setup.json `errors.*`) or the AWS layer's codes.
 */
import { z } from 'zod';
import { DatabaseKindSchema, DatabaseRecordSchema } from '../../flow/database';
import { DbAuthMethodSchema, PlanPatchSchema, StackEventSchema } from '../../flow/plan';
import { PreflightFixKindSchema } from '../../flow/preflight';
import { SetupStateSchema } from '../../flow/state';

const NoPayload = z.undefined();
const Target = z.object({ profile: z.string().min(1), region: z.string().min(1) });
const ConnectionRef = z.object({ connectionId: z.string().min(1) });

export const CreateSetupRequestSchema = Target.extend({
  connectionName: z.string().min(1).max(64),
  database: z.object({ kind: DatabaseKindSchema, identifier: z.string().min(1) }),
  authMethod: DbAuthMethodSchema,
  dbUser: z.string().min(1).max(63).optional(),
  smoozAccountId: z.string().regex(/^\d{12}$/),
  lambdaFunctionName: z.string().min(1).max(64).optional(),
});
export type CreateSetupRequest = z.infer<typeof CreateSetupRequestSchema>;

export const RequiredPermissionSchema = z.object({
  action: z.string(),
  /** `setup:permissions.<purpose>` explains why the flow needs it. */
  purpose: z.string(),
});

export const StackEventsPayloadSchema = z.object({
  connectionId: z.string(),
  events: z.array(StackEventSchema),
  done: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type StackEventsPayload = z.infer<typeof StackEventsPayloadSchema>;

export const setupChannels = {
  'setup:listDatabases': {
    request: Target,
    response: z.object({ databases: z.array(DatabaseRecordSchema) }),
  },
  'setup:resolveEndpoint': {
    request: Target.extend({ endpoint: z.string().min(1).max(255) }),
    response: DatabaseRecordSchema,
  },
  'setup:create': { request: CreateSetupRequestSchema, response: SetupStateSchema },
  'setup:updatePlan': {
    request: ConnectionRef.extend({ patch: PlanPatchSchema }),
    response: SetupStateSchema,
  },
  'setup:runPreflight': { request: ConnectionRef, response: SetupStateSchema },
  'setup:applyFix': {
    request: ConnectionRef.extend({ fix: PreflightFixKindSchema }),
    response: SetupStateSchema,
  },
  'setup:start': { request: ConnectionRef, response: SetupStateSchema },
  'setup:resume': { request: ConnectionRef, response: SetupStateSchema },
  'setup:cancel': { request: ConnectionRef, response: SetupStateSchema },
  'setup:teardown': { request: ConnectionRef, response: SetupStateSchema },
  'setup:get': { request: ConnectionRef, response: SetupStateSchema },
  'setup:list': { request: NoPayload, response: z.array(SetupStateSchema) },
  'setup:requiredPermissions': {
    request: NoPayload,
    response: z.array(RequiredPermissionSchema),
  },
} as const;

export const setupEvents = {
  'setup:stateChanged': SetupStateSchema,
  'setup:stackEvents': StackEventsPayloadSchema,
} as const;
