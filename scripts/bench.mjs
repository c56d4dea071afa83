// Runs every benchmark in scripts/bench/ (TypeScript, bundled on the fly with esbuild) one after
// another; each prints its own figures. Benchmarks never fail on a time: they report.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from 'esbuild';

const only = process.argv.slice(2);
const dir = join(import.meta.dirname, 'bench');
// Inside the project so the bundles resolve packages from node_modules.
const outDir = join(import.meta.dirname, '..', 'node_modules', '.cache', 'bench');
mkdirSync(outDir, { recursive: true });
const entries = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .filter((f) => only.length === 0 || only.includes(basename(f, '.ts')))
  .sort();

let failed = 0;
for (const entry of entries) {
  const outfile = join(outDir, entry.replace(/\.ts$/, '.mjs'));
  await build({
    entryPoints: [join(dir, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    packages: 'external',
    // The bundled test helpers locate the repository (and the SMOOZ API document) from their own
    // folder, two levels below the root; give them that folder instead of the bundle's.
    define: {
      'import.meta.dirname': JSON.stringify(join(import.meta.dirname, '..', 'test', 'support')),
    },
    logLevel: 'warning',
  });
  console.log(`\n== ${basename(entry, '.ts')}`);
  const run = spawnSync(process.execPath, [outfile], { stdio: 'inherit', cwd: process.cwd() });
  if (run.status !== 0) failed += 1;
}
process.exitCode = failed === 0 ? 0 : 1;
