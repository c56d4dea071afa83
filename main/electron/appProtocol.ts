import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Protocol } from 'electron';

/**
 * The renderer is served from `app://smooz/`, not `file://`: its CSP's `'self'` then means the
 * app's own files and nothing else on the disk, and the file protocol needs no extra privileges
 * (the `grantFileProtocolExtraPrivileges` fuse is off).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'smooz';
export const RENDERER_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** Before `ready`: a standard, secure scheme, so relative URLs, `fetch` and the CSP work on it. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * The file under `root` an `app://` URL names, or null when it names anything else: another
 * host, or a path that leaves `root` once decoded (`%2e%2e%2f`, `..\`, an absolute path).
 */
export function rendererFileFor(url: string, root: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const file = resolve(root, `.${path === '/' ? '/index.html' : path}`);
  const inside = relative(resolve(root), file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}

/** Answers an `app://` request from the built renderer folder; anything outside it is refused. */
export async function respondFromRenderer(request: Request, root: string): Promise<Response> {
  if (request.method !== 'GET') return new Response(null, { status: 405 });
  const file = rendererFileFor(request.url, root);
  if (file === null) return new Response(null, { status: 403 });
  try {
    const content = await readFile(file);
    return new Response(content, {
      headers: { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' },
    });
  } catch {
    return new Response(null, { status: 404 });
  }
}

/** After `ready`: every `app://` request is answered from `root` (dist/renderer). */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, (request) => respondFromRenderer(request, join(root)));
}
