import { z } from 'zod';
import { RESOURCE_NAME_PREFIX_PATTERN } from '../naming/connectionNames';
import { DatabaseKindSchema } from './database';
import { DbAuthMethodSchema } from './plan';

/**
 * What the setup engine is asked to create, whoever asks: the setup screens (`setup:create`, with
 * the profile and region) or a migration making the new setup next to an adopted one.
 */
export const SetupRequestSchema = z.object({
  connectionName: z.string().min(1).max(64),
  database: z.object({ kind: DatabaseKindSchema, identifier: z.string().min(1) }),
  authMethod: DbAuthMethodSchema,
  dbUser: z.string().min(1).max(63).optional(),
  smoozAccountId: z.string().regex(/^\d{12}$/),
  /** SMOOZ settings' `resourceNamePrefix`; the app's default prefix when absent. */
  resourceNamePrefix: z.string().regex(RESOURCE_NAME_PREFIX_PATTERN).optional(),
});
