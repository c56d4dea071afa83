import { randomInt } from 'node:crypto';
import { createServer } from 'node:net';

function canListen(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ host: address, port, exclusive: true }, () =>
      server.close(() => resolve(true)),
    );
  });
}

/**
 * A loopback address other than 127.0.0.1 (exempt from MariaDB's host cache) where `port` is
 * free. Random, so test worlds started side by side on one machine do not meet.
 */
export async function freeLoopbackAddress(port: number, avoid: readonly string[] = []) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const address = `127.0.${randomInt(1, 255)}.${randomInt(2, 255)}`;
    if (!avoid.includes(address) && (await canListen(address, port))) return address;
  }
  throw new Error(
    `No loopback address has port ${port} free: is a server listening on it on every address ` +
      '(0.0.0.0)? Stop it, then run the tests again.',
  );
}
