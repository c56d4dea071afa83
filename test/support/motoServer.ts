import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './projectRoot';

export const VENV_PYTHON = join(ROOT, '.venv', 'bin', 'python');

export interface MotoServer {
  readonly endpoint: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts moto server (with the project's plug-ins) on a free loopback port and waits for it. */
export async function startMotoServer(env: Record<string, string> = {}): Promise<MotoServer> {
  if (!existsSync(VENV_PYTHON)) {
    throw new Error(
      'The project venv is missing: run scripts/install-test-deps.sh (or the README test command).',
    );
  }
  const port = await freePort();
  const child: ChildProcess = spawn(
    VENV_PYTHON,
    [join(ROOT, 'test', 'support', 'moto', 'serve.py'), String(port)],
    { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env, PYTHONUNBUFFERED: '1' } },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto server exited early:\n${stderr}`);
    try {
      const res = await fetch(`${endpoint}/moto-api/`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  if (Date.now() >= deadline) {
    child.kill('SIGKILL');
    throw new Error(`moto server did not start within 30 s:\n${stderr}`);
  }
  return {
    endpoint,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Drops every resource moto holds, so each test file starts from an empty account. */
export async function resetMoto(endpoint: string): Promise<void> {
  await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
}
