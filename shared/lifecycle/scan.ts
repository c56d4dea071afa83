import { z } from 'zod';
import { AdoptionStateSchema } from './adopt';
import { FindingSchema } from './diagnosis';
import { FoundSetupSchema } from './foundSetup';

/**
 * One scan of a profile's account in one region: every SMOOZ PrivateLink setup found, each with
 * its diagnosis and whether this app already looks after it (`connection`: a setup of this app's
 * local list; `adoption`: adopted, or an adoption under way or failed).
 */
export const ScannedSetupSchema = z.object({
  setup: FoundSetupSchema,
  findings: z.array(FindingSchema),
  tracking: z.enum(['none', 'connection', 'adoption']),
  adoption: AdoptionStateSchema.optional(),
});
export type ScannedSetup = z.infer<typeof ScannedSetupSchema>;

export const LifecycleScanSchema = z.object({
  profile: z.string(),
  region: z.string(),
  accountId: z.string(),
  smoozAccountId: z.string(),
  scannedAt: z.string(),
  setups: z.array(ScannedSetupSchema),
});
export type LifecycleScan = z.infer<typeof LifecycleScanSchema>;
