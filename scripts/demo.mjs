// `npm run demo`: bundles scripts/demo/demo.ts with esbuild and runs it (one command, no build
// step to remember), like the reference SMOOZ server's starter.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const here = join(import.meta.dirname, 'demo');
const outDir = mkdtempSync(join(tmpdir(), 'smooz-demo-'));
const outfile = join(outDir, 'demo.mjs');
await build({
  entryPoints: [join(here, 'demo.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  packages: 'external',
  nodePaths: [join(import.meta.dirname, '..', 'node_modules')],
  // Bundled modules resolve repository paths from their own folder; keep the original one.
  define: {
    'import.meta.dirname': JSON.stringify(join(import.meta.dirname, '..', 'test', 'support')),
  },
  logLevel: 'warning',
});
process.on('exit', () => rmSync(outDir, { recursive: true, force: true }));
await import(pathToFileURL(outfile).href);
