import type { SetupPlan } from '../../../shared/flow/plan';
import type { CreatedResource } from '../../../shared/flow/resources';
import { planNames, applyPlanPatch } from '../../../shared/naming/planNames';
import type { ConnectionNames } from '../../../shared/naming/connectionNames';
import {
  validateConnectionName,
  validateLambdaFunctionName,
} from '../../../shared/validation/names';
import type { ValidationResult } from '../../../shared/validation/result';

/** What the user typed over the plan's names; ① undefined follows the connection name. */
export interface NameDraft {
  readonly connectionName: string;
  readonly lambdaFunctionName?: string | undefined;
}

export type NamePatch = { connectionName?: string; lambdaFunctionName?: string };

export interface DraftResult {
  readonly nameCheck: ValidationResult;
  readonly lambdaCheck: ValidationResult;
  /** ① as the field shows it: typed, or re-derived from the connection name being typed. */
  readonly lambdaFunctionName: string;
  /** Only what differs from the plan. */
  readonly patch: NamePatch;
  /** Every AWS name the connection will use once the patch is applied. */
  readonly names: ConnectionNames;
}

/**
 * The plan as the typed names would make it, worked out the way main applies a patch
 * (shared/naming applyPlanPatch), so the screen shows the names before anything is sent.
 */
export function draftNames(
  plan: SetupPlan,
  created: readonly CreatedResource[],
  draft: NameDraft,
): DraftResult {
  const nameCheck = validateConnectionName(draft.connectionName);
  const renamed =
    nameCheck.ok && nameCheck.value !== plan.connectionName
      ? applyPlanPatch(plan, { connectionName: nameCheck.value }, created)
      : plan;
  const lambdaFunctionName = draft.lambdaFunctionName ?? renamed.lambdaFunctionName;
  const lambdaCheck = validateLambdaFunctionName(lambdaFunctionName);
  const patch: NamePatch = {
    ...(renamed !== plan ? { connectionName: renamed.connectionName } : {}),
    ...(lambdaCheck.ok && lambdaCheck.value !== renamed.lambdaFunctionName
      ? { lambdaFunctionName: lambdaCheck.value }
      : {}),
  };
  return {
    nameCheck,
    lambdaCheck,
    lambdaFunctionName,
    patch,
    names: planNames(applyPlanPatch(plan, patch, created)),
  };
}
