import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../support/projectRoot';

const RUNNER = join(ROOT, 'test', 'support', 'moto', 'plugins', 'lambda_node_runner.mjs');

// A handler that connects where the event says and answers with what happened, as the updater's
// TCP probe does.
const HANDLER = `
const net = require('node:net');
exports.handler = (event) => new Promise((resolve) => {
  const socket = new net.Socket();
  const done = (result) => { socket.destroy(); resolve({ result }); };
  socket.setTimeout(3000, () => done('timeout'));
  socket.once('connect', () => done('open'));
  socket.once('error', (error) => done(error.code || error.message));
  socket.connect(event.port, event.host);
});
`;

async function invoke(
  codeDir: string,
  event: { host: string; port: number },
  vpcDns: Record<string, string[]> = {},
): Promise<{ result: string }> {
  const resultFile = join(codeDir, `result-${Math.random().toString(36).slice(2)}.json`);
  const child = spawn(process.execPath, [RUNNER, codeDir, 'index.handler'], {
    env: {
      ...process.env,
      SMOOZ_LAMBDA_RESULT: resultFile,
      AWS_LAMBDA_FUNCTION_TIMEOUT: '10',
      SMOOZ_VPC_DNS: JSON.stringify(vpcDns),
    },
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  child.stdin.end(JSON.stringify(event));
  await new Promise((resolve) => child.once('exit', resolve));
  const out = JSON.parse(await readFile(resultFile, 'utf8')) as {
    payload: { result: string };
  };
  return out.payload;
}

describe('the emulated VPC network seen by Lambda functions run in Node', () => {
  let codeDir: string;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    codeDir = await mkdtemp(join(tmpdir(), 'smooz-vpc-net-'));
    await writeFile(join(codeDir, 'index.js'), HANDLER);
    server = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.44', resolve));
    const address = server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reaches a test-world database listening on a loopback address', async () => {
    expect((await invoke(codeDir, { host: '127.0.0.44', port })).result).toBe('open');
  });

  it('never sends a packet to a subnet address of the emulated VPC: unreachable at once', async () => {
    const { result } = await invoke(codeDir, { host: '10.20.1.37', port: 5432 });
    expect(result).toBe('EHOSTUNREACH');
  });

  it('treats an RDS name the VPC resolver answers with a subnet address the same way', async () => {
    const host = 'db.abcdefghij.ap-northeast-1.rds.amazonaws.com';
    const { result } = await invoke(codeDir, { host, port: 5432 }, { [host]: ['10.20.2.9'] });
    expect(result).toBe('EHOSTUNREACH');
  });
});
