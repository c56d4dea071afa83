import { z } from 'zod';

export const CONNECTION_STATUSES = ['in-progress', 'available', 'failed', 'deleting'] as const;

/** A PrivateLink connection this app has set up (or is setting up), as kept in the local list. */
export const ConnectionSummarySchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  region: z.string().min(1),
  awsAccountId: z.string().regex(/^\d{12}$/),
  endpointServiceName: z.string().optional(),
  status: z.enum(CONNECTION_STATUSES),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ConnectionSummary = z.infer<typeof ConnectionSummarySchema>;
