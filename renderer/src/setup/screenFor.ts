import type { SetupState } from '../../../shared/flow/state';
import type { ChecklistValues } from '../../../shared/steps/values';
import type { StepId } from '../../../shared/steps/steps';
import type { StepRef } from '../../../shared/steps/stepRef';
import type { GuidedPhase } from './checklistModel';
import { awaitsContinue } from './preflightWarnings';
import { teardownStage } from './teardownStage';

/** Which screen of the guided flow shows now, and which manual step it stands for. */
export type ScreenName =
  | 'target'
  | 'database'
  | 'preflight'
  | 'confirm'
  | 'progress'
  | 'attention'
  | 'endpoint'
  | 'teardown';

export interface ScreenInfo {
  readonly name: ScreenName;
  /** The manual step this screen does for the user: its reference and console picture. */
  readonly step?: StepId;
  /** The manual's section, for a screen that stands for no single step (shown as 手順 3-1). */
  readonly ref?: StepRef;
  /** The wording of "what this screen does" when it differs from the screen's usual one. */
  readonly what?: 'whatExisting';
}

/** The section of the manual a stopped flow was in (teardown is not in the manual). */
function sectionOf(step: string): StepRef | undefined {
  if (step === 'ready' || step === 'creatingStack' || step === 'authorizingLoadBalancer') {
    return { section: '3-2' };
  }
  if (step === 'acceptingEndpoint') return { section: '4' };
  return step === 'tearingDown' ? undefined : { section: '3-1' };
}

export function screenFor(phase: GuidedPhase): ScreenInfo {
  if (phase.kind === 'target') return { name: 'target', ref: { section: '3-1' } };
  if (phase.kind === 'database') return { name: 'database', step: 'prep.database' };
  const { state, guided } = phase;
  if (teardownStage(state, guided) !== undefined) return { name: 'teardown' };
  switch (state.step) {
    case 'preflight':
    case 'applyingFix':
      return { name: 'preflight', step: 'prep.subnet' };
    case 'ready':
      if (awaitsContinue(phase)) return { name: 'preflight', step: 'prep.subnet' };
      // After the one-click egress fix, "nothing is created until Create" is no longer true.
      return state.created.length > 0
        ? { name: 'confirm', step: 'stack.param6', what: 'whatExisting' }
        : { name: 'confirm', step: 'stack.param6' };
    case 'creatingSecurityGroup':
      return { name: 'progress', step: 'sg.createLambdaSg' };
    case 'authorizingRules':
      return { name: 'progress', step: 'sg.addRdsRules' };
    case 'creatingStack':
      return { name: 'progress', step: 'stack.acknowledge' };
    case 'authorizingLoadBalancer':
      return { name: 'progress', step: 'sg.addRdsRules' };
    case 'acceptingEndpoint':
    case 'complete':
      return {
        name: 'endpoint',
        step:
          guided === undefined || guided.phase === 'creating'
            ? 'endpoint.form'
            : 'endpoint.available',
      };
    case 'failed':
    case 'waitingForLogin':
    case 'cancelled': {
      const ref = sectionOf(state.resumeStep);
      return ref === undefined ? { name: 'attention' } : { name: 'attention', ref };
    }
    case 'tearingDown':
    case 'tornDown':
      return { name: 'teardown' };
  }
}

/** The flow's values under the checklist's names, so the console pictures show the user's own. */
export function pictureValues(state: SetupState | undefined): ChecklistValues {
  if (state === undefined) return {};
  const { plan } = state;
  const lambdaSg = state.created.find((r) => r.kind === 'securityGroup' && r.purpose === 'lambda');
  const outputs = state.step === 'complete' ? state.outputs : undefined;
  return {
    region: plan.region,
    rdsType: plan.database.kind,
    rdsEndpoint: plan.database.endpoint,
    rdsPort: String(plan.database.port),
    vpcId: plan.database.vpcId,
    ...(plan.database.availabilityZone
      ? { rdsAvailabilityZone: plan.database.availabilityZone }
      : {}),
    ...(plan.database.securityGroupIds[0]
      ? { rdsSecurityGroupId: plan.database.securityGroupIds[0] }
      : {}),
    subnetId: plan.subnetIds[0] ?? '',
    additionalSubnetIds: plan.subnetIds.slice(1).join(','),
    ...(lambdaSg?.kind === 'securityGroup' ? { lambdaSecurityGroupId: lambdaSg.groupId } : {}),
    dbAuthMethod: plan.authMethod,
    stackName: plan.stackName,
    lambdaFunctionName: plan.lambdaFunctionName,
    ...(plan.smoozRoleArn ? { smoozRoleArn: plan.smoozRoleArn } : {}),
    connectionName: plan.connectionName,
    customerAccountId: plan.accountId,
    ...(outputs
      ? {
          availabilityZoneIds: outputs.availabilityZoneIds.join(','),
          availabilityZones: outputs.availabilityZones.join(','),
          endpointServiceName: outputs.endpointServiceName,
        }
      : {}),
  };
}
