import type { Logger } from '../services/logger';

/**
 * Features contribute their part of the diagnostic report (flow state, preflight results, stack
 * events, SMOOZ status history) by registering a provider under a section name; the report
 * calls each one and redacts whatever comes back. A provider that fails is reported as failed
 * rather than breaking the report.
 */
export type DiagnosticsProvider = () => unknown;

export interface RecentError {
  readonly at: string;
  readonly level: 'warn' | 'error';
  readonly message: string;
  readonly fields: Record<string, unknown>;
}

export interface DiagnosticsRegistry {
  register(section: string, provider: DiagnosticsProvider): void;
  sections(): ReadonlyMap<string, DiagnosticsProvider>;
  /** The last warnings and errors main logged, newest last. */
  recentErrors(): readonly RecentError[];
  /** Wraps a logger so its warnings and errors are also kept for the report. */
  recordingLogger(inner: Logger): Logger;
}

export function createDiagnosticsRegistry(
  keep = 50,
  now: () => Date = () => new Date(),
): DiagnosticsRegistry {
  const providers = new Map<string, DiagnosticsProvider>();
  const errors: RecentError[] = [];
  const record = (
    level: RecentError['level'],
    message: string,
    fields: Record<string, unknown> = {},
  ) => {
    errors.push({ at: now().toISOString(), level, message, fields });
    if (errors.length > keep) errors.splice(0, errors.length - keep);
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
