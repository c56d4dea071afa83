import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './projectRoot';

/** Electron's own folder, where `npm install` put the binary if it could download one. */
export const ELECTRON_DIST = join(ROOT, 'node_modules', 'electron', 'dist');

/** The Electron binary, or undefined where it is absent (ELECTRON_SKIP_BINARY_DOWNLOAD). */
export function electronBinary(): string | undefined {
  const pathFile = join(ROOT, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(ELECTRON_DIST, readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : undefined;
}
