// `npm run demo`: one command from a fresh clone (after `npm install`). Makes sure the Python venv
// with moto server exists (the local AWS emulator the demo runs on), bundles scripts/demo/demo.ts
// with esbuild and runs it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..');

/** The same venv and stamp as scripts/install-test-deps.sh, so either one satisfies the other. */
function ensureMotoVenv() {
  const requirements = join(root, 'test', 'support', 'requirements.txt');
  const stamp = join(root, '.venv', '.requirements.sha256');
  const wanted = createHash('sha256').update(readFileSync(requirements)).digest('hex');
  const python = join(root, '.venv', 'bin', 'python');
  const current = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : '';
  if (existsSync(python) && current === wanted) return;
  console.log('First run: creating .venv with moto server (the local AWS emulator) …');
  const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  const venv = run('python3', ['-m', 'venv', '.venv']);
  if (venv.error !== undefined || venv.status !== 0) {
    console.error(
      'The demo needs Python 3 with venv (Debian/Ubuntu: apt install python3-venv) to run moto ' +
        'server. Install it, or run `bash scripts/install-test-deps.sh`, then `npm run demo` again.',
    );
    process.exit(1);
  }
  const pip = run(python, [
    '-m',
    'pip',
    'install',
    '-q',
    '--disable-pip-version-check',
    '-r',
    requirements,
  ]);
  if (pip.status !== 0) {
    console.error(`pip could not install ${requirements}; see the messages above.`);
    process.exit(1);
  }
  writeFileSync(stamp, `${wanted}\n`);
}

ensureMotoVenv();

// Inside the project, so the bundle resolves its packages from node_modules at run time.
const outDir = join(root, 'node_modules', '.cache', 'demo');
mkdirSync(outDir, { recursive: true });
const outfile = join(outDir, 'demo.mjs');
await build({
  entryPoints: [join(import.meta.dirname, 'demo', 'demo.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  packages: 'external',
  // The bundled helpers locate the repository (and the SMOOZ API document) from their own folder,
  // two levels below the root; give them that folder instead of the bundle's.
  define: { 'import.meta.dirname': JSON.stringify(join(root, 'test', 'support')) },
  logLevel: 'warning',
});
await import(pathToFileURL(outfile).href);
