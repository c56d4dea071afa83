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

/**
 * Characters that take no space on screen: zero-width spaces and joiners, the word joiner, the BOM,
 * and the bidirectional controls (which also reorder what is shown around them). Web consoles,
 * chat tools and PDFs slip them into copied text.
 */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\u061c]/gu;

const normalizeSpaces = (raw: unknown): string =>
  typeof raw === 'string' ? raw.replace(/[\s\u00a0\u3000]+/gu, ' ').trim() : '';

/**
 * Ids, endpoints and ARNs arrive as typed or pasted text: surrounding whitespace, NBSPs and
 * invisible characters are dropped (none of them can be part of an AWS id).
 */
export function cleanInput(raw: unknown): string {
  return normalizeSpaces(typeof raw === 'string' ? raw.replace(INVISIBLE, '') : raw);
}

/** Length as the user counts it: characters (code points), not UTF-16 units. */
export const characterCount = (value: string): number => [...value].length;

/** Common guard: required and bounded length, before any pattern is tried. */
export function checkPresence(value: string, maxLength: number): ValidationResult | undefined {
  if (value === '') return invalid('required');
  if (characterCount(value) > maxLength) return invalid('tooLong', { max: maxLength });
  return undefined;
}

/** A value from a closed, lower-case list, as typed in any case (e.g. `Cluster` in a form). */
export function choiceValidator(
  choices: readonly string[],
  refusal: ValidationMessageKey,
): Validator {
  return (raw) => {
    const value = cleanInput(raw).toLowerCase();
    if (value === '') return invalid('required');
    return choices.includes(value) ? valid(value) : invalid(refusal);
  };
}

// A joiner between two pictographs is part of one emoji (👩🏽‍💻, 🏳️‍🌈), not a hidden character.
const EMOJI_JOINER =
  /(?<=\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\ufe0f)?)\u200d(?=\p{Extended_Pictographic})/gu;

/**
 * Names are what the user reads back later (in lists, in AWS tags): an invisible character in one
 * would make two names that look the same differ, so it is refused, not silently dropped. Returns
 * the trimmed name, or the message naming the first invisible character (as `U+200B`).
 */
export function cleanName(
  raw: unknown,
  maxLength: number,
): { readonly value: string } | { readonly refused: ValidationResult } {
  // Before the spaces are tidied: JavaScript counts U+FEFF as a space.
  const text = typeof raw === 'string' ? raw : '';
  const hidden = text.replace(EMOJI_JOINER, '').match(INVISIBLE)?.[0];
  if (hidden !== undefined) {
    const codePoint = (hidden.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    return { refused: invalid('name.invisibleChars', { char: `U+${codePoint}` }) };
  }
  const value = normalizeSpaces(text);
  const missing = checkPresence(value, maxLength);
  return missing ? { refused: missing } : { value };
}
