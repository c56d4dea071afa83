export type LogLevel = 'info' | 'warn' | 'error';
export type Log = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => void;

/** One JSON object per line, so CloudWatch Logs Insights can filter on any field. */
export const jsonLog: Log = (level, msg, fields = {}) => {
  console.log(JSON.stringify({ level, msg, ...fields }));
};

export function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
