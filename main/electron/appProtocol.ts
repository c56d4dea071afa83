import { join } from 'node:path';
import type { Protocol } from 'electron';
import { readBuiltFile } from '../base/builtFiles';

/**
 * The renderer is served from `app://smooz/`, not `file://`: its CSP's `'self'` then means the
 * app's own files and nothing else on the disk, and the file protocol needs no extra privileges
 * (the `grantFileProtocolExtraPrivileges` fuse is off).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'smooz';
export const RENDERER_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Before `ready`: a standard, secure scheme, so relative URLs, `fetch` and the CSP work on it. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** The path an `app://` URL names, or null when it is not one of this app's URLs. */
function appPathOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  return parsed.pathname;
}

/**
 * Answers an `app://` request from the built renderer folder; another host, or a path that
 * leaves the folder once decoded (see builtFileFor), is refused.
 */
export async function respondFromRenderer(request: Request, root: string): Promise<Response> {
  if (request.method !== 'GET') return new Response(null, { status: 405 });
  const path = appPathOf(request.url);
  if (path === null) return new Response(null, { status: 403 });
  const built = await readBuiltFile(root, path);
  if (built.status !== 200) return new Response(null, { status: built.status });
  return new Response(built.content, { headers: { 'content-type': built.contentType } });
}

/** After `ready`: every `app://` request is answered from `root` (dist/renderer). */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, (request) => respondFromRenderer(request, join(root)));
}
