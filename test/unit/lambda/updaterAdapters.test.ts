import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { jsonLog } from '../../../lambda/src/common/log';
import { probeTcp, resolveIpv4 } from '../../../lambda/src/updater/adapters';
import { freePort } from '../../support/motoServer';

describe('updater adapters (real sockets and resolver on loopback)', () => {
  let server: Server;
  let openPort: number;

  beforeAll(async () => {
    server = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    openPort = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reports a port that accepts the TCP connection as open', async () => {
    expect(await probeTcp('127.0.0.1', openPort)).toBe('open');
  });

  it('reports why the connection failed, e.g. a closed port', async () => {
    expect(await probeTcp('127.0.0.1', await freePort())).toBe('ECONNREFUSED');
  });

  it('resolves IPv4 addresses through the OS resolver and fails on an unknown name', async () => {
    expect(await resolveIpv4('localhost')).toContain('127.0.0.1');
    await expect(resolveIpv4('no-such-host.invalid')).rejects.toThrow(/ENOTFOUND|EAI_AGAIN/);
  });

  it('logs one JSON object per line with level, message and fields', () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((line: string) => lines.push(line));
    try {
      jsonLog('warn', 'tcp-probe', { target: '10.0.1.5:3306', result: 'timeout' });
    } finally {
      spy.mockRestore();
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      level: 'warn',
      msg: 'tcp-probe',
      target: '10.0.1.5:3306',
      result: 'timeout',
    });
  });
});
