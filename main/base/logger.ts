/** Structured logging for main; values passed here must already be free of secrets. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export function createConsoleLogger(scope: string): Logger {
  const write =
    (level: string) =>
    (message: string, fields: Record<string, unknown> = {}): void => {
      console.log(JSON.stringify({ level, scope, message, ...fields }));
    };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
