/**
 * The AWS access layer's IPC surface (main/ipc/awsHandlers.ts). Nothing here carries a secret:
 * keys, session tokens and SSO access/refresh tokens stay in main.
 *
 *   aws:listProfiles          → every profile (broken ones with `problem`), every sso-session,
 *                               login state per SSO session, AWS_PROFILE / AWS_REGION
 *   aws:callerIdentity        → STS GetCallerIdentity with a profile (account and identity in use)
 *   aws:ssoLoginStart         → starts an SSO login (authorization code + PKCE in the browser, or
 *                               device code); progress comes as `aws:ssoLoginProgress` events
 *   aws:ssoLoginCancel        → stops it; nothing is written
 *   aws:ssoOpenVerificationPage → device code flow: opens the page where the code is entered
 *   aws:ssoLoginStatus        → the cached login of one session (no network): valid until when,
 *                               renewable until when — to warn before the session ends
 *   aws:ssoListAccounts / aws:ssoListAccountRoles → what the logged-in session may use; a pick
 *                               is used without a profile through its `ssoRolePickName` (shared/aws/
 *                               sso.ts) in place of a profile name (aws:callerIdentity, the setup)
 *   aws:ssoWatchSession / aws:ssoUnwatchSession → keep a session in use renewed and announce,
 *                               as `aws:ssoSessionNotice` events, that it is about to end (with
 *                               when), has ended, or was renewed after all; after `ended` the
 *                               session is no longer watched (watch it again after a new login)
 * Errors are `aws.*` codes (renderer/src/locales/<lang>/aws.json `errors.*`).
 */
import { z } from 'zod';
import {
  AwsProfileListingSchema,
  CallerIdentitySchema,
  SsoLoginStatusSchema,
} from '../../aws/profiles';
import {
  SsoAccountSchema,
  SsoLoginFlowSchema,
  SsoLoginProgressSchema,
  SsoLoginStartedSchema,
  SsoRoleSchema,
  SsoSessionNoticeSchema,
  SsoTargetSchema,
} from '../../aws/sso';

const NoPayload = z.undefined();
const LoginRef = z.object({ loginId: z.string().min(1) });

export const awsChannels = {
  'aws:listProfiles': { request: NoPayload, response: AwsProfileListingSchema },
  'aws:callerIdentity': {
    request: z.object({ profile: z.string().min(1), region: z.string().min(1).optional() }),
    response: CallerIdentitySchema,
  },
  'aws:ssoLoginStart': {
    request: z.object({ target: SsoTargetSchema, flow: SsoLoginFlowSchema }),
    response: SsoLoginStartedSchema,
  },
  'aws:ssoLoginCancel': { request: LoginRef, response: z.object({ cancelled: z.boolean() }) },
  'aws:ssoOpenVerificationPage': { request: LoginRef, response: z.undefined() },
  'aws:ssoLoginStatus': {
    request: z.object({ target: SsoTargetSchema }),
    response: SsoLoginStatusSchema,
  },
  'aws:ssoListAccounts': {
    request: z.object({ target: SsoTargetSchema }),
    response: z.array(SsoAccountSchema),
  },
  'aws:ssoListAccountRoles': {
    request: z.object({ target: SsoTargetSchema, accountId: z.string().regex(/^\d{12}$/) }),
    response: z.array(SsoRoleSchema),
  },
  'aws:ssoWatchSession': {
    request: z.object({ target: SsoTargetSchema }),
    response: SsoLoginStatusSchema,
  },
  'aws:ssoUnwatchSession': {
    request: z.object({ target: SsoTargetSchema }),
    response: z.object({ stopped: z.boolean() }),
  },
} as const;

export const awsEvents = {
  'aws:ssoLoginProgress': SsoLoginProgressSchema,
  'aws:ssoSessionNotice': SsoSessionNoticeSchema,
} as const;
