import { z } from 'zod';
import { AppErrorSchema, type AppErrorData } from '../errors';
import type { DeepReadonly } from '../flow/readonly';
import { illegalTransitionError } from '../machine/illegalTransition';

/**
 * Updating a connection's stack in place to the current template by a CloudFormation change set
 * (issue 15). main persists each transition before acting; every step finds what exists first
 * (the change set by its deterministic name, an update already running), so a crash resumes.
 *
 *   preparing ─alreadyCurrent→ done
 *   preparing ─reviewed→ reviewing | refused (a protected resource would be replaced or removed)
 *   reviewing ─confirmed→ applying ─completed→ tighteningRules ─rulesTightened→ done
 *   reviewing ─cancelled→ cancelled          applying ─rolledBack→ rolledBack
 *   preparing | reviewing | applying | tighteningRules ─failed→ failed ─resumed→ the step it
 *   failed in
 *
 * tighteningRules (issue 14): once the stack is updated, the database's group admits the NLB's
 * own addresses (/32 each) and this connection gives up the subnet-wide rules older releases
 * added, so an upgraded connection ends as least-privileged as a new one.
 */

/** Replacing or removing these breaks SMOOZ's endpoint: they only ever move side by side. */
export const PROTECTED_RESOURCE_TYPES = [
  'AWS::ElasticLoadBalancingV2::LoadBalancer',
  'AWS::EC2::VPCEndpointService',
] as const;

export const UpgradeChangeSchema = z.object({
  logicalResourceId: z.string(),
  resourceType: z.string(),
  action: z.enum(['Add', 'Modify', 'Remove', 'Import', 'Dynamic']),
  /** CloudFormation's answer for a Modify: a new physical resource (True), maybe (Conditional). */
  replacement: z.enum(['True', 'False', 'Conditional']).optional(),
  /** The properties that change, as CloudFormation lists them. */
  properties: z.array(z.string()),
});
export type UpgradeChange = z.infer<typeof UpgradeChangeSchema>;

export const StackUpdateFailureSchema = z.object({
  stackStatus: z.string(),
  logicalResourceId: z.string(),
  resourceType: z.string(),
  reason: z.string(),
});

const base = {
  connectionId: z.string().min(1),
  connectionName: z.string(),
  profile: z.string().min(1),
  region: z.string().min(1),
  stackName: z.string().min(1),
  fromVersion: z.number().int().positive(),
  toVersion: z.number().int().positive(),
  /** Deterministic, so a resumed upgrade finds the change set it already asked for. */
  changeSetName: z.string().min(1),
  startedAt: z.string(),
};
/**
 * Who may connect, before and after, when the update changes it (template v3: SMOOZ's whole
 * account gives way to SMOOZ's IAM role, and the endpoint service starts requiring acceptance).
 */
export const PrincipalChangeSchema = z.object({
  /** SMOOZ's account the stack allowed (its ⑧ until v2). */
  fromAccountId: z.string(),
  /** SMOOZ's IAM role, from SMOOZ's settings API. */
  toRoleArn: z.string(),
});
export type PrincipalChange = z.infer<typeof PrincipalChangeSchema>;

/**
 * What the database's security group admits, before and after, when this connection still holds
 * subnet-wide rules (template v2 and older): the NLB's own addresses replace them.
 */
export const RuleChangeSchema = z.object({
  /** The subnets' address ranges this connection's rules admit now. */
  fromCidrs: z.array(z.string()),
  /** The NLB's private addresses, /32 each. */
  toCidrs: z.array(z.string()),
});
export type RuleChange = DeepReadonly<z.infer<typeof RuleChangeSchema>>;

const reviewed = {
  ...base,
  changeSetId: z.string().min(1),
  changes: z.array(UpgradeChangeSchema),
  principalChange: PrincipalChangeSchema.optional(),
  ruleChange: RuleChangeSchema.optional(),
};
const UpgradeStep = z.enum(['preparing', 'reviewing', 'applying', 'tighteningRules']);

