/** What stands in for hidden characters; not a character any redaction pattern matches. */
export const MASK_CHAR = '•';
export const KEPT_CHARACTERS = 4;

/**
 * Hides all but the last four characters. The number of mask characters is clamped so the
 * masked form says little about the original length; values of four characters or fewer are
 * hidden completely (keeping "the last four" would keep everything).
 */
export function maskTail(value: string): string {
  const chars = Array.from(value);
  if (chars.length <= KEPT_CHARACTERS) return MASK_CHAR.repeat(KEPT_CHARACTERS);
  const hidden = Math.min(Math.max(chars.length - KEPT_CHARACTERS, KEPT_CHARACTERS), 8);
  return MASK_CHAR.repeat(hidden) + chars.slice(-KEPT_CHARACTERS).join('');
}

/** Below this length the last four characters would be most of a secret (a short password). */
const SHORT_SECRET = 20;

/** A value known to be a secret (by the name it is stored under): short ones are hidden whole. */
export function maskSecret(value: string): string {
  return Array.from(value).length < SHORT_SECRET ? MASK_CHAR.repeat(8) : maskTail(value);
}
