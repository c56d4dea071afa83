import { deriveConnectionNames } from '../naming/connectionNames';
import type { ChecklistValues } from './values';

/**
 * ①'s default in the offline checklist: the same derivation the automated flow uses for a
 * connection (shared/naming), with the checklist's own id standing in for the connection id and
 * no SMOOZ prefix (offline, SMOOZ is not asked).
 */
export const checklistLambdaDefault = (namingId: string, values: ChecklistValues): string =>
  deriveConnectionNames({ connectionId: namingId, connectionName: values.connectionName ?? '' })
    .lambdaFunctionName;

/**
 * The values after a change: ① follows a new connection name while it still holds the default
 * derived from the old one (a name the user typed is never replaced).
 */
export function withLambdaDefault(
  namingId: string,
  before: ChecklistValues,
  after: ChecklistValues,
): ChecklistValues {
  const untouched =
    before.lambdaFunctionName === undefined ||
    before.lambdaFunctionName === checklistLambdaDefault(namingId, before);
  return untouched && after.lambdaFunctionName === before.lambdaFunctionName
    ? { ...after, lambdaFunctionName: checklistLambdaDefault(namingId, after) }
    : after;
}