export const UpgradeStateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('preparing'), ...base }),
  z.object({ step: z.literal('reviewing'), ...reviewed }),
  z.object({
    step: z.literal('applying'),
    ...reviewed,
    progress: z.object({ done: z.number().int(), total: z.number().int() }),
  }),
  z.object({
    step: z.literal('tighteningRules'),
    ...base,
    changes: z.array(UpgradeChangeSchema),
    principalChange: PrincipalChangeSchema.optional(),
    ruleChange: RuleChangeSchema.optional(),
  }),
  z.object({
    step: z.literal('done'),
    ...base,
    changes: z.array(UpgradeChangeSchema),
    principalChange: PrincipalChangeSchema.optional(),
    ruleChange: RuleChangeSchema.optional(),
    /** The change set had nothing to change: the stack already matched the template. */
    alreadyCurrent: z.boolean(),
  }),
  z.object({ step: z.literal('refused'), ...reviewed, blocking: z.array(UpgradeChangeSchema) }),
  z.object({ step: z.literal('cancelled'), ...reviewed }),
  z.object({ step: z.literal('rolledBack'), ...reviewed, failure: StackUpdateFailureSchema }),
  z.object({
    step: z.literal('failed'),
    ...base,
    changeSetId: z.string().optional(),
    changes: z.array(UpgradeChangeSchema).optional(),
    principalChange: PrincipalChangeSchema.optional(),
    ruleChange: RuleChangeSchema.optional(),
    failedIn: UpgradeStep,
    error: AppErrorSchema,
  }),
]);
export type UpgradeState = DeepReadonly<z.infer<typeof UpgradeStateSchema>>;
export type UpgradeStepName = UpgradeState['step'];
export type UpgradeTarget = Omit<z.infer<z.ZodObject<typeof base>>, 'changeSetName'>;

export type UpgradeEvent =
  | { readonly type: 'alreadyCurrent' }
  | {
      readonly type: 'reviewed';
      readonly changeSetId: string;
      readonly changes: readonly UpgradeChange[];
      readonly principalChange?: PrincipalChange | undefined;
      readonly ruleChange?: RuleChange | undefined;
    }
  | { readonly type: 'confirmed' }
  | { readonly type: 'cancelled' }
  | { readonly type: 'progressed'; readonly done: number; readonly total: number }
  | { readonly type: 'completed' }
  /** The NLB's /32s admitted and recorded, this connection's subnet-wide rules given up. */
  | { readonly type: 'rulesTightened' }
  | { readonly type: 'rolledBack'; readonly failure: z.infer<typeof StackUpdateFailureSchema> }
  | { readonly type: 'failed'; readonly error: AppErrorData }
  | { readonly type: 'resumed' };

export const ILLEGAL_UPGRADE_TRANSITION = 'lifecycle.illegalUpgradeTransition';
export const IllegalUpgradeTransitionError = illegalTransitionError<
  UpgradeStepName,
  UpgradeEvent['type']
>(ILLEGAL_UPGRADE_TRANSITION, 'step');

/** Steps after which nothing more happens to this upgrade (a new one may start). */
export const isUpgradeSettled = (state: UpgradeState): boolean =>
  ['done', 'refused', 'cancelled', 'rolledBack'].includes(state.step);

/** CloudFormation change-set names: a letter, then letters, digits and hyphens. */
export const upgradeChangeSetName = (from: number, to: number): string =>
  `smooz-upgrade-v${from}-to-v${to}`;

export function startUpgrade(target: UpgradeTarget): UpgradeState {
  return {
    step: 'preparing',
    ...target,
    changeSetName: upgradeChangeSetName(target.fromVersion, target.toVersion),
  };
}

/** Changes that would replace or remove the NLB or the endpoint service. */
export function blockingChanges(changes: readonly UpgradeChange[]): UpgradeChange[] {
  return changes.filter(
    (c) =>
      (PROTECTED_RESOURCE_TYPES as readonly string[]).includes(c.resourceType) &&
      (c.action === 'Remove' ||
        (c.action === 'Modify' && (c.replacement === 'True' || c.replacement === 'Conditional'))),
  );
}

