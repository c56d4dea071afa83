import { maskSecret } from './mask';
import { redactText } from './patterns';
import { isReadableUnder, isSecretFieldName } from './secretFields';

/**
 * Redacts a JSON-like structure for export: everything under a secret-named field is masked
 * whole, whatever its type or length (an error code under `code` excepted); every other string
 * is scanned; keys, numbers and booleans elsewhere stay. Cycles are cut rather than followed.
 */
export function redactDeep(value: unknown, seen = new WeakSet<object>(), secret = false): unknown {
  if (typeof value === 'string') return secret ? maskSecret(value) : redactText(value);
  if (secret && (typeof value === 'number' || typeof value === 'bigint'))
    return maskSecret(String(value));
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, seen, secret));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const readable =
      (typeof item === 'string' || typeof item === 'number') && isReadableUnder(key, String(item));
    out[redactText(key)] = readable
      ? redactDeep(item, seen)
      : redactDeep(item, seen, secret || isSecretFieldName(key));
  }
  return out;
}
