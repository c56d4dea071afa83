import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { ROOT } from '../../support/projectRoot';
import { ADMIN_TOKEN, type GuidedWorld } from './guidedHarness';

export interface AppProcess {
  readonly pageUrl: string;
  /** Ends the process at once, with no chance to tidy up: a crash or a forced quit. */
  kill(): Promise<void>;
}

/** Starts ./appProcess.ts (bundled on the fly) on a state folder and waits for its page URL. */
export async function startAppProcess(
  world: GuidedWorld,
  userDataDir: string,
): Promise<AppProcess> {
  // Inside the repository, so the bundle finds the project root and its packages.
  const outDir = join(ROOT, 'node_modules', '.cache', 'e2e-guided');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'appProcess.mjs');
  await build({
    entryPoints: [join(ROOT, 'test', 'e2e', 'guided', 'appProcess.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    packages: 'external',
    logLevel: 'warning',
  });
  const child: ChildProcess = spawn(
    process.execPath,
    [
      outfile,
      JSON.stringify({
        userDataDir,
        configFile: world.aws.paths.configFile,
        credentialsFile: world.aws.paths.credentialsFile,
        motoEndpoint: world.motoEndpoint,
        smoozUrl: world.smooz.url,
        token: ADMIN_TOKEN,
      }),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const pageUrl = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`app process exited early (${code})`)));
    lines.once('line', (line) => resolve((JSON.parse(line) as { pageUrl: string }).pageUrl));
  });
  return {
    pageUrl,
    kill: () =>
      new Promise((resolve) => {
        // A process ended by a signal keeps exitCode null; signalCode says it is gone.
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
