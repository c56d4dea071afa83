import { z } from 'zod';
import { AppErrorSchema } from '../errors';

/** Authorization code with PKCE (the AWS CLI's default) or the device code fallback. */
export const SsoLoginFlowSchema = z.enum(['authCode', 'deviceCode']);
export type SsoLoginFlow = z.infer<typeof SsoLoginFlowSchema>;

/** An SSO login is started for a profile, or directly for a `[sso-session x]` section. */
export const SsoTargetSchema = z.union([
  z.object({ profile: z.string().min(1) }),
  z.object({ ssoSession: z.string().min(1) }),
]);
export type SsoTarget = z.infer<typeof SsoTargetSchema>;

export const SsoLoginStartedSchema = z.object({
  loginId: z.string().min(1),
  /** Cache key: the sso-session name, or the start URL of a legacy profile. */
  sessionKey: z.string(),
  startUrl: z.string(),
});
export type SsoLoginStarted = z.infer<typeof SsoLoginStartedSchema>;

/** main → renderer while a login runs. Carries nothing secret: the user code is meant to be shown. */
export const SsoLoginProgressSchema = z.discriminatedUnion('stage', [
  z.object({ loginId: z.string(), stage: z.literal('browserOpened') }),
  z.object({
    loginId: z.string(),
    stage: z.literal('deviceCode'),
    userCode: z.string(),
    verificationUri: z.string(),
    expiresAt: z.iso.datetime(),
  }),
  z.object({ loginId: z.string(), stage: z.literal('done'), expiresAt: z.iso.datetime() }),
  z.object({ loginId: z.string(), stage: z.literal('failed'), error: AppErrorSchema }),
  z.object({ loginId: z.string(), stage: z.literal('cancelled') }),
]);
export type SsoLoginProgress = z.infer<typeof SsoLoginProgressSchema>;

export const SsoAccountSchema = z.object({
  accountId: z.string(),
  accountName: z.string().nullable(),
  emailAddress: z.string().nullable(),
});
export type SsoAccount = z.infer<typeof SsoAccountSchema>;

export const SsoRoleSchema = z.object({ accountId: z.string(), roleName: z.string() });
export type SsoRole = z.infer<typeof SsoRoleSchema>;

export const SSO_SESSION_NOTICE_STATES = ['ending', 'ended', 'renewed'] as const;

/**
 * main → renderer for a watched SSO session: `ending` when the login cannot be renewed and runs out
 * at `endsAt` (within the warning period), `ended` once it has (or the cached login is gone), and
 * `renewed` when a session that was `ending` got a fresh login after all.
 */
export const SsoSessionNoticeSchema = z.object({
  sessionKey: z.string(),
  /** The `[sso-session]` name, or the start URL of a legacy profile. */
  session: z.string(),
  state: z.enum(SSO_SESSION_NOTICE_STATES),
  endsAt: z.iso.datetime().nullable(),
});
export type SsoSessionNotice = z.infer<typeof SsoSessionNoticeSchema>;

/**
 * An account and role picked from an SSO session's listing (aws:ssoListAccounts /
 * aws:ssoListAccountRoles) for which the user has no profile. Its name stands in for a profile
 * name wherever one is taken (aws:callerIdentity, the setup flow); a real profile of the same name
 * would win.
 */
export interface SsoRolePick {
  readonly ssoSession: string;
  readonly accountId: string;
  readonly roleName: string;
}

const ROLE_PICK = /^sso-session:(.+):(\d{12}):([\w+=,.@-]+)$/;

export function ssoRolePickName(pick: SsoRolePick): string {
  return `sso-session:${pick.ssoSession}:${pick.accountId}:${pick.roleName}`;
}

export function parseSsoRolePick(name: string): SsoRolePick | null {
  const match = ROLE_PICK.exec(name);
  if (!match?.[1] || !match[2] || !match[3]) return null;
  return { ssoSession: match[1], accountId: match[2], roleName: match[3] };
}