const copyChanges = (changes: readonly UpgradeChange[]): UpgradeChange[] =>
  changes.map((c) => ({ ...c, properties: [...c.properties] }));

/** The upgrade's only transition function: pure; throws for every illegal (step, event) pair. */
export function reduceUpgrade(state: UpgradeState, event: UpgradeEvent): UpgradeState {
  const illegal = () => new IllegalUpgradeTransitionError(state.step, event.type);
  switch (event.type) {
    case 'alreadyCurrent':
      if (state.step !== 'preparing') throw illegal();
      return { ...state, step: 'done', changes: [], alreadyCurrent: true };
    case 'reviewed': {
      if (state.step !== 'preparing') throw illegal();
      const changes = copyChanges(event.changes);
      const blocking = blockingChanges(changes);
      const next = {
        ...state,
        changeSetId: event.changeSetId,
        changes,
        ...(event.principalChange ? { principalChange: { ...event.principalChange } } : {}),
        ...(event.ruleChange
          ? {
              ruleChange: {
                fromCidrs: [...event.ruleChange.fromCidrs],
                toCidrs: [...event.ruleChange.toCidrs],
              },
            }
          : {}),
      };
      return blocking.length > 0
        ? { ...next, step: 'refused', blocking }
        : { ...next, step: 'reviewing' };
    }
    case 'confirmed':
      if (state.step !== 'reviewing') throw illegal();
      return { ...state, step: 'applying', progress: { done: 0, total: state.changes.length } };
    case 'cancelled':
      if (state.step !== 'reviewing') throw illegal();
      return { ...state, step: 'cancelled' };
    case 'progressed':
      if (state.step !== 'applying') throw illegal();
      return { ...state, progress: { done: event.done, total: event.total } };
    case 'completed': {
      if (state.step !== 'applying') throw illegal();
      const { progress: _progress, changeSetId: _id, ...rest } = state;
      return { ...rest, step: 'tighteningRules' };
    }
    case 'rulesTightened':
      if (state.step !== 'tighteningRules') throw illegal();
      return { ...state, step: 'done', alreadyCurrent: false };
    case 'rolledBack': {
      if (state.step !== 'applying') throw illegal();
      const { progress: _progress, ...rest } = state;
      return { ...rest, step: 'rolledBack', failure: { ...event.failure } };
    }
    case 'failed': {
      if (
        state.step !== 'preparing' &&
        state.step !== 'reviewing' &&
        state.step !== 'applying' &&
        state.step !== 'tighteningRules'
      ) {
        throw illegal();
      }
      const { step, ...rest } = state;
      const kept = 'progress' in rest ? (({ progress: _p, ...r }) => r)(rest) : rest;
      return { ...kept, step: 'failed', failedIn: step, error: event.error } as UpgradeState;
    }
    case 'resumed': {
      if (state.step !== 'failed') throw illegal();
      const { error: _error, failedIn, ...rest } = state;
      if (failedIn === 'preparing') {
        const {
          changeSetId: _id,
          changes: _c,
          principalChange: _p,
          ruleChange: _r,
          ...target
        } = rest;
        return { ...target, step: 'preparing' };
      }
      if (failedIn === 'tighteningRules') {
        if (!rest.changes) throw illegal();
        const { changeSetId: _id, ...updated } = rest;
        return { ...updated, changes: rest.changes, step: 'tighteningRules' };
      }
      if (!rest.changeSetId || !rest.changes) throw illegal();
      const resumed = { ...rest, changeSetId: rest.changeSetId, changes: rest.changes };
      return failedIn === 'reviewing'
        ? { ...resumed, step: 'reviewing' }
        : { ...resumed, step: 'applying', progress: { done: 0, total: rest.changes.length } };
    }
  }
}
