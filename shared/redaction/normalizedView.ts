/**
 * Text as the redaction rules see it: NFKC-normalised, so full-width digits and letters, and
 * compatibility dashes, match the same patterns as their ASCII forms. Each normalised UTF-16 unit
 * remembers where its character started in the original, so a match can be masked in place and
 * the rest of the text (Japanese punctuation included) stays as written.
 */
export interface NormalizedView {
  readonly text: string;
  /** The original index a normalised index maps to; one past the end maps to the original's end. */
  originalIndex(normalizedIndex: number): number;
}

export function normalizedView(original: string): NormalizedView {
  let text = '';
  const origins: number[] = [];
  let index = 0;
  for (const char of original) {
    const normalized = char.normalize('NFKC');
    text += normalized;
    for (let unit = 0; unit < normalized.length; unit += 1) origins.push(index);
    index += char.length;
  }
  return {
    text,
    originalIndex: (i) => (i >= origins.length ? original.length : (origins[i] ?? original.length)),
  };
}
