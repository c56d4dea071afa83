import type { AwsProfileListing } from '../../../shared/aws/profiles';
import { parseSsoRolePick, type SsoTarget } from '../../../shared/aws/sso';

/** What an SSO login (or a session watch) is started for, from the name the flow uses. */
export function loginTargetOf(profile: string): SsoTarget {
  const pick = parseSsoRolePick(profile);
  return pick ? { ssoSession: pick.ssoSession } : { profile };
}

/**
 * The SSO session behind a profile name (a profile of the SSO kinds, or an account and role picked
 * from a session), with the name its notices carry; null when the profile does not use SSO.
 */
export function watchedSessionOf(
  profile: string,
  listing: AwsProfileListing,
): { target: SsoTarget; session: string } | null {
  const pick = parseSsoRolePick(profile);
  if (pick) return { target: { ssoSession: pick.ssoSession }, session: pick.ssoSession };
  const sso = listing.profiles.find((p) => p.name === profile)?.sso;
  const session = sso?.sessionName ?? sso?.startUrl;
  return session ? { target: { profile }, session } : null;
}
