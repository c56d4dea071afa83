import type { z } from 'zod';
import type { AppErrorSchema } from '../errors';

/** The envelope every invoke answers with, whatever the transport (Electron IPC or the test bridge). */
export type IpcResult<T> =
  { ok: true; value: T } | { ok: false; error: z.infer<typeof AppErrorSchema> };
