import {
  ExecuteChangeSetCommand,
  type Parameter,
  type Stack,
} from '@aws-sdk/client-cloudformation';
import { AppError, type AppErrorData } from '../../shared/errors';
import type { SetupPlan } from '../../shared/flow/plan';
import {
  isUpgradeSettled,
  reduceUpgrade,
  startUpgrade,
  type PrincipalChange,
  type RuleChange,
  type UpgradeEvent,
  type UpgradeState,
} from '../../shared/lifecycle/upgrade';
import {
  SMOOZ_TEMPLATE_VERSION,
  templateVersionFromOutputs,
} from '../../shared/stack/templateVersion';
import { mapAwsError } from '../aws/awsErrors';
import type { EngineClients } from '../engine/engineClients';
import { loadBalancerAddresses } from '../engine/loadBalancerAddresses';
import {
  authorizeLoadBalancer,
  findSubnetRules,
  retireSubnetRules,
} from '../engine/loadBalancerRules';
import { plannedLoadBalancerRules, type RuleResource } from '../engine/securityGroups';
import { describeStack, readOutputs, StackFailedError, watchStack } from '../engine/stack';
import { LISTING_RETRY } from '../engine/timing';
import {
  deleteChangeSet,
  ensureChangeSet,
  executionStatus,
  type UpgradeTiming,
} from './changeSets';
import { LifecycleErrorCodes as Codes } from './lifecycleErrors';
import type { ConnectionLedger } from './connectionLedger';
import type { UpgradeRepository } from './upgradeRepository';

/** ⑧ until template v2: SMOOZ's account, whose root the endpoint service allowed. */
const LEGACY_ACCOUNT_PARAMETER = 'SmoozAccountId';

/** Which template a connection's stack runs, and its upgrade if one was asked for. */
export interface UpgradeCheck {
  readonly connectionId: string;
  readonly stackVersion: number;
  readonly currentVersion: number;
  readonly upgrade?: UpgradeState;
}

export interface Upgrader {
  /** Reads the stack's `SmoozTemplateVersion` output (none: version 1). */
  check(connectionId: string): Promise<UpgradeCheck>;
  /**
   * Builds (or finds) the change set and lists what it changes; refuses it when it would replace
   * the NLB or the endpoint service. Resumes an upgrade that stopped.
   */
  preview(connectionId: string): Promise<UpgradeState>;
  /** Executes the reviewed change set and follows the update to its end. */
  apply(connectionId: string): Promise<UpgradeState>;
  /** Drops a reviewed change set unapplied. */
  cancel(connectionId: string): Promise<UpgradeState>;
  get(connectionId: string): UpgradeState | undefined;
  /** Goes on with every upgrade a restart interrupted while preparing, applying or tightening. */
  resumeInterrupted(): Promise<void>;
  subscribe(listener: (state: UpgradeState) => void): () => void;
}

export interface UpgraderDeps {
  /** A connection this app made and finished, with its plan; undefined otherwise. */
  readonly connection: (connectionId: string) => SetupPlan | undefined;
  readonly clientsFor: (profile: string, region: string) => Promise<EngineClients>;
  readonly loadTemplate: () => Promise<string>;
  readonly records: UpgradeRepository;
  /** The connection's ledger: the NLB's /32s go in, the subnet-wide rules out. */
  readonly ledger: ConnectionLedger;
  readonly timing: UpgradeTiming;
  /**
   * SMOOZ's IAM role from SMOOZ's settings API: the template's ⑧ for a connection planned for
   * template v2 or older, whose plan allowed SMOOZ's account root and holds no role.
   */
  readonly smoozRoleArn: () => Promise<string>;
  readonly now?: () => Date;
}

const errorData = (error: unknown, profile: string): AppErrorData =>
  error instanceof StackFailedError ? error.toData() : mapAwsError(error, { profile }).toData();

/** A stack whose ⑧ was SMOOZ's account (template v2 and older) moves to SMOOZ's role. */
function principalChange(
  previous: readonly Parameter[],
  roleArn: string,
): PrincipalChange | undefined {
  const account = previous.find((p) => p.ParameterKey === LEGACY_ACCOUNT_PARAMETER);
  return account?.ParameterValue
    ? { fromAccountId: account.ParameterValue, toRoleArn: roleArn }
    : undefined;
}

/**
 * In-place template upgrades by change set. Every transition is saved before the step it leads
 * to; every step looks first (the change set by its name, the stack's status), so an upgrade
 * interrupted anywhere goes on to the same end.
 */
