import { createHash } from 'node:crypto';
import { ProblemError } from './problems';

interface Entry {
  readonly fingerprint: string;
  response?: { status: number; body: unknown; headers: Record<string, string> };
}

/**
 * Idempotency-Key handling after the IETF httpapi draft: the first request with a key is
 * processed and its answer kept; a retry with the same key and body gets that answer again, the
 * same key with another body is a 422, and a retry while the first still runs is a 409.
 */
export class IdempotencyCache {
  private readonly entries = new Map<string, Entry>();

  async run(
    scope: string,
    key: string,
    body: unknown,
    work: () => Promise<{ status: number; body: unknown; headers: Record<string, string> }>,
  ) {
    const id = `${scope}\u0000${key}`;
    const fingerprint = createHash('sha256').update(canonicalJson(body)).digest('hex');
    const existing = this.entries.get(id);
    if (existing) {
      if (existing.fingerprint !== fingerprint)
        throw new ProblemError(422, 'idempotency-key-reused');
      if (!existing.response) throw new ProblemError(409, 'idempotency-key-in-use');
      return existing.response;
    }
    const entry: Entry = { fingerprint };
    this.entries.set(id, entry);
    try {
      entry.response = await work();
      return entry.response;
    } catch (error) {
      // A failed attempt leaves nothing behind, so the client may retry with the same key.
      this.entries.delete(id);
      throw error;
    }
  }
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : 1,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
