import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface FakeRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingMessage['headers'];
  readonly body: Record<string, unknown>;
}

export interface FakeReply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** An AWS restJson1 error the SDK recognises by its `x-amzn-errortype` header. */
export const awsError = (
  status: number,
  type: string,
  body: Record<string, unknown> = {},
): FakeReply => ({
  status,
  headers: { 'x-amzn-errortype': type },
  body: { message: type, ...body },
});

export interface LoopbackServer {
  readonly endpoint: string;
  close(): Promise<void>;
}

function parseJson(raw: string): Record<string, unknown> {
  try {
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A JSON HTTP server on 127.0.0.1 with a random port. */
export async function startLoopbackServer(
  handle: (request: FakeRequest) => FakeReply | Promise<FakeReply>,
): Promise<LoopbackServer> {
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const body = parseJson(raw);
        const reply = await Promise.resolve()
          .then(() =>
            handle({
              method: req.method ?? 'GET',
              url: new URL(req.url ?? '/', 'http://127.0.0.1'),
              headers: req.headers,
              body,
            }),
          )
          .catch((error: unknown): FakeReply =>
            awsError(500, 'InternalServerException', { error: String(error) }),
          );
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
