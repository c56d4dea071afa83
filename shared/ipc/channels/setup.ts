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
 *   setup:requiredPermissions → the IAM actions the flow uses, one entry per action (the same
 *                         list and count preflight's `permissions` check simulates)
 *   setup:discardPreview → what discarding an abandoned setup would remove (its ledger plus what
 *                         carries its tag in AWS); nothing is removed. A setup known only by its
 *                         tag (clash owner `abandoned` without connectionName) needs `profile` and
 *                         `region` (those of the flow whose preflight found it)
 *                         (`setup.discardTargetMissing` without them); a `complete` flow is refused
 *                         (`setup.discardNotAbandoned`: teardown is for connections)
 *   setup:discard       → removes exactly the confirmed preview in the background (persisted
 *                         machine shared/flow/discard.ts; calling again resumes a failed or
 *                         interrupted discard, and answers a finished one as it is); when done the
 *                         flow leaves `setup:list` and its names are free. A preview that no
 *                         longer covers what is found is refused (`setup.discardPreviewStale`);
 *                         a flow under discard refuses every other action
 *                         (`setup.discardInProgress`)
 *   setup:listDiscards  → every discard not yet finished, plus finished ones (home shows them)
 * Events: `setup:stateChanged` after every persisted transition; `setup:stackEvents` with new
 * CloudFormation events and resources done / total while the stack is created or deleted;
 * `setup:discardChanged` after every persisted discard transition.
 *
 * Names (issue 12): every AWS name of a connection is derived per connection by
 * shared/naming/connectionNames.ts `deriveConnectionNames({ connectionId, connectionName,
 * prefix })` (prefix = SMOOZ settings' `resourceNamePrefix`, passed to setup:create); the plan
 * holds them and shared/naming/planNames.ts `planNames(plan)` lists all of them (stack, ①, its
 * `-setup` twin, both security groups, both log groups). setup:updatePlan with a new
 * `connectionName` re-derives them (`applyPlanPatch`); `lambdaFunctionName` overrides ①.
 * A failing `nameClash` check carries `clashes` (shared/flow/preflight.ts NameClashSchema): each
 * taken name with its owner (`connection` / `abandoned` / `notOurs`).
 * Several connections in one VPC: `lambdaEgress.otherConnectionEndpoints` (warn) says the updater
 * goes through interface endpoints another connection made; teardown (and discard) then leaves
 * such endpoints to the connection still using them: `teardown.handedOver` / the discard's
 * `handedOver` list `{ resource, connectionId }` next to `removed` and `alreadyGone`.
 * The state is the union in shared/flow/state.ts; render by `step`. Errors are `setup.*` codes
 * (renderer/src/locales/<lang>/setup.json `errors.*`) or the AWS layer's codes.
 */
import { z } from 'zod';
import { DatabaseRecordSchema } from '../../flow/database';
import { PlanPatchSchema, StackEventSchema } from '../../flow/plan';
import { PreflightFixKindSchema } from '../../flow/preflight';
import { DiscardPreviewSchema, DiscardStateSchema } from '../../flow/discard';
import { CreatedResourceSchema } from '../../flow/resources';
import { SetupRequestSchema } from '../../flow/setupRequest';
import { SetupStateSchema } from '../../flow/state';
import { SMOOZ_ROLE_ARN_PATTERN } from '../../flow/plan';

const NoPayload = z.undefined();
const Target = z.object({ profile: z.string().min(1), region: z.string().min(1) });
const ConnectionRef = z.object({ connectionId: z.string().min(1) });

export const CreateSetupRequestSchema = Target.extend(SetupRequestSchema.shape).extend({
  /** SMOOZ settings' `smoozRoleArn`: the one principal the endpoint service allows. */
  smoozRoleArn: z.string().regex(SMOOZ_ROLE_ARN_PATTERN),
});
export type CreateSetupRequest = z.infer<typeof CreateSetupRequestSchema>;

/** One IAM action, once, with every reason the flow needs it. */
export const RequiredPermissionSchema = z.object({
  action: z.string(),
  /** `setup:permissions.<purpose>` explains each reason, in the flow's order. */
  purposes: z.array(z.string()).min(1),
});

/**
 * Which abandoned setup: a flow on this computer by its id, or one known only by its tag in AWS,
 * looked for with the profile and region given (those of the flow whose preflight found it).
 */
export const DiscardRequestSchema = ConnectionRef.extend({
  profile: z.string().min(1).optional(),
  region: z.string().min(1).optional(),
});
export const DiscardStartSchema = DiscardRequestSchema.extend({
  /** The preview's `resources` the user confirmed; a stale list is refused (preview again). */
  resources: z.array(CreatedResourceSchema),
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
  'setup:discardPreview': { request: DiscardRequestSchema, response: DiscardPreviewSchema },
  'setup:discard': { request: DiscardStartSchema, response: DiscardStateSchema },
  'setup:listDiscards': { request: NoPayload, response: z.array(DiscardStateSchema) },
} as const;

export const setupEvents = {
  'setup:stateChanged': SetupStateSchema,
  'setup:stackEvents': StackEventsPayloadSchema,
  'setup:discardChanged': DiscardStateSchema,
} as const;
