import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback HTTP proxy in front of moto server that can misbehave as AWS and networks do: answer
 * an EC2 operation with an error (throttling, access denied), or drop every connection (network
 * down). The engine
 * reaches it as its AWS endpoint, so the real SDK's own retry logic is what gets exercised.
 */
export interface FaultProxy {
  readonly endpoint: string;
  /** Every request's operation, in order, with what the proxy did with it. */
  readonly log: { operation: string; outcome: 'forwarded' | 'failed' | 'dropped' }[];
  /** Answer the next `count` requests of this operation with EC2's `RequestLimitExceeded`. */
  throttle(operation: string, count: number): void;
  /** Answer the next `count` requests of this operation with an EC2 error of one's choosing. */
  fail(operation: string, count: number, error: Ec2Error): void;
  /** While down, every connection is reset before an answer. */
  down: boolean;
  close(): Promise<void>;
}

export interface Ec2Error {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

const THROTTLED: Ec2Error = {
  status: 503,
  code: 'RequestLimitExceeded',
  message: 'Request limit exceeded.',
};

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** EC2's error document (the EC2 query protocol's own shape). */
const ec2ErrorBody = (error: Ec2Error) =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<Response><Errors><Error><Code>${error.code}</Code>`,
    `<Message>${escapeXml(error.message)}</Message></Error></Errors>`,
    '<RequestID>00000000-0000-0000-0000-000000000000</RequestID></Response>',
  ].join('');

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The operation of a query-protocol call (EC2, CloudFormation, RDS, STS, IAM) or a JSON one. */
function operationOf(req: IncomingMessage, body: Buffer): string {
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string') return target.split('.').pop() ?? target;
  const action = new URLSearchParams(body.toString('utf8')).get('Action');
  return action ?? `${req.method ?? ''} ${req.url ?? ''}`;
}

export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const target = new URL(upstream);
  const failures = new Map<string, { left: number; error: Ec2Error }>();
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const operation = operationOf(req, body);
      if (proxy.down) {
        proxy.log.push({ operation, outcome: 'dropped' });
        req.socket.destroy();
        return;
      }
      const failure = failures.get(operation);
      if (failure && failure.left > 0) {
        failure.left -= 1;
        proxy.log.push({ operation, outcome: 'failed' });
        res
          .writeHead(failure.error.status, { 'content-type': 'text/xml' })
          .end(ec2ErrorBody(failure.error));
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
    throttle: (operation, count) => failures.set(operation, { left: count, error: THROTTLED }),
    fail: (operation, count, error) => failures.set(operation, { left: count, error }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return proxy;
}
