import { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';

/**
 * The SSO OIDC client for a session's region. No endpoint is passed: the SDK resolves it itself,
 * so the documented settings (`AWS_ENDPOINT_URL_SSO_OIDC`, `endpoint_url` in a `[services]`
 * section) redirect it, exactly as they redirect the AWS CLI and the SDK's own token refresh.
 */
export function createSsoOidcClient(region: string): SSOOIDCClient {
  return new SSOOIDCClient({ region, maxAttempts: 3 });
}

interface OutgoingRequest {
  protocol?: string;
  hostname?: string;
  port?: number;
  path?: string;
}

/**
 * Records the base URL the SDK actually sent an operation to. The browser's /authorize page lives
 * on the same host, and this is the only way to learn it that honours every endpoint setting.
 */
export function recordEndpoint(client: SSOOIDCClient, operationPath: string): () => string | null {
  let base: string | null = null;
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as OutgoingRequest;
      if (request.hostname && request.path?.endsWith(operationPath)) {
        const port = request.port ? `:${request.port}` : '';
        const prefix = request.path.slice(0, -operationPath.length);
        base = `${request.protocol ?? 'https:'}//${request.hostname}${port}${prefix}`;
      }
      return next(args);
    },
    { step: 'finalizeRequest', name: 'smoozRecordOidcEndpoint' },
  );
  return () => base;
}
