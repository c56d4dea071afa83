import {
  DEFAULT_UPDATER_PLACEMENT,
  MAX_LAMBDA_FUNCTION_NAME_LENGTH,
  UPDATER_PLACEMENTS,
} from '../stack/templateParameters';
import {
  checkPresence,
  cleanInput,
  cleanName,
  invalid,
  valid,
  type ValidationResult,
} from './result';

export const CONNECTION_NAME_MAX = 64;

/** The connection name on SMOOZ's form: free text (Japanese welcome), no control characters. */
export function validateConnectionName(raw: string): ValidationResult {
  const name = cleanName(raw, CONNECTION_NAME_MAX);
  if ('refused' in name) return name.refused;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f<>]/u.test(name.value)) return invalid('connectionName.invalidChars');
  return valid(name.value);
}

/**
 * ① Lambda function name: the Lambda API's own rule (letters, digits, hyphens, underscores),
 * at most 58 characters because the stack also creates `<name>-setup`.
 */
export function validateLambdaFunctionName(raw: string): ValidationResult {
  const name = cleanName(raw, MAX_LAMBDA_FUNCTION_NAME_LENGTH);
  if ('refused' in name) return name.refused;
  return /^[A-Za-z0-9_-]+$/.test(name.value)
    ? valid(name.value)
    : invalid('lambdaFunctionName.pattern');
}

/** CloudFormation stack name: starts with a letter; letters, digits and hyphens; ≤128. */
export function validateStackName(raw: string): ValidationResult {
  const name = cleanName(raw, 128);
  if ('refused' in name) return name.refused;
  return /^[A-Za-z][A-Za-z0-9-]*$/.test(name.value)
    ? valid(name.value)
    : invalid('stackName.pattern');
}

export const DB_AUTH_METHODS = ['password', 'iam'] as const;
export type DbAuthMethod = (typeof DB_AUTH_METHODS)[number];

export function validateDbAuthMethod(raw: string): ValidationResult {
  const value = cleanInput(raw).toLowerCase();
  if (value === '') return invalid('required');
  return (DB_AUTH_METHODS as readonly string[]).includes(value)
    ? valid(value)
    : invalid('dbAuthMethod.invalid');
}

/** Where the updater runs; empty is the template's default (outsideVpc). */
export function validateUpdaterPlacement(raw: string): ValidationResult {
  const value = cleanInput(raw);
  if (value === '') return valid(DEFAULT_UPDATER_PLACEMENT);
  return (UPDATER_PLACEMENTS as readonly string[]).includes(value)
    ? valid(value)
    : invalid('updaterPlacement.invalid');
}

/** The database user SMOOZ connects as with IAM authentication (the template's pattern). */
export function validateDbUser(raw: string): ValidationResult {
  const name = cleanName(raw, 63);
  if ('refused' in name) return name.refused;
  return /^[A-Za-z0-9_.@$-]+$/.test(name.value) ? valid(name.value) : invalid('dbUser.pattern');
}

/** The `rds-db:connect` resource id: `db-…` for an instance, `cluster-…` for a cluster. */
export function validateDbResourceId(raw: string): ValidationResult {
  const value = cleanInput(raw);
  const missing = checkPresence(value, 72);
  if (missing) return missing;
  const match = /^(db|cluster)-([A-Za-z0-9]{10,64})$/i.exec(value);
  if (!match) return invalid('dbResourceId.pattern');
  // The prefix is lower-case in rds-db:connect ARNs; the id itself is kept as AWS shows it.
  return valid(`${(match[1] ?? '').toLowerCase()}-${match[2] ?? ''}`);
}

/** sts:ExternalId: 2–1224 characters of the documented set. */
export function validateExternalId(raw: string): ValidationResult {
  const value = cleanInput(raw);
  const missing = checkPresence(value, 1224);
  if (missing) return missing;
  return /^[\w+=,.@:/-]{2,}$/.test(value) ? valid(value) : invalid('externalId.pattern');
}
