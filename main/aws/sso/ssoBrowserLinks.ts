/** An AWS region name as it appears in host names (ap-northeast-1, us-gov-west-1, cn-north-1). */
const REGION = '[a-z]{2}(?:-[a-z]+)+-\\d{1,2}';

/**
 * IAM Identity Center's browser pages, and nothing else under amazonaws.com: the OIDC service's
 * sign-in page, the device verification page, and an access portal's start URL (one label under
 * awsapps.com, or awsapps.cn in the China regions). Any `*.amazonaws.com` would include S3
 * website buckets and API Gateway URLs that anyone can create.
 */
const IDENTITY_CENTER_HOST = new RegExp(
  [
    `^oidc\\.${REGION}\\.amazonaws\\.com(?:\\.cn)?$`,
    `^device\\.sso\\.${REGION}\\.amazonaws\\.com(?:\\.cn)?$`,
    '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.awsapps\\.(?:com|cn)$',
  ].join('|'),
);

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
  if (parsed.protocol !== 'https:' || parsed.port !== '') return false;
  return IDENTITY_CENTER_HOST.test(parsed.hostname.toLowerCase());
}
