import { awsError, startLoopbackServer, type FakeReply } from './http';

export interface PortalAssignment {
  readonly accountId: string;
  readonly accountName: string;
  readonly emailAddress: string;
  readonly roles: readonly string[];
}

export interface IssuedRoleCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly expiration: Date;
}

/** The IAM Identity Center portal API (moto has none): accounts, roles and role credentials. */
export interface FakeSsoPortal {
  readonly endpoint: string;
  readonly calls: { operation: string; query: Record<string, string> }[];
  close(): Promise<void>;
}

export interface FakeSsoPortalOptions {
  readonly assignments: readonly PortalAssignment[];
  /** Decides whether a bearer token is a live one (the fake OIDC service knows). */
  readonly isValidAccessToken: (token: string) => boolean;
  /** Where role credentials come from; the tests hand out keys that moto's STS accepts. */
  readonly issueCredentials: (
    accountId: string,
    roleName: string,
  ) => Promise<IssuedRoleCredentials>;
  /** Page size the portal uses when the caller asks for none. */
  readonly pageSize?: number;
}

function page<T>(items: readonly T[], query: URLSearchParams, pageSize: number) {
  const start = Number(query.get('next_token') ?? '0');
  const size = Number(query.get('max_result') ?? pageSize);
  const end = start + size;
  return {
    slice: items.slice(start, end),
    nextToken: end < items.length ? String(end) : undefined,
  };
}

export async function startFakeSsoPortal(options: FakeSsoPortalOptions): Promise<FakeSsoPortal> {
  const pageSize = options.pageSize ?? 20;
  const calls: FakeSsoPortal['calls'] = [];
  const server = await startLoopbackServer(async (request): Promise<FakeReply> => {
    const query = request.url.searchParams;
    calls.push({ operation: request.url.pathname, query: Object.fromEntries(query) });
    const bearer = request.headers['x-amz-sso_bearer_token'];
    if (typeof bearer !== 'string' || !options.isValidAccessToken(bearer)) {
      return awsError(401, 'UnauthorizedException', {
        message: 'Session token not found or invalid',
      });
    }
    const assignment = options.assignments.find((a) => a.accountId === query.get('account_id'));
    switch (request.url.pathname) {
      case '/assignment/accounts': {
        const { slice, nextToken } = page(options.assignments, query, pageSize);
        return {
          status: 200,
          body: {
            accountList: slice.map(({ accountId, accountName, emailAddress }) => ({
              accountId,
              accountName,
              emailAddress,
            })),
            ...(nextToken ? { nextToken } : {}),
          },
        };
      }
      case '/assignment/roles': {
        if (!assignment) return awsError(404, 'ResourceNotFoundException');
        const { slice, nextToken } = page(assignment.roles, query, pageSize);
        return {
          status: 200,
          body: {
            roleList: slice.map((roleName) => ({ roleName, accountId: assignment.accountId })),
            ...(nextToken ? { nextToken } : {}),
          },
        };
      }
      case '/federation/credentials': {
        const roleName = query.get('role_name') ?? '';
        if (!assignment?.roles.includes(roleName)) {
          return awsError(403, 'ForbiddenException', { message: 'No access' });
        }
        const issued = await options.issueCredentials(assignment.accountId, roleName);
        return {
          status: 200,
          body: {
            roleCredentials: {
              accessKeyId: issued.accessKeyId,
              secretAccessKey: issued.secretAccessKey,
              sessionToken: issued.sessionToken,
              expiration: issued.expiration.getTime(),
            },
          },
        };
      }
      default:
        return { status: 404, body: { message: 'not found' } };
    }
  });
  return { endpoint: server.endpoint, calls, close: () => server.close() };
}
