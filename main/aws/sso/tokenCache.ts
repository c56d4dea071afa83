import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { getSSOTokenFilepath } from '@smithy/shared-ini-file-loader';
import { z } from 'zod';
import type { SsoLoginStatus } from '../../../shared/aws/profiles';

/**
 * One file of `~/.aws/sso/cache/`, as the AWS CLI writes it after `aws sso login` (and reads it
 * back, like the SDKs do). The registration travels with the token so it can be refreshed.
 */
export const SsoCachedTokenSchema = z.object({
  startUrl: z.string(),
  region: z.string(),
  accessToken: z.string().min(1),
  expiresAt: z.string().refine((value) => !Number.isNaN(Date.parse(value))),
  clientId: z.string().optional(),
  clientSecret: z.string().optional(),
  registrationExpiresAt: z.string().optional(),
  refreshToken: z.string().optional(),
});
export type SsoCachedToken = z.infer<typeof SsoCachedTokenSchema>;

/** `~/.aws/sso/cache/<sha1 of the session name or start URL>.json`, via the SDK's own helper. */
export function ssoTokenPath(sessionKey: string): string {
  return getSSOTokenFilepath(sessionKey);
}

/** The CLI's timestamp form (botocore `%Y-%m-%dT%H:%M:%SZ`): UTC, whole seconds. */
export function cliTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** A missing, unreadable or malformed file all mean "not logged in". */
export async function readSsoToken(sessionKey: string): Promise<SsoCachedToken | null> {
  let text: string;
  try {
    text = await readFile(ssoTokenPath(sessionKey), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = SsoCachedTokenSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const FIELD_ORDER = [
  'startUrl',
  'region',
  'accessToken',
  'expiresAt',
  'clientId',
  'clientSecret',
  'registrationExpiresAt',
  'refreshToken',
] as const;

/** Python's `json.dumps` layout, field for field in the CLI's order. */
function cliJson(token: SsoCachedToken): string {
  const entries = FIELD_ORDER.filter((key) => token[key] !== undefined).map(
    (key) => `${JSON.stringify(key)}: ${JSON.stringify(token[key])}`,
  );
  return `{${entries.join(', ')}}`;
}

/**
 * Writes the whole file or nothing: a private temporary file in the same folder, flushed, then
 * renamed over the old one (what botocore's JSONFileCache does), so a reader never sees half a token.
 */
export async function writeSsoToken(sessionKey: string, token: SsoCachedToken): Promise<void> {
  const target = ssoTokenPath(sessionKey);
  await mkdir(dirname(target), { recursive: true, mode: 0o700 });
  const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(cliJson(SsoCachedTokenSchema.parse(token)), 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** The registration (and with it the refresh token) is usable until this moment. */
export function canRefresh(token: SsoCachedToken, now: Date): boolean {
  if (!token.refreshToken || !token.clientId || !token.clientSecret) return false;
  if (!token.registrationExpiresAt) return false;
  return Date.parse(token.registrationExpiresAt) > now.getTime();
}

const iso = (value: string | undefined): string | null =>
  value === undefined || Number.isNaN(Date.parse(value)) ? null : new Date(value).toISOString();

export function ssoLoginStatus(token: SsoCachedToken | null, now: Date): SsoLoginStatus {
  if (!token) return { state: 'missing', expiresAt: null, refreshable: false, sessionEndsAt: null };
  const refreshable = canRefresh(token, now);
  return {
    state: Date.parse(token.expiresAt) > now.getTime() ? 'valid' : 'expired',
    expiresAt: iso(token.expiresAt),
    refreshable,
    sessionEndsAt: refreshable ? iso(token.registrationExpiresAt) : null,
  };
}
