import { z } from 'zod';
import { STEP_IDS, STEPS, type StepDefinition, type StepId } from './steps';
import {
  ChecklistValuesSchema,
  isInsideVpc,
  isValueRelevant,
  validateValue,
  VALUE_SPECS,
  type ChecklistValues,
  type ValueKey,
} from './values';
import type { ValidationMessage } from '../validation/result';

export const StepIdSchema = z.enum(STEP_IDS);

/**
 * The offline checklist's persisted progress. Values are kept as typed (a bad value is shown
 * with its message, never dropped); confirmations are keyed `<stepId>.<confirmation>`.
 */
export const ChecklistStateSchema = z.object({
  values: ChecklistValuesSchema,
  confirmations: z.record(z.string().max(80), z.boolean()),
  completed: z.array(StepIdSchema),
  currentStep: StepIdSchema,
  updatedAt: z.iso.datetime().nullable(),
  /** Stands in for a connection id when the checklist derives ①'s default (namingDefaults.ts). */
  namingId: z.string().min(1).optional(),
});
export type ChecklistState = z.infer<typeof ChecklistStateSchema>;

export const INITIAL_CHECKLIST_STATE: ChecklistState = {
  values: {},
  confirmations: {},
  completed: [],
  currentStep: STEP_IDS[0],
  updatedAt: null,
};

export const confirmationKey = (step: StepId, confirmation: string) => `${step}.${confirmation}`;

/** The inputs a step asks for with the values given so far (IAM-only fields drop out). */
export const relevantInputs = (step: StepDefinition, values: ChecklistValues): ValueKey[] =>
  step.inputs.filter((key) => isValueRelevant(key, values));

/** The earlier values a step shows, without those its placement does without. */
export const relevantUses = (step: StepDefinition, values: ChecklistValues): ValueKey[] =>
  step.uses.filter((key) => isValueRelevant(key, values));

/** What the user confirms on a step: in-VPC-only confirmations drop out outside the VPC. */
export const stepConfirmations = (step: StepDefinition, values: ChecklistValues): string[] =>
  step.confirmations.filter(
    (c) => isInsideVpc(values) || !(step.insideVpcConfirmations ?? []).includes(c),
  );

/** The steps this checklist walks: step 3-1's security group and ⑦ only inside the VPC. */
export const applicableSteps = (values: ChecklistValues): StepDefinition[] =>
  STEPS.filter((step) => !step.insideVpcOnly || isInsideVpc(values));

export type StepIssue =
  | { readonly kind: 'value'; readonly key: ValueKey; readonly message: ValidationMessage }
  | { readonly kind: 'confirmation'; readonly confirmation: string };

/**
 * Why a step cannot be checked off yet: each invalid or missing input with its message, and each
 * confirmation not ticked. Values a step only shows were checked where they were typed.
 */
export function stepIssues(step: StepDefinition, state: ChecklistState): StepIssue[] {
  const issues: StepIssue[] = [];
  for (const key of relevantInputs(step, state.values)) {
    const raw = state.values[key] ?? '';
    if (VALUE_SPECS[key].optional && raw.trim() === '') continue;
    const result = validateValue(key, state.values);
    if (!result.ok) issues.push({ kind: 'value', key, message: result.message });
  }
  for (const confirmation of stepConfirmations(step, state.values)) {
    if (!state.confirmations[confirmationKey(step.id, confirmation)]) {
      issues.push({ kind: 'confirmation', confirmation });
    }
  }
  return issues;
}

export const canComplete = (step: StepDefinition, state: ChecklistState): boolean =>
  stepIssues(step, state).length === 0;

export const isChecklistComplete = (state: ChecklistState): boolean =>
  applicableSteps(state.values).every((step) => state.completed.includes(step.id));
