import { z } from 'zod';
import { SavedFileSchema } from './checklist';

/** Support mode: the redacted diagnostic report support attaches to a ticket. */
export const supportChannels = {
  'support:exportReport': { request: z.undefined(), response: SavedFileSchema },
} as const;
