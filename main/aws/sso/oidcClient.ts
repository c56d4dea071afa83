import { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';

/**
 * The SSO OIDC client for a session's region. No endpoint is passed: the SDK resolves it itself,
 * so the documented settings (`AWS_ENDPOINT_URL_SSO_OIDC`, `endpoint_url` in a `[services]`
 * section) redirect it, exactly as they redirect the AWS CLI and the SDK's own token refresh.
 */
export function createSsoOidcClient(region: string): SSOOIDCClient {
  return new SSOOIDCClient({ region, maxAttempts: 3 });
}
