import { z } from 'zod';

export const LANGUAGES = ['ja', 'en'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;
export const DEFAULT_LANGUAGE: Language = 'ja';

export const PreferencesSchema = z.object({
  language: LanguageSchema,
  /** Masks account ids, ARNs, endpoints and tokens for screen-sharing with support. */
  supportMode: z.boolean(),
});
export type Preferences = z.infer<typeof PreferencesSchema>;

export const DEFAULT_PREFERENCES: Preferences = { language: DEFAULT_LANGUAGE, supportMode: false };
