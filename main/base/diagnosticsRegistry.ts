import { z } from 'zod';
import { redactDeep } from '../../shared/redaction/deep';
import { redactText } from '../../shared/redaction/patterns';
import type { Logger } from './logger';
import type { DiagnosticsJournal } from './diagnosticsJournal';

/**
 * Features contribute their part of the diagnostic report (flow state, preflight results, stack
 * events, SMOOZ status history) by registering a provider under a section name; the report
 * calls each one and redacts whatever comes back. A provider that fails is reported as failed
 * rather than breaking the report.
 */
export type DiagnosticsProvider = () => unknown;

const RecentErrorSchema = z.object({
  at: z.string(),
  level: z.enum(['warn', 'error']),
  message: z.string(),
  fields: z.record(z.string(), z.unknown()),
});
export type RecentError = z.infer<typeof RecentErrorSchema>;

export interface DiagnosticsRegistry {
  register(section: string, provider: DiagnosticsProvider): void;
  sections(): ReadonlyMap<string, DiagnosticsProvider>;
  /** The last warnings and errors main logged, newest last (also those before a restart). */
  recentErrors(): readonly RecentError[];
  /** Wraps a logger so its warnings and errors are also kept for the report. */
  recordingLogger(inner: Logger): Logger;
}

/** Fields as they will read back from disk (an Error's message kept, a cycle named). */
function jsonSafe(fields: Record<string, unknown>): Record<string, unknown> {
  try {
    return JSON.parse(
      JSON.stringify(fields, (_key, value: unknown) =>
        value instanceof Error ? { name: value.name, message: value.message } : value,
      ),
    ) as Record<string, unknown>;
  } catch (error) {
    return { unserializable: String(error) };
  }
}

export function createDiagnosticsRegistry(
  journal: DiagnosticsJournal,
  keep = 50,
  now: () => Date = () => new Date(),
): DiagnosticsRegistry {
  const providers = new Map<string, DiagnosticsProvider>();
  const errors = journal.read('recentErrors', z.array(RecentErrorSchema), []);
  const record = (
    level: RecentError['level'],
    message: string,
    fields: Record<string, unknown> = {},
  ) => {
    // Kept on disk across restarts: redacted before it is stored, not only when exported.
    errors.push({
      at: now().toISOString(),
      level,
      message: redactText(message),
      fields: redactDeep(jsonSafe(fields)) as Record<string, unknown>,
    });
    if (errors.length > keep) errors.splice(0, errors.length - keep);
    try {
      journal.save('recentErrors', errors);
    } catch {
      // Logging must not fail because the state file cannot be written; the report still has
      // the errors of this run, from memory.
    }
  };
  return {
    register: (section, provider) => void providers.set(section, provider),
    sections: () => providers,
    recentErrors: () => [...errors],
    recordingLogger: (inner) => ({
      info: (message, fields) => inner.info(message, fields),
      warn: (message, fields) => {
        record('warn', message, fields);
        inner.warn(message, fields);
      },
      error: (message, fields) => {
        record('error', message, fields);
        inner.error(message, fields);
      },
    }),
  };
}
