import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { awsError, startLoopbackServer, type FakeReply, type FakeRequest } from './http';

/**
 * A hand-written IAM Identity Center OIDC service (moto has none): RegisterClient,
 * StartDeviceAuthorization, CreateToken (device code, authorization code with PKCE, refresh token)
 * and the browser-facing /authorize page, with the behaviours the real service documents.
 */
export interface FakeSsoOidc {
  readonly endpoint: string;
  /** Every API call, in order, for assertions on what the app sent. */
  readonly calls: { operation: string; body: Record<string, unknown> }[];
  /** What the "user" does on the authorize page or the device verification page. */
  userDecision: 'approve' | 'deny';
  /** How long issued access tokens live. */
  accessTokenSeconds: number;
  /** Answer the next pending device poll with slow_down instead of authorization_pending. */
  slowDownNextPoll: boolean;
  /** Makes every access token issued so far unusable (as after the session was revoked). */
  revokeAccessTokens(): void;
  revokeRefreshTokens(): void;
  isValidAccessToken(token: string): boolean;
  /** The user opens the verification page (the app only shows it). */
  visitVerificationPage(url: string): Promise<void>;
  close(): Promise<void>;
}

interface Client {
  secret: string;
  scopes: string[];
  grantTypes: string[];
  redirectUris: string[];
  expiresAt: number;
}
interface DeviceGrant {
  clientId: string;
  userCode: string;
  expiresAt: number;
  state: 'pending' | 'approved' | 'denied';
}
interface CodeGrant {
  clientId: string;
  redirectUri: string;
  challenge: string;
  scopes: string[];
}

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const token = (prefix: string) => `${prefix}${randomBytes(24).toString('base64url')}`;
const oidcError = (type: string, error: string, status = 400): FakeReply =>
  awsError(status, type, { error, error_description: error });

