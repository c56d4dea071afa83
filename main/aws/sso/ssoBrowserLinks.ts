/** Hosts of IAM Identity Center sign-in and device verification pages. */
const IDENTITY_CENTER_HOSTS = ['amazonaws.com', 'amazonaws.com.cn', 'awsapps.com', 'awsapps.cn'];

/**
 * Only these may be opened in the browser during an SSO login: https pages of IAM Identity
 * Center, or pages of the OIDC endpoint the SDK resolved (which a configured endpoint override
 * such as `AWS_ENDPOINT_URL_SSO_OIDC` may put elsewhere).
 */
export function isSsoBrowserUrl(url: string, oidcEndpoint: string | null): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  if (oidcEndpoint && parsed.origin === new URL(oidcEndpoint).origin) return true;
  if (parsed.protocol !== 'https:') return false;
  const host = parsed.hostname.toLowerCase();
  return IDENTITY_CENTER_HOSTS.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}
