import { z } from 'zod';
import { ConnectionSummarySchema } from '../../connections';
import { PreferencesSchema } from '../../preferences';

const NoPayload = z.undefined();

export const DiagnosticsSchema = z.object({
  appVersion: z.string(),
  versions: z.object({
    electron: z.string().nullable(),
    chromium: z.string().nullable(),
    node: z.string(),
  }),
  platform: z.string(),
  arch: z.string(),
  aws: z.object({
    configFile: z.object({ path: z.string(), exists: z.boolean() }),
    credentialsFile: z.object({ path: z.string(), exists: z.boolean() }),
    profileCount: z.number().int().nonnegative(),
  }),
  /**
   * Endpoint overrides from the environment (main/base/config.ts): those in force, and those a
   * packaged app ignored because developer mode is off. About shows both.
   */
  endpointOverrides: z.object({
    applied: z.array(z.object({ name: z.string(), value: z.string() })),
    ignored: z.array(z.string()),
  }),
});
export type Diagnostics = z.infer<typeof DiagnosticsSchema>;

export const appChannels = {
  'app:getDiagnostics': { request: NoPayload, response: DiagnosticsSchema },
  'app:getPreferences': { request: NoPayload, response: PreferencesSchema },
  'app:setPreferences': { request: PreferencesSchema.partial(), response: PreferencesSchema },
  'connections:list': { request: NoPayload, response: z.array(ConnectionSummarySchema) },
  'shell:openExternal': { request: z.object({ url: z.url() }), response: z.undefined() },
} as const;

export const appEvents = {
  'app:preferencesChanged': PreferencesSchema,
} as const;
