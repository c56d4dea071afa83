import { z } from 'zod';
import { AppErrorSchema } from '../errors';

/**
 * The kinds the AWS CLI and SDKs tell apart, in the order they test for them: a profile with
 * `role_arn` is an assume-role profile even if it also has keys.
 */
export const AWS_PROFILE_KINDS = [
  'sso',
  'ssoLegacy',
  'assumeRole',
  'webIdentity',
  'credentialProcess',
  'static',
  'consoleLogin',
  'none',
] as const;
export const AwsProfileKindSchema = z.enum(AWS_PROFILE_KINDS);
export type AwsProfileKind = z.infer<typeof AwsProfileKindSchema>;

export const SSO_LOGIN_STATES = ['valid', 'expired', 'missing'] as const;

/**
 * What the token cache says about an SSO session. `refreshable` means the app can renew the access
 * token without the browser, at the latest until `sessionEndsAt` (the client registration's end);
 * IAM Identity Center refuses renewal earlier once the user's session there ends, which the cache
 * does not record (the session watch finds out and warns).
 */
export const SsoLoginStatusSchema = z.object({
  state: z.enum(SSO_LOGIN_STATES),
  expiresAt: z.iso.datetime().nullable(),
  refreshable: z.boolean(),
  sessionEndsAt: z.iso.datetime().nullable(),
});
export type SsoLoginStatus = z.infer<typeof SsoLoginStatusSchema>;

export const SsoProfileSettingsSchema = z.object({
  startUrl: z.string().nullable(),
  /** `[sso-session x]` name; null for a legacy profile with `sso_start_url` in the profile. */
  sessionName: z.string().nullable(),
  ssoRegion: z.string().nullable(),
  accountId: z.string().nullable(),
  roleName: z.string().nullable(),
});
export type SsoProfileSettings = z.infer<typeof SsoProfileSettingsSchema>;

/** One profile as the app lists it. Holds no secret: static keys are never read into it. */
export const AwsProfileSchema = z.object({
  name: z.string().min(1),
  kind: AwsProfileKindSchema,
  /** Which files define it; a profile in both has its settings merged, credentials file winning. */
  files: z.array(z.enum(['config', 'credentials'])),
  region: z.string().nullable(),
  sso: SsoProfileSettingsSchema.nullable(),
  roleArn: z.string().nullable(),
  sourceProfile: z.string().nullable(),
  credentialSource: z.string().nullable(),
  /** Why the profile cannot give credentials as written; the profile is still listed. */
  problem: AppErrorSchema.nullable(),
  /** For SSO profiles (and roles whose chain starts at one): the login state of that session. */
  login: SsoLoginStatusSchema.nullable(),
});
export type AwsProfile = z.infer<typeof AwsProfileSchema>;

/** A `[sso-session x]` section: the user can log in to it and pick any account and role. */
export const SsoSessionSummarySchema = z.object({
  name: z.string(),
  startUrl: z.string().nullable(),
  ssoRegion: z.string().nullable(),
  problem: AppErrorSchema.nullable(),
  login: SsoLoginStatusSchema.nullable(),
});
export type SsoSessionSummary = z.infer<typeof SsoSessionSummarySchema>;

export const AwsProfileListingSchema = z.object({
  profiles: z.array(AwsProfileSchema),
  ssoSessions: z.array(SsoSessionSummarySchema),
  /** Config file headers the AWS SDKs skip (e.g. `[name]` without `profile `), as written. */
  ignoredSections: z.array(z.string()),
  /** Why a file gives fewer profiles than it holds (a folder, UTF-16, a section the SDK refuses). */
  fileProblems: z.array(AppErrorSchema),
  /** `AWS_PROFILE`, else `default` when it exists, else null. */
  selectedProfile: z.string().nullable(),
  /** `AWS_REGION` when set. */
  regionFromEnvironment: z.string().nullable(),
  configFile: z.string(),
  credentialsFile: z.string(),
});
export type AwsProfileListing = z.infer<typeof AwsProfileListingSchema>;

export const CallerIdentitySchema = z.object({
  account: z.string(),
  arn: z.string(),
  userId: z.string(),
  region: z.string(),
  profile: z.string(),
});
export type CallerIdentity = z.infer<typeof CallerIdentitySchema>;
