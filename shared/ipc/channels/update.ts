import { z } from 'zod';
import { UpdateStatusSchema } from '../../update/updateState';

export const updateChannels = {
  'update:getStatus': { request: z.undefined(), response: UpdateStatusSchema },
  /** The user confirmed: restart now and install (refused while a setup is running). */
  'update:installNow': { request: z.undefined(), response: z.undefined() },
} as const;

export const updateEvents = {
  'update:statusChanged': UpdateStatusSchema,
} as const;
