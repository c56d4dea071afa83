// Bundles the TypeScript reference server with esbuild and runs it: one command, no build step
// to remember. Paths inside are resolved from the repository, not from the bundle's location.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const here = import.meta.dirname;
const outDir = mkdtempSync(join(tmpdir(), 'smooz-server-'));
const outfile = join(outDir, 'cli.mjs');
await build({
  entryPoints: [join(here, 'cli.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  // Every bundled module sits two folders below the repository root (test/<folder>).
  define: { 'import.meta.dirname': JSON.stringify(here) },
  // Bundled CommonJS dependencies call require() for Node built-ins.
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
process.on('exit', () => rmSync(outDir, { recursive: true, force: true }));
await import(pathToFileURL(outfile).href);
