import { z } from 'zod';
import { AppErrorSchema } from '../errors';

/** The envelope every invoke answers with, whatever the transport (Electron IPC or the test bridge). */
export const ipcResultSchema = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: AppErrorSchema }),
  ]);

export type IpcResult<T> =
  { ok: true; value: T } | { ok: false; error: z.infer<typeof AppErrorSchema> };
