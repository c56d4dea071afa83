import { maskTail } from './mask';
import { redactText } from './patterns';

/**
 * What a displayed value is. Each sensitive kind is masked whole (last four characters kept);
 * `text` is free text that is scanned for anything sensitive inside it.
 */
export const SENSITIVE_KINDS = [
  'accountId',
  'arn',
  'hostname',
  'endpointServiceName',
  'ip',
  'accessKey',
  'token',
] as const;
export type SensitiveKind = (typeof SENSITIVE_KINDS)[number];
export type DisplayKind = SensitiveKind | 'text';

export function maskValue(kind: DisplayKind, value: string): string {
  if (kind === 'text') return redactText(value);
  if (kind === 'accountId')
    return maskTail(value.normalize('NFKC').replace(/[^0-9]/g, '') || value);
  return maskTail(value);
}

/** The one formatter every screen and export goes through: masked when `redact` is on. */
export function displayValue(kind: DisplayKind, value: string, redact: boolean): string {
  return redact ? maskValue(kind, value) : value;
}
