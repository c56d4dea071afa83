import { AppError, ErrorCodes } from '../../shared/errors';
import { AwsErrorCodes } from '../../shared/aws/errorCodes';

/** What the caller knows about the failed call, used where the error itself does not say. */
export interface AwsErrorContext {
  readonly profile?: string;
  /** IAM action, e.g. `ec2:CreateSecurityGroup`. */
  readonly action?: string;
  readonly resource?: string;
}

const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'ECONNABORTED',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);
const ACCESS_DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnauthorizedAccess',
  'AuthorizationError',
  'ForbiddenException',
]);
const INVALID_CREDENTIALS = new Set([
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'AuthFailure',
  'InvalidAccessKeyId',
  'IncompleteSignature',
]);
const EXPIRED_CREDENTIALS = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'TokenRefreshRequired',
]);
const CLOCK_SKEW = new Set(['RequestTimeTooSkewed', 'RequestExpired', 'RequestInTheFuture']);
const THROTTLED = new Set([
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'SlowDown',
]);

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  hostname?: unknown;
  cause?: unknown;
  errors?: unknown;
  $metadata?: { httpStatusCode?: number };
}

const shape = (error: unknown): ErrorShape =>
  typeof error === 'object' && error !== null ? (error as ErrorShape) : {};
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The AWS SDK's error code (`InvalidGroup.NotFound`, `AccessDenied`…), or '' for anything else. */
export const awsErrorName = (error: unknown): string => text(shape(error).name);

/** Node puts the socket error on `code`, sometimes one or two `cause`s (or an AggregateError) down. */
function networkFailure(error: unknown, depth = 0): { host: string } | null {
  const e = shape(error);
  if (NETWORK_CODES.has(text(e.code)) || e.name === 'TimeoutError')
    return { host: text(e.hostname) };
  if (depth > 3) return null;
  for (const inner of [e.cause, ...(Array.isArray(e.errors) ? e.errors : [])]) {
    if (inner !== undefined) {
      const found = networkFailure(inner, depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/** IAM's own wording: "... is not authorized to perform: <action> on resource: <resource> ...". */
export function parseAccessDenied(message: string): { action?: string; resource?: string } {
  const action = /not authorized to perform:?\s+([\w-]+:[\w*-]+)/i.exec(message)?.[1];
  const resource = /on resource:?\s+("?)([^\s"]+)\1/i.exec(message)?.[2];
  return {
    ...(action ? { action } : {}),
    ...(resource ? { resource: resource.replace(/[.,;]$/, '') } : {}),
  };
}

function fromProviderMessage(message: string, context: AwsErrorContext): AppError | null {
  const profile = context.profile ?? '';
  const cycle = /Detected a cycle.*Profiles visited: (.*)$/is.exec(message);
  if (cycle) {
    const visited = (cycle[1] ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    return new AppError(AwsErrorCodes.sourceProfileLoop, {
      profile,
      chain: [profile, ...visited].join(' → '),
    });
  }
  // The portal refusing the token (GetRoleCredentials answered 401) means the login ended.
  if (/UnauthorizedException|Session token not found or invalid/i.test(message)) {
    return new AppError(AwsErrorCodes.ssoTokenExpired, { profile, session: '' });
  }
  if (/SSO/i.test(message) && /expired|Cannot refresh/i.test(message)) {
    return new AppError(AwsErrorCodes.ssoTokenExpired, { profile, session: '' });
  }
  if (/SSO/i.test(message) && /not found|invalid|Value not present/i.test(message)) {
    return new AppError(AwsErrorCodes.ssoTokenMissing, { profile, session: '' });
  }
  if (/ForbiddenException|No access/i.test(message)) {
    return new AppError(AwsErrorCodes.accessDenied, {
      action: context.action ?? 'sso:GetRoleCredentials',
      resource: context.resource ?? profile,
    });
  }
  if (/multi-factor/i.test(message))
    return new AppError(AwsErrorCodes.mfaNotSupported, { profile });
  if (/credential_process|credential process|^Command failed/i.test(message)) {
    return new AppError(AwsErrorCodes.credentialProcessFailed, { profile });
  }
  if (/Profile .*(was not found|could not be found)/i.test(message)) {
    return new AppError(AwsErrorCodes.profileNotFound, { profile });
  }
  return null;
}

/**
 * Turns any failure of an AWS SDK call (or of resolving credentials for it) into an `aws.*`
 * AppError the user can act on. An AppError passes through unchanged; a plain bug becomes
 * `internal`, so a coding error is never disguised as an AWS problem.
 */
export function mapAwsError(error: unknown, context: AwsErrorContext = {}): AppError {
  if (error instanceof AppError) return error;
  const network = networkFailure(error);
  if (network) return new AppError(AwsErrorCodes.noNetwork, { host: network.host }, error);
  const e = shape(error);
  const name = text(e.name);
  const message = text(e.message);
  const profile = context.profile ?? '';
  if (
    CLOCK_SKEW.has(name) ||
    /signature expired|not yet current|clock skew|time too skewed/i.test(message)
  ) {
    return new AppError(AwsErrorCodes.clockSkew, {}, error);
  }
  if (ACCESS_DENIED.has(name) && e.$metadata) {
    const parsed = parseAccessDenied(message);
    return new AppError(
      AwsErrorCodes.accessDenied,
      {
        action: parsed.action ?? context.action ?? '',
        resource: parsed.resource ?? context.resource ?? '',
      },
      error,
    );
  }
  if (INVALID_CREDENTIALS.has(name))
    return new AppError(AwsErrorCodes.invalidCredentials, { profile }, error);
  if (EXPIRED_CREDENTIALS.has(name))
    return new AppError(AwsErrorCodes.expiredCredentials, { profile }, error);
  if (THROTTLED.has(name)) return new AppError(AwsErrorCodes.throttled, {}, error);
  if (name === 'CredentialsProviderError' || name === 'TokenProviderError') {
    const specific = fromProviderMessage(message, context);
    if (specific) return new AppError(specific.code, { ...specific.params }, error);
    return new AppError(AwsErrorCodes.credentialsUnavailable, { profile }, error);
  }
  if (e.$metadata) {
    return new AppError(
      AwsErrorCodes.serviceError,
      {
        errorName: name || 'Unknown',
        status: e.$metadata.httpStatusCode ?? 0,
        message: message.slice(0, 500),
      },
      error,
    );
  }
  return new AppError(ErrorCodes.internal, {}, error);
}
