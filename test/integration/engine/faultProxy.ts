import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback HTTP proxy in front of moto server that can misbehave as AWS and networks do: answer
 * a query-protocol operation (EC2, CloudFormation, …) with an error (throttling, access denied),
 * or drop every connection (network down). The engine reaches it as its AWS endpoint, so the real
 * SDK's own retry logic is what gets exercised.
 */
export interface FaultProxy {
  readonly endpoint: string;
  /** Every request's operation, in order, with what the proxy did with it. */
  readonly log: { operation: string; outcome: 'forwarded' | 'failed' | 'dropped' }[];
  /**
   * Answer the next `count` requests of this operation with its service's throttling error (EC2's
   * `RequestLimitExceeded`, otherwise the query protocol's `Throttling`).
   */
  throttle(operation: string, count: number): void;
  /** Answer the next `count` requests of this operation with an error of one's choosing. */
  fail(operation: string, count: number, error: AwsError): void;
  /** While down, every connection is reset before an answer. */
  down: boolean;
  close(): Promise<void>;
}

export interface AwsError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

const EC2_API_VERSION = '2016-11-15';

const EC2_THROTTLED: AwsError = {
  status: 503,
  code: 'RequestLimitExceeded',
  message: 'Request limit exceeded.',
};

const QUERY_THROTTLED: AwsError = { status: 400, code: 'Throttling', message: 'Rate exceeded' };

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The error document in the shape the calling service uses: EC2's own, or the query protocol's. */
function errorBody(ec2: boolean, error: AwsError): string {
  const detail = `<Code>${error.code}</Code><Message>${escapeXml(error.message)}</Message>`;
  const requestId = '00000000-0000-0000-0000-000000000000';
  return ec2
    ? `<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error>${detail}</Error></Errors><RequestID>${requestId}</RequestID></Response>`
    : `<ErrorResponse><Error><Type>Sender</Type>${detail}</Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The operation of a query-protocol call (EC2, CloudFormation, RDS, STS, IAM) or a JSON one. */
function operationOf(req: IncomingMessage, body: Buffer): { operation: string; ec2: boolean } {
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string')
    return { operation: target.split('.').pop() ?? target, ec2: false };
  const form = new URLSearchParams(body.toString('utf8'));
  return {
    operation: form.get('Action') ?? `${req.method ?? ''} ${req.url ?? ''}`,
    ec2: form.get('Version') === EC2_API_VERSION,
  };
}

export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const target = new URL(upstream);
  const failures = new Map<string, { left: number; error: AwsError | 'throttled' }>();
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const { operation, ec2 } = operationOf(req, body);
      if (proxy.down) {
        proxy.log.push({ operation, outcome: 'dropped' });
        req.socket.destroy();
        return;
      }
      const failure = failures.get(operation);
      if (failure && failure.left > 0) {
        failure.left -= 1;
        proxy.log.push({ operation, outcome: 'failed' });
        const throttled = ec2 ? EC2_THROTTLED : QUERY_THROTTLED;
        const error = failure.error === 'throttled' ? throttled : failure.error;
        res.writeHead(error.status, { 'content-type': 'text/xml' }).end(errorBody(ec2, error));
        return;
      }
      proxy.log.push({ operation, outcome: 'forwarded' });
      const forward = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => res.destroy());
      forward.end(body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const proxy: FaultProxy = {
    endpoint: `http://127.0.0.1:${port}`,
    log: [],
    down: false,
    throttle: (operation, count) => failures.set(operation, { left: count, error: 'throttled' }),
    fail: (operation, count, error) => failures.set(operation, { left: count, error }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return proxy;
}
