import type { SsoTarget } from '../../../shared/aws/sso';
import { useIpcQuery } from '../data/useIpcQuery';

/** The user's AWS profiles and SSO sessions as main reads them from the AWS files. */
export function useAwsProfiles(key = '') {
  return useIpcQuery((client) => client.call('aws:listProfiles'), { key });
}

/**
 * The account behind a profile and region, looked up a moment after the choice settles (the
 * region may be being typed); `attempt` asks again after a login. Nothing is asked without both.
 */
export function useCallerIdentity(profile: string, region: string | undefined, attempt: number) {
  return useIpcQuery(
    (client) => client.call('aws:callerIdentity', { profile, region: region ?? '' }),
    {
      key: profile === '' || region === undefined ? null : `${profile}|${region}|${attempt}`,
      delayMs: 250,
    },
  );
}

/** The accounts an SSO session may use (`key` null: not yet asked). */
export function useSsoAccounts(target: SsoTarget, key: string | null) {
  return useIpcQuery((client) => client.call('aws:ssoListAccounts', { target }), { key });
}

/** The roles an SSO session may take in one account. */
export function useSsoAccountRoles(target: SsoTarget, accountId: string, key: string | null) {
  return useIpcQuery((client) => client.call('aws:ssoListAccountRoles', { target, accountId }), {
    key,
  });
}