export function createUpgrader(deps: UpgraderDeps): Upgrader {
  const listeners = new Set<(state: UpgradeState) => void>();
  const running = new Map<string, Promise<UpgradeState>>();
  const now = () => (deps.now?.() ?? new Date()).toISOString();

  const save = (state: UpgradeState): UpgradeState => {
    deps.records.save(state);
    listeners.forEach((l) => l(state));
    return state;
  };
  const transition = (state: UpgradeState, event: UpgradeEvent) =>
    save(reduceUpgrade(state, event));

  const planOf = (connectionId: string): SetupPlan => {
    const plan = deps.connection(connectionId);
    if (!plan) throw new AppError(Codes.notAConnection, { connectionId });
    return plan;
  };

  /** One run per connection at a time: a second caller waits for the first. */
  const once = (connectionId: string, run: () => Promise<UpgradeState>) => {
    const current = running.get(connectionId);
    if (current) return current;
    const started = run().finally(() => running.delete(connectionId));
    running.set(connectionId, started);
    return started;
  };

  async function stackVersion(plan: SetupPlan, clients: EngineClients): Promise<number> {
    const stack = await describeStack(clients, plan.stackName);
    if (!stack) throw new AppError(Codes.stackGone, { stackName: plan.stackName });
    return templateVersionFromOutputs(stack.Outputs ?? []);
  }

  /** The plan with SMOOZ's role: its own, or SMOOZ's answer now (never a guess). */
  async function withSmoozRole(plan: SetupPlan): Promise<SetupPlan & { smoozRoleArn: string }> {
    if (plan.smoozRoleArn !== undefined) return { ...plan, smoozRoleArn: plan.smoozRoleArn };
    try {
      return { ...plan, smoozRoleArn: await deps.smoozRoleArn() };
    } catch (error) {
      const cause = error instanceof AppError ? error.code : String(error);
      throw new AppError(Codes.smoozRoleUnavailable, { cause });
    }
  }

  /** The subnet ranges this connection's rules admit, and the NLB's /32s that replace them. */
  async function ruleChangeOf(
    clients: EngineClients,
    plan: SetupPlan,
    stack: Stack,
  ): Promise<RuleChange | undefined> {
    const found = await findSubnetRules(clients, plan, deps.ledger.created(plan.connectionId));
    if (found.inAws.length === 0) return undefined;
    const addresses = await loadBalancerAddresses(clients, readOutputs(stack).loadBalancerArn, {
      policy: LISTING_RETRY,
      clock: deps.timing.clock,
    });
    const cidrOf = (r: RuleResource) => (r.source.type === 'cidr' ? r.source.cidr : '');
    return {
      fromCidrs: found.inAws.map(cidrOf).sort(),
      toCidrs: plannedLoadBalancerRules(plan, addresses).map(cidrOf),
    };
  }

  async function prepare(state: UpgradeState, plan: SetupPlan): Promise<UpgradeState> {
    try {
      const clients = await deps.clientsFor(state.profile, state.region);
      const withRole = await withSmoozRole(plan);
      const stack = await describeStack(clients, state.stackName);
      const outcome = await ensureChangeSet(clients, state, {
        templateBody: await deps.loadTemplate(),
        plan: withRole,
        timing: deps.timing,
      });
      if (outcome.kind === 'noChanges') return transition(state, { type: 'alreadyCurrent' });
      if (outcome.kind === 'failed') {
        return transition(state, {
          type: 'failed',
          error: { code: Codes.changeSetFailed, params: { reason: outcome.reason } },
        });
      }
      const next = transition(state, {
        type: 'reviewed',
        changeSetId: outcome.id,
        changes: outcome.changes,
        principalChange: principalChange(stack?.Parameters ?? [], withRole.smoozRoleArn),
        ruleChange: stack ? await ruleChangeOf(clients, plan, stack) : undefined,
      });
      // A refused change set is never left where someone could execute it from the console.
      if (next.step === 'refused') await deleteChangeSet(clients, next);
      return next;
    } catch (error) {
      return transition(state, { type: 'failed', error: errorData(error, state.profile) });
    }
  }

  async function follow(state: UpgradeState, plan: SetupPlan): Promise<UpgradeState> {
    let current = state;
    try {
      const clients = await deps.clientsFor(state.profile, state.region);
      const stack = await describeStack(clients, state.stackName);
      const status = await executionStatus(clients, state);
      // Executed already (by this app before a crash): follow, never execute twice.
      if (status === 'AVAILABLE' && !stack?.StackStatus?.endsWith('_IN_PROGRESS')) {
        await clients.cfn.send(
          new ExecuteChangeSetCommand({
            StackName: state.stackName,
            ChangeSetName: state.changeSetName,
          }),
        );
      }
      const total = current.step === 'applying' ? current.progress.total : 0;
      const final = await watchStack(
        clients,
        stack?.StackId ?? state.stackName,
        total,
        {
          poll: deps.timing.poll,
          clock: deps.timing.clock,
          onEvents: (_events, done, all) => {
            if (current.step === 'applying' && done !== current.progress.done) {
              current = transition(current, { type: 'progressed', done, total: all });
            }
          },
        },
        'update',
      );
      const version = templateVersionFromOutputs(final?.Outputs ?? []);
      if (version < state.toVersion) {
        return transition(current, {
          type: 'failed',
          error: { code: Codes.upgradeNotApplied, params: { version: String(version) } },
        });
      }
      current = transition(current, { type: 'completed' });
    } catch (error) {
      if (error instanceof StackFailedError) {
        return transition(current, { type: 'rolledBack', failure: error.failure });
      }
      return transition(current, { type: 'failed', error: errorData(error, state.profile) });
    }
    return tighten(current, plan);
  }

  /**
   * The NLB's /32s first (recorded in the ledger as they are made), then this connection's share
   * of the subnet-wide rules goes; each part finds what is done already, so a crash anywhere
   * resumes to the same end. Another connection's share and hand-made rules stay.
   */
  async function tighten(state: UpgradeState, plan: SetupPlan): Promise<UpgradeState> {
    const id = state.connectionId;
    try {
      const clients = await deps.clientsFor(state.profile, state.region);
      const stack = await describeStack(clients, state.stackName);
      if (!stack) throw new AppError(Codes.stackGone, { stackName: state.stackName });
      const retry = { policy: LISTING_RETRY, clock: deps.timing.clock };
      await authorizeLoadBalancer(clients, plan, readOutputs(stack).loadBalancerArn, retry, (r) =>
        Promise.resolve(deps.ledger.record(id, r)),
      );
      await retireSubnetRules(clients, plan, deps.ledger.created(id), (r) =>
        Promise.resolve(deps.ledger.retire(id, r)),
      );
      return transition(state, { type: 'rulesTightened' });
    } catch (error) {
      return transition(state, { type: 'failed', error: errorData(error, state.profile) });
    }
  }

  /** Drives a stored upgrade from where it stands to its next stop. */
  async function proceed(state: UpgradeState, plan: SetupPlan): Promise<UpgradeState> {
    const resumed = state.step === 'failed' ? transition(state, { type: 'resumed' }) : state;
    if (resumed.step === 'preparing') return prepare(resumed, plan);
    if (resumed.step === 'applying') return follow(resumed, plan);
    if (resumed.step === 'tighteningRules') return tighten(resumed, plan);
    return resumed;
  }

  return {
    async check(connectionId) {
      const plan = planOf(connectionId);
      try {
        const clients = await deps.clientsFor(plan.profile, plan.region);
        const upgrade = deps.records.load(connectionId);
        return {
          connectionId,
          stackVersion: await stackVersion(plan, clients),
          currentVersion: SMOOZ_TEMPLATE_VERSION,
          ...(upgrade ? { upgrade } : {}),
        };
      } catch (error) {
        throw mapAwsError(error, { profile: plan.profile });
      }
    },

    preview: (connectionId) =>
      once(connectionId, async () => {
        const plan = planOf(connectionId);
        const existing = deps.records.load(connectionId);
        if (existing && !isUpgradeSettled(existing)) return proceed(existing, plan);
        let version: number;
        try {
          version = await stackVersion(plan, await deps.clientsFor(plan.profile, plan.region));
        } catch (error) {
          throw mapAwsError(error, { profile: plan.profile });
        }
        const state = save(
          startUpgrade({
            connectionId,
            connectionName: plan.connectionName,
            profile: plan.profile,
            region: plan.region,
            stackName: plan.stackName,
            fromVersion: version,
            toVersion: SMOOZ_TEMPLATE_VERSION,
            startedAt: now(),
          }),
        );
        return prepare(state, plan);
      }),

    apply: (connectionId) =>
      once(connectionId, async () => {
        const state = deps.records.load(connectionId);
        if (state?.step === 'reviewing') {
          return follow(transition(state, { type: 'confirmed' }), planOf(connectionId));
        }
        if (
          state?.step === 'applying' ||
          state?.step === 'tighteningRules' ||
          state?.step === 'failed'
        ) {
          return proceed(state, planOf(connectionId));
        }
        throw new AppError(Codes.upgradeNotReviewed, { connectionId });
      }),

    cancel: (connectionId) =>
      once(connectionId, async () => {
        const state = deps.records.load(connectionId);
        if (state?.step !== 'reviewing') {
          throw new AppError(Codes.upgradeNotReviewed, { connectionId });
        }
        try {
          await deleteChangeSet(await deps.clientsFor(state.profile, state.region), state);
        } catch (error) {
          throw mapAwsError(error, { profile: state.profile });
        }
        return transition(state, { type: 'cancelled' });
      }),

    get: (connectionId) => deps.records.load(connectionId),

    async resumeInterrupted() {
      const interrupted = deps.records
        .list()
        .filter(
          (s) => s.step === 'preparing' || s.step === 'applying' || s.step === 'tighteningRules',
        );
      await Promise.all(
        interrupted.map((state) => {
          const plan = deps.connection(state.connectionId);
          return plan ? once(state.connectionId, () => proceed(state, plan)) : undefined;
        }),
      );
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
