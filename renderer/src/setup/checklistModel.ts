import type { SetupState } from '../../../shared/flow/state';
import type { SetupPlan } from '../../../shared/flow/plan';
import { runsInVpc } from '../../../shared/flow/placement';
import type { GuidedRecord } from '../../../shared/ipc/channels/guided';
import { STEPS, type StepId } from '../../../shared/steps/steps';
import { formatStepRef } from '../../../shared/steps/stepRef';
import type { DisplayKind } from '../../../shared/redaction/kinds';
import { awaitsContinue } from './preflightWarnings';
import { teardownStage } from './teardownStage';

export type ItemState = 'waiting' | 'running' | 'done' | 'attention';

/** Where the guided flow is, before and after the engine holds a flow for it. */
export type GuidedPhase =
  | { readonly kind: 'target' }
  | { readonly kind: 'database' }
  | {
      readonly kind: 'flow';
      readonly state: SetupState;
      readonly guided?: GuidedRecord;
      /** The preflight (by `checkedAt`) whose warnings the user chose to continue past. */
      readonly warningsAcceptedAt?: string;
    };

export interface ChecklistItem {
  readonly id: StepId;
  readonly ref: string;
  readonly state: ItemState;
  /** The value the automated flow derived for a stack parameter (①–⑧), when known. */
  readonly value?: { readonly text: string; readonly kind: DisplayKind };
}

/**
 * Parameters the plan derives from the account, done as soon as the engine holds a flow: every
 * stack parameter but ⑦, the group the flow itself creates (the one step only inside the VPC).
 */
const DERIVED = new Set<StepId>(
  STEPS.filter((step) => step.screen === 'stackParameters' && !step.insideVpcOnly).map(
    (step) => step.id,
  ),
);

/** The order the guided flow moves through the engine's steps; later means further along. */
const PROGRESS: Readonly<Record<string, number>> = {
  target: 0,
  database: 1,
  preflight: 2,
  applyingFix: 2,
  ready: 3,
  creatingSecurityGroup: 4,
  authorizingRules: 5,
  creatingStack: 6,
  authorizingLoadBalancer: 6.5,
  complete: 7,
  acceptingEndpoint: 9,
};

/** Which progress level each manual step is done at, and which level it runs at. */
const STEP_LEVEL: Readonly<Record<StepId, number>> = {
  'prep.database': 1,
  'prep.subnet': 2,
  'sg.createLambdaSg': 4,
  'sg.addRdsRules': 5,
  'stack.start': 1,
  'stack.param1': 2,
  'stack.param2': 2,
  'stack.param3': 2,
  'stack.param4': 2,
  'stack.param5': 2,
  'stack.param6': 2,
  'stack.param7': 4,
  'stack.param8': 2,
  'stack.additional': 2,
  'stack.acknowledge': 3,
  'stack.outputs': 6,
  'stack.nlbRules': 6.5,
  'endpoint.form': 8,
  'endpoint.accept': 9,
  'endpoint.available': 9.5,
};

/**
 * How far along a flow is, on the PROGRESS scale extended by the SMOOZ side (8 = creating,
 * 9 = tracking until the app has accepted SMOOZ's endpoint, 9.5 = tracking after, 10 = available).
 */
function levelOf(phase: GuidedPhase): { level: number; attention: boolean } {
  if (phase.kind !== 'flow') return { level: PROGRESS[phase.kind] ?? 0, attention: false };
  const { state, guided } = phase;
  // Teardown undoes the finished setup: nothing in the manual's steps needs attention.
  if (teardownStage(state, guided) !== undefined) return { level: 10, attention: false };
  if (awaitsContinue(phase)) return { level: 2, attention: false };
  switch (state.step) {
    case 'failed':
    case 'waitingForLogin':
      return { level: PROGRESS[state.resumeStep] ?? 0, attention: true };
    case 'cancelled':
      return { level: PROGRESS[state.resumeStep] ?? 0, attention: true };
    case 'preflight':
      return {
        level: 2,
        attention: state.preflight?.checks.some((c) => c.status === 'fail') ?? false,
      };
    case 'complete': {
      if (guided === undefined) return { level: 8, attention: false };
      if (guided.phase === 'available') return { level: 10, attention: false };
      if (guided.phase === 'tracking') {
        return { level: state.acceptance?.acceptedAt ? 9.5 : 9, attention: false };
      }
      if (guided.phase === 'creating') return { level: 8, attention: false };
      if (guided.smoozConnectionId === undefined) return { level: 8, attention: true };
      return { level: state.acceptance?.acceptedAt ? 9.5 : 9, attention: true };
    }
    case 'tearingDown':
    case 'tornDown':
      return { level: 10, attention: false };
    default:
      return { level: PROGRESS[state.step] ?? 0, attention: false };
  }
}

function itemState(id: StepId, phase: GuidedPhase, level: number, attention: boolean): ItemState {
  if (DERIVED.has(id)) return phase.kind === 'flow' ? 'done' : 'waiting';
  const at = STEP_LEVEL[id];
  if (level > at) return 'done';
  if (level < at) return 'waiting';
  return attention ? 'attention' : 'running';
}

/** The value each stack parameter ①–⑧ takes in this plan, as the console would show it. */
function parameterValue(id: StepId, state: SetupState): ChecklistItem['value'] {
  const plan: SetupPlan = state.plan;
  const lambdaSg = state.created.find((r) => r.kind === 'securityGroup' && r.purpose === 'lambda');
  switch (id) {
    case 'stack.param1':
      return { text: plan.lambdaFunctionName, kind: 'text' };
    case 'stack.param2':
      return { text: plan.database.kind, kind: 'text' };
    case 'stack.param3':
      return { text: plan.database.endpoint, kind: 'hostname' };
    case 'stack.param4':
      return { text: String(plan.database.port), kind: 'text' };
    case 'stack.param5':
      return { text: plan.database.vpcId, kind: 'text' };
    case 'stack.param6':
      return plan.subnetIds[0] === undefined
        ? undefined
        : { text: plan.subnetIds[0], kind: 'text' };
    case 'stack.param7':
      return lambdaSg?.kind === 'securityGroup'
        ? { text: lambdaSg.groupId, kind: 'text' }
        : undefined;
    case 'stack.param8':
      return plan.smoozRoleArn ? { text: plan.smoozRoleArn, kind: 'arn' } : undefined;
    default:
      return undefined;
  }
}

/**
 * The side checklist: every manual step (3-1, 3-2 ①–⑧, 4) with its state in this flow. A step is
 * done once the flow is past its level, running at its level, and needs attention when the flow
 * stopped (failed, login, cancelled, failing checks) at its level.
 */
export function checklistItems(phase: GuidedPhase): ChecklistItem[] {
  const { level, attention } = levelOf(phase);
  // An updater outside the VPC has no security group: step 3-1's group and ⑦ are not done at all.
  const outside = phase.kind === 'flow' && !runsInVpc(phase.state.plan);
  return STEPS.filter((step) => !(outside && step.insideVpcOnly)).map((step) => {
    const state = itemState(step.id, phase, level, attention);
    const value = phase.kind === 'flow' ? parameterValue(step.id, phase.state) : undefined;
    return {
      id: step.id,
      ref: formatStepRef(step.ref),
      state,
      ...(value === undefined ? {} : { value }),
    };
  });
}
