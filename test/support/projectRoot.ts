import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository root, found by walking up to our package.json, so the helpers work both from
 * test/ and when bundled into a benchmark elsewhere.
 */
function findProjectRoot(from: string): string {
  let dir = from;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
      if (name === 'smooz-privatelink-assistant') return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no project root above ${from}`);
    dir = parent;
  }
}

export const ROOT = findProjectRoot(import.meta.dirname);
