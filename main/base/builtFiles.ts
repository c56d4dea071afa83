import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';

/**
 * Serving a built folder (the renderer) by URL path, for both transports: the Electron `app://`
 * protocol and the loopback bridge. One place decides what a path may reach, so the two cannot
 * drift apart on the escapes they refuse.
 */

/** Content types of what the renderer build writes. */
export const BUILT_FILE_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export const contentTypeOf = (
  file: string,
  types: Readonly<Record<string, string>> = BUILT_FILE_TYPES,
): string => types[extname(file)] ?? 'application/octet-stream';

/**
 * The file under `root` a URL path names (`/` is index.html), or null when the path leaves
 * `root` once decoded (`%2e%2e%2f`, `..\`, an absolute path), is not valid percent-encoding or
 * holds a NUL.
 */
export function builtFileFor(root: string, pathname: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const file = resolve(root, `.${path === '/' ? '/index.html' : path}`);
  const inside = relative(resolve(root), file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}

export type BuiltFile =
  | { readonly status: 200; readonly content: Buffer<ArrayBuffer>; readonly contentType: string }
  | { readonly status: 403 | 404 };

/** The file a URL path names under `root`: 403 when it is outside, 404 when it is not there. */
export async function readBuiltFile(
  root: string,
  pathname: string,
  types: Readonly<Record<string, string>> = BUILT_FILE_TYPES,
): Promise<BuiltFile> {
  const file = builtFileFor(root, pathname);
  if (file === null) return { status: 403 };
  try {
    return { status: 200, content: await readFile(file), contentType: contentTypeOf(file, types) };
  } catch {
    return { status: 404 };
  }
}
