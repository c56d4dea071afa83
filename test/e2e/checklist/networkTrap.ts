import { createServer, type Server } from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * Proof that offline mode sends nothing: a loopback server that stands in for every AWS and SMOOZ
 * endpoint and records each request it gets, plus a record of every outgoing TCP connection the
 * test process (main's handlers run in it) opens while the guard is on.
 */
export interface NetworkTrap {
  readonly url: string;
  readonly requests: string[];
  readonly connections: string[];
  startGuard(): void;
  stopGuard(): void;
  close(): Promise<void>;
}

export async function startNetworkTrap(): Promise<NetworkTrap> {
  const requests: string[] = [];
  const connections: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method ?? ''} ${req.headers.host ?? ''}${req.url ?? ''}`);
    res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const original = net.Socket.prototype.connect;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    connections,
    startGuard() {
      net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
        const first = args[0] as { host?: string; port?: number; path?: string } | number | string;
        connections.push(
          typeof first === 'object'
            ? `${first.host ?? first.path ?? ''}:${first.port ?? ''}`
            : String(first),
        );
        return (original as (...a: unknown[]) => net.Socket).apply(this, args);
      } as typeof original;
    },
    stopGuard() {
      net.Socket.prototype.connect = original;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
