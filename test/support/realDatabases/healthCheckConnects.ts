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