export async function startFakeSsoOidc(
  options: { registrationSeconds?: number } = {},
): Promise<FakeSsoOidc> {
  const clients = new Map<string, Client>();
  const devices = new Map<string, DeviceGrant>();
  const codes = new Map<string, CodeGrant>();
  const accessTokens = new Map<string, number>();
  const refreshTokens = new Map<string, string>();
  const registrationSeconds = options.registrationSeconds ?? 90 * 24 * 3600;
  let endpoint = '';

  const fake: FakeSsoOidc = {
    get endpoint() {
      return endpoint;
    },
    calls: [],
    userDecision: 'approve',
    accessTokenSeconds: 3600,
    slowDownNextPoll: false,
    revokeAccessTokens: () => accessTokens.clear(),
    revokeRefreshTokens: () => refreshTokens.clear(),
    isValidAccessToken: (value) => (accessTokens.get(value) ?? 0) > Date.now(),
    async visitVerificationPage(url) {
      const userCode = new URL(url).searchParams.get('user_code');
      for (const grant of devices.values()) {
        if (grant.userCode === userCode)
          grant.state = fake.userDecision === 'approve' ? 'approved' : 'denied';
      }
    },
    close: () => server.close(),
  };

  const clientFor = (body: Record<string, unknown>): Client | undefined => {
    const client = clients.get(String(body.clientId));
    return client && client.secret === body.clientSecret && client.expiresAt > Date.now()
      ? client
      : undefined;
  };

  const issue = (client: Client, clientId: string): FakeReply => {
    const accessToken = token('aoa');
    accessTokens.set(accessToken, Date.now() + fake.accessTokenSeconds * 1000);
    const body: Record<string, unknown> = {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: fake.accessTokenSeconds,
    };
    // The real service issues a refresh token only to clients registered with a scope.
    if (client.scopes.includes('sso:account:access')) {
      const refreshToken = token('aor');
      refreshTokens.set(refreshToken, clientId);
      body.refreshToken = refreshToken;
    }
    return { status: 200, body };
  };

  function register(body: Record<string, unknown>): FakeReply {
    if (body.clientType !== 'public' || typeof body.clientName !== 'string') {
      return oidcError('InvalidRequestException', 'invalid_request');
    }
    const grantTypes = (body.grantTypes as string[] | undefined) ?? [DEVICE_GRANT, 'refresh_token'];
    const redirectUris = (body.redirectUris as string[] | undefined) ?? [];
    if (
      grantTypes.includes('authorization_code') &&
      (redirectUris.length === 0 || !body.issuerUrl)
    ) {
      return oidcError('InvalidRequestException', 'invalid_request');
    }
    const clientId = randomUUID();
    const now = Math.floor(Date.now() / 1000);
    const client: Client = {
      secret: token('secret'),
      scopes: (body.scopes as string[] | undefined) ?? [],
      grantTypes,
      redirectUris,
      expiresAt: (now + registrationSeconds) * 1000,
    };
    clients.set(clientId, client);
    return {
      status: 200,
      body: {
        clientId,
        clientSecret: client.secret,
        clientIdIssuedAt: now,
        clientSecretExpiresAt: now + registrationSeconds,
      },
    };
  }

  function startDevice(body: Record<string, unknown>): FakeReply {
    if (!clientFor(body)) return oidcError('InvalidClientException', 'invalid_client', 401);
    const deviceCode = token('device');
    const userCode =
      `${randomBytes(2).toString('hex')}-${randomBytes(2).toString('hex')}`.toUpperCase();
    devices.set(deviceCode, {
      clientId: String(body.clientId),
      userCode,
      expiresAt: Date.now() + 600_000,
      state: 'pending',
    });
    return {
      status: 200,
      body: {
        deviceCode,
        userCode,
        verificationUri: `${endpoint}/device`,
        verificationUriComplete: `${endpoint}/device?user_code=${userCode}`,
        expiresIn: 600,
        interval: 1,
      },
    };
  }

  /** RFC 8252 loopback rule: the port of a 127.0.0.1 redirect may differ from the registered one. */
  const redirectAllowed = (client: Client, uri: string) =>
    client.redirectUris.some((registered) => {
      const a = new URL(registered);
      const b = new URL(uri);
      return a.protocol === b.protocol && a.hostname === b.hostname && a.pathname === b.pathname;
    });

  function createToken(body: Record<string, unknown>): FakeReply {
    const client = clientFor(body);
    if (!client) return oidcError('InvalidClientException', 'invalid_client', 401);
    const clientId = String(body.clientId);
    switch (body.grantType) {
      case DEVICE_GRANT: {
        const grant = devices.get(String(body.deviceCode));
        if (!grant || grant.clientId !== clientId)
          return oidcError('InvalidGrantException', 'invalid_grant');
        if (grant.expiresAt < Date.now())
          return oidcError('ExpiredTokenException', 'expired_token');
        if (grant.state === 'denied') return oidcError('AccessDeniedException', 'access_denied');
        if (grant.state === 'pending') {
          if (fake.slowDownNextPoll) {
            fake.slowDownNextPoll = false;
            return oidcError('SlowDownException', 'slow_down');
          }
          return oidcError('AuthorizationPendingException', 'authorization_pending');
        }
        devices.delete(String(body.deviceCode));
        return issue(client, clientId);
      }
      case 'authorization_code': {
        const grant = codes.get(String(body.code));
        codes.delete(String(body.code));
        if (!grant || grant.clientId !== clientId || grant.redirectUri !== body.redirectUri) {
          return oidcError('InvalidGrantException', 'invalid_grant');
        }
        const challenge = createHash('sha256')
          .update(String(body.codeVerifier))
          .digest('base64url');
        if (challenge !== grant.challenge)
          return oidcError('InvalidGrantException', 'invalid_grant');
        return issue(client, clientId);
      }
      case 'refresh_token': {
        const owner = refreshTokens.get(String(body.refreshToken));
        if (owner !== clientId) return oidcError('InvalidGrantException', 'invalid_grant');
        refreshTokens.delete(String(body.refreshToken));
        return issue(client, clientId);
      }
      default:
        return oidcError('UnsupportedGrantTypeException', 'unsupported_grant_type');
    }
  }

  /** The browser page: the "user" approves or denies, then is sent back to the app's redirect. */
  function authorize(url: URL): FakeReply {
    const q = url.searchParams;
    const client = clients.get(q.get('client_id') ?? '');
    const redirectUri = q.get('redirect_uri') ?? '';
    if (!client || !redirectAllowed(client, redirectUri) || q.get('response_type') !== 'code') {
      return { status: 400, body: { error: 'invalid_request' } };
    }
    if (q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) {
      return { status: 400, body: { error: 'invalid_request' } };
    }
    const back = new URL(redirectUri);
    back.searchParams.set('state', q.get('state') ?? '');
    if (fake.userDecision === 'deny') {
      back.searchParams.set('error', 'access_denied');
    } else {
      const code = token('code');
      codes.set(code, {
        clientId: q.get('client_id') ?? '',
        redirectUri,
        challenge: q.get('code_challenge') ?? '',
        scopes: (q.get('scopes') ?? '').split(/[ ,]/).filter(Boolean),
      });
      back.searchParams.set('code', code);
    }
    return { status: 302, headers: { location: back.toString() } };
  }

  const server = await startLoopbackServer((request: FakeRequest) => {
    const path = request.url.pathname;
    if (request.method === 'GET' && path === '/authorize') {
      fake.calls.push({
        operation: 'Authorize',
        body: Object.fromEntries(request.url.searchParams),
      });
      return authorize(request.url);
    }
    const operations: Record<string, (body: Record<string, unknown>) => FakeReply> = {
      '/client/register': register,
      '/device_authorization': startDevice,
      '/token': createToken,
    };
    const operation = request.method === 'POST' ? operations[path] : undefined;
    if (!operation) return { status: 404, body: { message: 'not found' } };
    fake.calls.push({ operation: path, body: request.body });
    return operation(request.body);
  });
  endpoint = server.endpoint;
  return fake;
}
