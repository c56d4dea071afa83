// Bundles the Electron main process and preload into CommonJS: a sandboxed preload must be one
// CommonJS file, and bundling lets ESM-only dependencies (electron-store) load in main.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'cjs',
  sourcemap: true,
  external: ['electron'],
  logLevel: 'warning',
};

await build({ ...common, entryPoints: ['main/electron/main.ts'], outfile: 'dist/main/main.cjs' });
await build({
  ...common,
  entryPoints: ['main/electron/preload.ts'],
  outfile: 'dist/main/preload.cjs',
});
