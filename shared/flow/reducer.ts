import { illegalTransitionError } from '../machine/illegalTransition';
import { applyPlanPatch } from '../naming/planNames';
import type { SetupEvent } from './events';
import { runsInVpc } from './placement';
import { preflightPassed } from './preflight';
import type { SetupPlan } from './plan';
import { resourceKey, type CreatedResource } from './resources';
import {
  ACTIVE_STEPS,
  type ActiveStep,
  type SetupState,
  type SetupStep,
  type StateAt,
} from './state';

export const ILLEGAL_TRANSITION = 'setup.illegalTransition';

/** Thrown for an event the current step does not allow; the state is left as it was. */
export const IllegalTransitionError = illegalTransitionError<SetupStep, SetupEvent['type']>(
  ILLEGAL_TRANSITION,
  'step',
);

export const isActiveStep = (step: SetupStep): step is ActiveStep =>
  (ACTIVE_STEPS as readonly string[]).includes(step);

/**
 * The stack is finished and SMOOZ's side may be connecting: complete, accepting SMOOZ's endpoint,
 * or stopped while accepting it. Only such a connection's stack can be updated in place, and only
 * its rules can be traded for others outside the setup's own steps (issue 14's v2→v3 upgrade).
 */
export const hasFinishedStack = (s: SetupState): boolean =>
  s.step === 'complete' ||
  s.step === 'acceptingEndpoint' ||
  ('resumeStep' in s && s.resumeStep === 'acceptingEndpoint');

/** A new flow starts at preflight with an empty ledger: nothing exists yet. */
export function initialState(plan: SetupPlan): SetupState {
  return { step: 'preflight', plan, created: [] };
}

type Core = Pick<SetupState, 'plan' | 'created' | 'teardown' | 'outputs' | 'acceptance'>;
/** What every step carries on: the plan, the ledger, and what is known once it is known. */
const core = (s: SetupState): Core => ({
  plan: s.plan,
  created: s.created,
  ...(s.teardown === undefined ? {} : { teardown: s.teardown }),
  ...(s.outputs === undefined ? {} : { outputs: s.outputs }),
  ...(s.acceptance === undefined ? {} : { acceptance: s.acceptance }),
});

function addResource(
  created: readonly CreatedResource[],
  resource: CreatedResource,
): readonly CreatedResource[] {
  const key = resourceKey(resource);
  return created.some((r) => resourceKey(r) === key) ? created : [...created, resource];
}

function enterActive(s: SetupState, step: ActiveStep): SetupState {
  const c = core(s);
  const { outputs, acceptance } = c;
  switch (step) {
    case 'authorizingLoadBalancer':
      if (outputs === undefined) throw new IllegalTransitionError(s.step, 'resumed');
      return { step, ...c, outputs };
    case 'acceptingEndpoint':
      if (outputs === undefined || acceptance === undefined) {
        throw new IllegalTransitionError(s.step, 'resumed');
      }
      return { step, ...c, outputs, acceptance };
    case 'creatingStack': {
      const stack = c.created.find((r) => r.kind === 'stack');
      return stack?.kind === 'stack'
        ? { step, ...c, stackId: stack.stackId, progress: { done: 0, total: 0 } }
        : { step, ...c, progress: { done: 0, total: 0 } };
    }
    case 'tearingDown':
      return { step, ...c, teardown: c.teardown ?? { removed: [], alreadyGone: [] } };
    case 'applyingFix':
      // A fix interrupted by a crash or login is re-run from preflight, which re-offers it.
      return { step: 'preflight', ...c };
    default:
      return { step, ...c };
  }
}

/**
 * The setup flow's only transition function: pure, total over legal (step, event) pairs, and
 * throwing IllegalTransitionError for every other pair. Main persists its result before acting.
 */
