import type { ValidationMessageKey } from './messageKeys';

/** A message for the user: a catalogue key (namespace `validation`) and its interpolation values. */
export interface ValidationMessage {
  readonly key: ValidationMessageKey;
  readonly params?: Readonly<Record<string, string | number>>;
}

/**
 * What every validator returns. Validators never throw: bad input is an ordinary outcome, and the
 * normalized value (trimmed, lower-cased where AWS is case-insensitive, hyphens removed from
 * account ids) is what later steps carry forward.
 */
export type ValidationResult =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly message: ValidationMessage };

export type Validator = (raw: string) => ValidationResult;

export const valid = (value: string): ValidationResult => ({ ok: true, value });

export const invalid = (
  key: ValidationMessageKey,
  params?: Record<string, string | number>,
): ValidationResult =>
  params === undefined ? { ok: false, message: { key } } : { ok: false, message: { key, params } };

/** Inputs arrive from text fields and pasted text: tolerate surrounding whitespace and NBSPs. */
export function cleanInput(raw: unknown): string {
  return typeof raw === 'string' ? raw.replace(/[\s\u00a0\u3000]+/gu, ' ').trim() : '';
}

/** Common guard: required and bounded length, before any pattern is tried. */
export function checkPresence(value: string, maxLength: number): ValidationResult | undefined {
  if (value === '') return invalid('required');
  if (value.length > maxLength) return invalid('tooLong', { max: maxLength });
  return undefined;
}
