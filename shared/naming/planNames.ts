import type { PlanPatch, SetupPlan } from '../flow/plan';
import type { CreatedResource } from '../flow/resources';
import { deriveConnectionNames, namesOfLambda, type ConnectionNames } from './connectionNames';
import { definedFields } from '../definedFields';

/** Flows planned before per-connection names called the endpoints group after the Lambda's. */
const legacyEndpointsGroupName = (lambdaGroupName: string): string =>
  lambdaGroupName.includes('-lambda-')
    ? lambdaGroupName.replace('-lambda-', '-endpoints-')
    : `${lambdaGroupName}-endpoints`;

/** Every AWS name the plan's connection uses (what the confirmation screen lists). */
export function planNames(plan: SetupPlan): ConnectionNames {
  return {
    stackName: plan.stackName,
    lambdaFunctionName: plan.lambdaFunctionName,
    ...namesOfLambda(plan.lambdaFunctionName),
    lambdaSecurityGroupName: plan.lambdaSecurityGroupName,
    endpointsSecurityGroupName:
      plan.endpointsSecurityGroupName ?? legacyEndpointsGroupName(plan.lambdaSecurityGroupName),
  };
}

/** The plan's name fields for a connection, as the planner sets them. */
export function derivedNameFields(input: {
  connectionId: string;
  connectionName: string;
  prefix?: string | undefined;
}): Pick<
  SetupPlan,
  'stackName' | 'lambdaFunctionName' | 'lambdaSecurityGroupName' | 'endpointsSecurityGroupName'
> {
  const names = deriveConnectionNames(input);
  return {
    stackName: names.stackName,
    lambdaFunctionName: names.lambdaFunctionName,
    lambdaSecurityGroupName: names.lambdaSecurityGroupName,
    endpointsSecurityGroupName: names.endpointsSecurityGroupName,
  };
}

/**
 * The plan after the user's change. A rename re-derives every name, except a typed-over ① and
 * security groups the ledger already holds (they exist under their names and are this
 * connection's).
 */
export function applyPlanPatch(
  plan: SetupPlan,
  patch: PlanPatch,
  created: readonly CreatedResource[],
): SetupPlan {
  let next: SetupPlan = { ...plan, ...definedFields(patch) };
  if (patch.connectionName !== undefined && patch.connectionName !== plan.connectionName) {
    const derived = derivedNameFields({
      connectionId: plan.connectionId,
      connectionName: patch.connectionName,
      prefix: plan.resourceNamePrefix,
    });
    const groupsExist = created.some((r) => r.kind === 'securityGroup');
    next = {
      ...next,
      stackName: derived.stackName,
      ...(plan.lambdaFunctionNameOverridden === true
        ? {}
        : { lambdaFunctionName: derived.lambdaFunctionName }),
      ...(groupsExist
        ? {}
        : {
            lambdaSecurityGroupName: derived.lambdaSecurityGroupName,
            endpointsSecurityGroupName: derived.endpointsSecurityGroupName,
          }),
    };
  }
  if (patch.lambdaFunctionName !== undefined) {
    next = {
      ...next,
      lambdaFunctionName: patch.lambdaFunctionName,
      lambdaFunctionNameOverridden: true,
    };
  }
  return next;
}
