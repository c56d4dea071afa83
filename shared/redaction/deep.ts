import { maskTail } from './mask';
import { redactText } from './patterns';

/** Keys whose values are secrets whatever they look like. */
const SECRET_KEY =
  /token|secret|password|passwd|credential|authorization|apikey|api_key|externalid|sessionkey/i;

/**
 * Redacts a JSON-like structure for export: secret-named fields are masked whole, every other
 * string is scanned; keys, numbers and booleans stay. Cycles are cut rather than followed.
 */
export function redactDeep(value: unknown, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[redactText(key)] =
      SECRET_KEY.test(key) && typeof item === 'string' ? maskTail(item) : redactDeep(item, seen);
  }
  return out;
}
