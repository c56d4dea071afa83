import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SetupPlan } from '../../../shared/flow/plan';
import type { CreatedResource } from '../../../shared/flow/resources';
import { draftNames, type DraftResult } from './planDraft';
import { ValidatedField, problemOf, type FieldProblem } from './ValidatedField';

export interface NameDraftState {
  readonly name: string;
  readonly setName: (name: string) => void;
  readonly setTypedLambda: (name: string) => void;
  readonly draft: DraftResult;
}

/** The connection name and ① as typed; ① follows the connection name until the user types over it. */
export function useNameDraft(plan: SetupPlan, created: readonly CreatedResource[]): NameDraftState {
  const [name, setName] = useState(plan.connectionName);
  const [typedLambda, setTypedLambda] = useState<string>();
  const draft = draftNames(plan, created, {
    connectionName: name,
    lambdaFunctionName: typedLambda,
  });
  return { name, setName, setTypedLambda, draft };
}

/**
 * The two names a user may still change (the confirmation, and the rename beside a name clash):
 * the connection name, then ①, the one AWS name that can be typed over.
 */
export function NameFields({
  idPrefix,
  names,
  nameProblem = problemOf(names.draft.nameCheck),
}: {
  idPrefix: string;
  names: NameDraftState;
  /** A screen's own check of the name (e.g. already used), in place of the format check. */
  nameProblem?: FieldProblem | undefined;
}) {
  const { t } = useTranslation('guided');
  return (
    <>
      <ValidatedField
        id={`${idPrefix}-connection-name`}
        label={t('database.connectionName')}
        value={names.name}
        onChange={names.setName}
        problem={nameProblem}
      />
      <ValidatedField
        id={`${idPrefix}-lambda-name`}
        label={t('confirm.lambdaName')}
        value={names.draft.lambdaFunctionName}
        onChange={names.setTypedLambda}
        problem={problemOf(names.draft.lambdaCheck)}
      />
    </>
  );
}
