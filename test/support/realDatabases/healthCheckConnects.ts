import { Socket } from 'node:net';

/**
 * What an NLB TCP health check does to a MySQL/MariaDB server: connect from `sourceAddress`,
 * read the server's greeting, then reset the connection without a handshake answer.
 */
export function healthCheckConnect(
  target: { address: string; port: number },
  sourceAddress: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    socket.setTimeout(5000, () => {
      socket.destroy();
      reject(new Error('no greeting within 5 s'));
    });
    socket.once('error', reject);
    socket.once('data', () => {
      socket.once('close', () => resolve());
      socket.resetAndDestroy();
    });
    socket.connect({ host: target.address, port: target.port, localAddress: sourceAddress });
  });
}

/**
 * `count` health checks from `sourceAddress`, `concurrency` at a time (NLB nodes check in
 * parallel too): hours of an NLB's checks in seconds. Resolves with how many completed. The
 * first goes alone: MariaDB counts errors only once the address's host-cache entry is validated,
 * which that first connection does, as an NLB's first check does long before the others.
 */
export async function healthCheckConnects(
  target: { address: string; port: number },
  sourceAddress: string,
  count: number,
  concurrency = 32,
): Promise<number> {
  if (count === 0) return 0;
  await healthCheckConnect(target, sourceAddress);
  let started = 1;
  let done = 1;
  const lane = async () => {
    while (started < count) {
      started++;
      await healthCheckConnect(target, sourceAddress);
      done++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return done;
}
