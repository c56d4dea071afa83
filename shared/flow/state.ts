import { z } from 'zod';
import type { DeepReadonly } from './readonly';
import { AppErrorSchema } from '../errors';
import { PreflightFixSchema, PreflightReportSchema } from './preflight';
import { SetupPlanSchema, StackFailureSchema, StackOutputsSchema } from './plan';
import { EndpointAcceptanceSchema } from './acceptance';
import { CreatedResourceSchema, TeardownReportSchema } from './resources';

/** Steps during which the engine is acting on AWS; each can be interrupted and resumed. */
export const ACTIVE_STEPS = [
  'applyingFix',
  'creatingSecurityGroup',
  'authorizingRules',
  'creatingStack',
  /** The stack is done: the database's group admits the NLB's own addresses (/32 each). */
  'authorizingLoadBalancer',
  /** SMOOZ reported its endpoint: accept it alone, reject any other pending request. */
  'acceptingEndpoint',
  'tearingDown',
] as const;
export const ActiveStepSchema = z.enum(ACTIVE_STEPS);
export type ActiveStep = z.infer<typeof ActiveStepSchema>;

/** Steps a cancel can later be resumed from (waiting for the user or acting on AWS). */
const ResumableStepSchema = z.enum(['preflight', 'ready', ...ACTIVE_STEPS]);

const base = {
  plan: SetupPlanSchema,
  /** The ledger: everything this connection has created and not yet removed. */
  created: z.array(CreatedResourceSchema),
  /** Filled in as teardown removes what the ledger holds. */
  teardown: TeardownReportSchema.optional(),
  /** The stack's outputs once it is complete (kept through a failure or cancel after it). */
  outputs: StackOutputsSchema.optional(),
  /** SMOOZ's endpoint connection: being accepted, or accepted (absent before SMOOZ made one). */
  acceptance: EndpointAcceptanceSchema.optional(),
};

/**
 * A wait AWS imposes during teardown: a deleted Lambda's network interfaces hold its security
 * group for 20–45 minutes. Persisted, so after a restart its figures still count from its start.
 */
export const TeardownWaitSchema = z.object({
  kind: z.literal('lambdaInterfaces'),
  groupId: z.string(),
  /** When the group was first found held (ms since the epoch, on the engine's clock). */
  since: z.number(),
});

/**
 * The setup flow of one connection, keyed on `step`. Persisted before the engine acts on it; the
 * only way to change it is `reduce` (./reducer.ts), which refuses illegal transitions.
 */
export const SetupStateSchema = z.discriminatedUnion('step', [
  /** Checks not run yet (`preflight` absent) or at least one failed. */
  z.object({ step: z.literal('preflight'), ...base, preflight: PreflightReportSchema.optional() }),
  z.object({ step: z.literal('applyingFix'), ...base, fix: PreflightFixSchema }),
  /** Every check passed or warned: waiting for the user's confirmation. */
  z.object({ step: z.literal('ready'), ...base, preflight: PreflightReportSchema }),
  z.object({ step: z.literal('creatingSecurityGroup'), ...base }),
  z.object({ step: z.literal('authorizingRules'), ...base }),
  z.object({
    step: z.literal('creatingStack'),
    ...base,
    stackId: z.string().optional(),
    progress: z.object({ done: z.number().int().min(0), total: z.number().int().min(0) }),
  }),
  z.object({
    step: z.literal('authorizingLoadBalancer'),
    ...base,
    outputs: StackOutputsSchema,
  }),
  z.object({
    step: z.literal('acceptingEndpoint'),
    ...base,
    outputs: StackOutputsSchema,
    acceptance: EndpointAcceptanceSchema,
  }),
  z.object({ step: z.literal('complete'), ...base, outputs: StackOutputsSchema }),
  /** The profile's login expired mid-step: log in again, then resume where it stopped. */
  z.object({
    step: z.literal('waitingForLogin'),
    ...base,
    resumeStep: ActiveStepSchema,
    /** Why: the AWS layer's error (`aws.ssoTokenExpired` naming the session, …) to show. */
    error: AppErrorSchema.optional(),
  }),
  z.object({
    step: z.literal('failed'),
    ...base,
    resumeStep: ActiveStepSchema,
    error: AppErrorSchema,
    stackFailure: StackFailureSchema.optional(),
  }),
  z.object({ step: z.literal('cancelled'), ...base, resumeStep: ResumableStepSchema }),
  z.object({ step: z.literal('tearingDown'), ...base, waiting: TeardownWaitSchema.optional() }),
  z.object({ step: z.literal('tornDown'), ...base, teardown: TeardownReportSchema }),
]);

export type SetupState = DeepReadonly<z.infer<typeof SetupStateSchema>>;
export type SetupStep = SetupState['step'];
export type StateAt<S extends SetupStep> = Extract<SetupState, { step: S }>;
