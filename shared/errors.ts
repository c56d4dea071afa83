import { z } from 'zod';

/**
 * Errors cross the IPC boundary as a code plus parameters, never as prose: the renderer turns the
 * code into a sentence in the user's language (catalogue key `errors.<code>`).
 */
export const AppErrorSchema = z.object({
  code: z.string().min(1),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export type AppErrorData = z.infer<typeof AppErrorSchema>;

export class AppError extends Error {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number | boolean>>;

  constructor(
    code: string,
    params: Record<string, string | number | boolean> = {},
    cause?: unknown,
  ) {
    super(code, cause === undefined ? undefined : { cause });
    this.name = 'AppError';
    this.code = code;
    this.params = params;
  }

  toData(): AppErrorData {
    return Object.keys(this.params).length > 0
      ? { code: this.code, params: { ...this.params } }
      : { code: this.code };
  }
}

/** A test for one error code: what a retry waits out, or what counts as "already gone". */
export const hasErrorCode =
  (code: string) =>
  (error: unknown): boolean =>
    error instanceof AppError && error.code === code;

export const ErrorCodes = {
  invalidRequest: 'ipc.invalidRequest',
  invalidResponse: 'ipc.invalidResponse',
  forbiddenSender: 'ipc.forbiddenSender',
  unknownChannel: 'ipc.unknownChannel',
  internal: 'internal',
  urlNotAllowed: 'shell.urlNotAllowed',
} as const;
