/**
 * Fields whose values are secrets whatever they look like and however short they are: passwords,
 * tokens, API keys, cookies, OAuth authorization and device codes.
 */
const SECRET_WORDS =
  'token|secret|password|passwd|pwd|credentials?|authorization|api[-_]?key|externalid|sessionkey|cookie|private[-_]?key';
const CODE_WORDS = '(?:(?:auth|authorization|device|user|verification|otp|mfa)[-_]?)?code';

const SECRET_FIELD_NAME = new RegExp(`(?:${SECRET_WORDS})|^${CODE_WORDS}$`, 'i');
/** Where a secret is kept or fetched from is not the secret (`credentialsFile`, `tokenUrl`). */
const LOCATION_NAME = /(?:file|path|dir|url)$/i;

/** True when a field's name (a JSON key, or a name in `name=value` text) says it holds a secret. */
export function isSecretFieldName(name: string): boolean {
  return SECRET_FIELD_NAME.test(name) && !LOCATION_NAME.test(name);
}

/**
 * A `name=value`, `name: value` or `"name": "value"` pair in free text (a query parameter, a
 * header, a logged object); group 1 is the name, group 2 the value (after a `Bearer`/`Basic`
 * scheme word, if any), and the match ends with it. Whether the name is a secret's is decided by `isSecretFieldName`.
 */
export const FIELD_IN_TEXT =
  /(?<![A-Za-z0-9_-])["']?([A-Za-z][A-Za-z0-9_-]*)["']?[ \t]*[:=][ \t]*["']?(?:(?:Bearer|Basic)[ \t]+)?([^\s"'&,;<>)\]}]+)/g;

/**
 * An error code sits under a `code` name too (the app's `aws.accessDenied`, AWS's
 * `AccessDenied`, Node's `ECONNREFUSED`, an HTTP status): it names what went wrong, grants
 * nothing, and support needs it.
 */
const ERROR_CODE =
  /^(?:[a-z][A-Za-z]*(?:\.[A-Za-z0-9]+)+|[A-Z][a-z]+(?:[A-Z][a-z0-9]+)+|[A-Z][a-z]{6,}|E[A-Z_]{2,}|[1-5]\d\d)$/;

/** True when a value under this name may stay: an error code under a `code` name. */
export function isReadableUnder(name: string, value: string): boolean {
  return /code$/i.test(name) && ERROR_CODE.test(value);
}