export function reduce(state: SetupState, event: SetupEvent): SetupState {
  const illegal = () => new IllegalTransitionError(state.step, event.type);
  const s = state;
  switch (event.type) {
    case 'planUpdated':
      if (s.step !== 'preflight' && s.step !== 'ready') throw illegal();
      if (s.created.length > 0 && event.patch.subnetIds !== undefined) {
        // The Lambda SG and endpoints already made belong to this VPC and these subnets.
        throw illegal();
      }
      return {
        step: 'preflight',
        ...core(s),
        plan: applyPlanPatch(s.plan, event.patch, s.created),
      };
    case 'preflightCompleted':
      if (s.step !== 'preflight' && s.step !== 'ready') throw illegal();
      return preflightPassed(event.report)
        ? { step: 'ready', ...core(s), preflight: event.report }
        : { step: 'preflight', ...core(s), preflight: event.report };
    case 'fixStarted':
      if (s.step !== 'preflight') throw illegal();
      if (!s.preflight?.checks.some((c) => c.fix?.kind === event.fix.kind)) throw illegal();
      return { step: 'applyingFix', ...core(s), fix: event.fix };
    case 'fixApplied':
      if (s.step !== 'applyingFix') throw illegal();
      return { step: 'preflight', ...core(s) };
    case 'confirmed':
      if (s.step !== 'ready') throw illegal();
      // Outside the VPC the updater has no security group: the rules come first.
      return { step: runsInVpc(s.plan) ? 'creatingSecurityGroup' : 'authorizingRules', ...core(s) };
    case 'resourceCreated':
      if ((!isActiveStep(s.step) || s.step === 'tearingDown') && !hasFinishedStack(s)) {
        throw illegal();
      }
      return { ...s, created: addResource(s.created, event.resource) } as SetupState;
    case 'ruleRetired': {
      // Only a rule, and only on a finished stack: the rest of the ledger goes at teardown.
      if (!hasFinishedStack(s) || event.resource.kind !== 'ingressRule') throw illegal();
      const key = resourceKey(event.resource);
      return { ...s, created: s.created.filter((r) => resourceKey(r) !== key) } as SetupState;
    }
    case 'securityGroupReady':
      if (s.step !== 'creatingSecurityGroup') throw illegal();
      if (!s.created.some((r) => r.kind === 'securityGroup' && r.purpose === 'lambda')) {
        throw illegal();
      }
      return { step: 'authorizingRules', ...core(s) };
    case 'rulesReady':
      if (s.step !== 'authorizingRules') throw illegal();
      return enterActive(s, 'creatingStack');
    case 'stackProgress':
      if (s.step !== 'creatingStack') throw illegal();
      return {
        ...s,
        stackId: event.stackId,
        progress: { done: event.done, total: event.total },
      } satisfies StateAt<'creatingStack'>;
    case 'stackCompleted':
      if (s.step !== 'creatingStack') throw illegal();
      if (!s.created.some((r) => r.kind === 'stack')) throw illegal();
      return { step: 'authorizingLoadBalancer', ...core(s), outputs: event.outputs };
    case 'loadBalancerAuthorized':
      if (s.step !== 'authorizingLoadBalancer') throw illegal();
      return { step: 'complete', ...core(s), outputs: s.outputs };
    case 'endpointReported':
      if (s.step !== 'complete') throw illegal();
      // Accepted already: SMOOZ reporting it again changes nothing.
      if (s.acceptance?.vpcEndpointId === event.vpcEndpointId && s.acceptance.acceptedAt) {
        throw illegal();
      }
      return {
        step: 'acceptingEndpoint',
        ...core(s),
        outputs: s.outputs,
        acceptance:
          s.acceptance?.vpcEndpointId === event.vpcEndpointId
            ? s.acceptance
            : { vpcEndpointId: event.vpcEndpointId, rejected: [] },
      };
    case 'endpointRejected': {
      if (s.step !== 'acceptingEndpoint') throw illegal();
      if (event.vpcEndpointId === s.acceptance.vpcEndpointId) throw illegal();
      const known = s.acceptance.rejected.some((r) => r.vpcEndpointId === event.vpcEndpointId);
      const rejected = { vpcEndpointId: event.vpcEndpointId, ownerAccountId: event.ownerAccountId };
      return known
        ? s
        : { ...s, acceptance: { ...s.acceptance, rejected: [...s.acceptance.rejected, rejected] } };
    }
    case 'endpointAccepted':
      if (s.step !== 'acceptingEndpoint') throw illegal();
      return {
        step: 'complete',
        ...core(s),
        outputs: s.outputs,
        acceptance: { ...s.acceptance, acceptedAt: event.at },
      };
    case 'loginRequired':
      if (!isActiveStep(s.step)) throw illegal();
      return event.error === undefined
        ? { step: 'waitingForLogin', ...core(s), resumeStep: s.step }
        : { step: 'waitingForLogin', ...core(s), resumeStep: s.step, error: event.error };
    case 'stepFailed':
      if (!isActiveStep(s.step)) throw illegal();
      return event.stackFailure === undefined
        ? { step: 'failed', ...core(s), resumeStep: s.step, error: event.error }
        : {
            step: 'failed',
            ...core(s),
            resumeStep: s.step,
            error: event.error,
            stackFailure: event.stackFailure,
          };
    case 'resumed':
      if (s.step === 'waitingForLogin' || s.step === 'failed') return enterActive(s, s.resumeStep);
      if (s.step === 'cancelled') {
        if (s.resumeStep === 'preflight' || s.resumeStep === 'ready') {
          return { step: 'preflight', ...core(s) };
        }
        return enterActive(s, s.resumeStep);
      }
      throw illegal();
    case 'cancelled':
      switch (s.step) {
        case 'complete':
        case 'cancelled':
        case 'tornDown':
          throw illegal();
        case 'waitingForLogin':
        case 'failed':
          return { step: 'cancelled', ...core(s), resumeStep: s.resumeStep };
        default:
          return { step: 'cancelled', ...core(s), resumeStep: s.step };
      }
    case 'teardownStarted':
      if (isActiveStep(s.step) || s.step === 'tornDown') throw illegal();
      return enterActive(s, 'tearingDown');
    case 'resourceRemoved': {
      if (s.step !== 'tearingDown' || s.teardown === undefined) throw illegal();
      const key = resourceKey(event.resource);
      const report =
        event.handedOverTo !== undefined
          ? {
              ...s.teardown,
              handedOver: [
                ...(s.teardown.handedOver ?? []),
                { resource: event.resource, connectionId: event.handedOverTo },
              ],
            }
          : event.alreadyGone
            ? { ...s.teardown, alreadyGone: [...s.teardown.alreadyGone, event.resource] }
            : { ...s.teardown, removed: [...s.teardown.removed, event.resource] };
      return {
        step: 'tearingDown',
        ...core(s),
        created: s.created.filter((r) => resourceKey(r) !== key),
        teardown: report,
      };
    }
    case 'groupHeld':
      if (s.step !== 'tearingDown') throw illegal();
      if (s.waiting?.groupId === event.groupId) return s;
      return {
        ...s,
        waiting: { kind: 'lambdaInterfaces', groupId: event.groupId, since: event.at },
      } satisfies StateAt<'tearingDown'>;
    case 'teardownCompleted':
      if (s.step !== 'tearingDown' || s.teardown === undefined) throw illegal();
      if (s.created.length > 0) throw illegal();
      return { step: 'tornDown', plan: s.plan, created: [], teardown: s.teardown };
  }
}
