import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventName, EventPayloadOf } from '../../shared/ipc/contract';
import { dispatch } from '../ipc/dispatch';
import type { EventSink } from '../ipc/handlers';
import type { IpcEndpoint } from '../ipc/ipcEndpoint';
import { BUILT_FILE_TYPES, contentTypeOf, readBuiltFile } from '../base/builtFiles';
import type { Logger } from '../base/logger';
import { DOWNLOAD_PATH, type BridgeDownloads } from './bridgeDownloads';

/**
 * The test-and-demo transport: serves a bridge build of the renderer and answers the same handler
 * table over loopback HTTP. Only 127.0.0.1 (also in the Host header), only same-origin, only
 * with the random token.
 * The Electron entry never imports this module.
 */
export interface BridgeServer {
  readonly url: string;
  /** The page to open: the renderer with the token in the fragment (never sent over HTTP). */
  readonly pageUrl: string;
  readonly token: string;
  readonly events: EventSink;
  close(): Promise<void>;
}

export interface BridgeOptions {
  readonly rendererDir: string;
  /** Requests are answered by its handlers; its events are connected once, here. */
  readonly endpoint: IpcEndpoint;
  readonly logger: Logger;
  readonly port?: number;
  /** The browser demo's "save file": files go to the page as downloads (see bridgeDownloads). */
  readonly downloads?: BridgeDownloads;
}

/** The renderer's own types, and those of the files the demo hands over as downloads. */
const MIME: Readonly<Record<string, string>> = {
  ...BUILT_FILE_TYPES,
  '.md': 'text/markdown; charset=utf-8',
  '.pdf': 'application/pdf',
  '.yaml': 'application/yaml; charset=utf-8',
};
const MAX_BODY_BYTES = 1024 * 1024;

export async function startBridgeServer(options: BridgeOptions): Promise<BridgeServer> {
  const token = randomBytes(32).toString('hex');
  const subscribers = new Set<ServerResponse>();
  const events: EventSink = {
    emit<E extends EventName>(event: E, payload: EventPayloadOf<E>) {
      const frame = `data: ${JSON.stringify({ event, payload })}\n\n`;
      for (const res of subscribers) res.write(frame);
    },
  };
  const { handlers } = options.endpoint;
  const disconnectEvents = options.endpoint.connectEvents(events);
  let origin = '';
  let host = '';

  const server = createServer((req, res) => {
    void route(req, res).catch((error: unknown) => {
      options.logger.error('bridge.failed', { error: String(error) });
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    // A page on another site can resolve its own name to 127.0.0.1 (DNS rebinding); its
    // requests then carry that name, not this address and port.
    if (req.headers.host !== host) {
      res.writeHead(421).end();
      return;
    }
    if (req.headers.origin !== undefined && req.headers.origin !== origin) {
      res.writeHead(403).end();
      return;
    }
    if (url.pathname.startsWith('/ipc/') && req.method === 'POST') {
      if (!tokenMatches(req.headers.authorization?.replace(/^Bearer /, ''), token)) {
        res.writeHead(401).end();
        return;
      }
      const body = await readJson(req);
      const channel = decodeURIComponent(url.pathname.slice('/ipc/'.length));
      const run = () => dispatch(handlers, channel, body, options.logger);
      const answer = options.downloads
        ? await options.downloads
            .collect(run)
            .then(({ result, links }) =>
              links.length === 0 ? result : { ...result, downloads: links },
            )
        : await run();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      return;
    }
    if (url.pathname.startsWith(DOWNLOAD_PATH) && req.method === 'GET' && options.downloads) {
      // An anchor cannot send a header: the token comes in the query, as for /events.
      if (!tokenMatches(url.searchParams.get('token') ?? undefined, token)) {
        res.writeHead(401).end();
        return;
      }
      const file = options.downloads.take(url.pathname.slice(DOWNLOAD_PATH.length));
      if (file === undefined) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, {
        'content-type': contentTypeOf(file.fileName, MIME),
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        'cache-control': 'no-store',
      });
      res.end(file.content);
      return;
    }
    if (url.pathname === '/events' && req.method === 'GET') {
      if (!tokenMatches(url.searchParams.get('token') ?? undefined, token)) {
        res.writeHead(401).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write(': connected\n\n');
      subscribers.add(res);
      req.on('close', () => subscribers.delete(res));
      return;
    }
    if (req.method === 'GET') {
      await serveStatic(options.rendererDir, url.pathname, res);
      return;
    }
    res.writeHead(405).end();
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  host = `127.0.0.1:${port}`;
  origin = `http://${host}`;

  return {
    url: origin,
    pageUrl: `${origin}/index.html#token=${token}`,
    token,
    events,
    close: () =>
      new Promise((resolve) => {
        disconnectEvents();
        for (const res of subscribers) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function tokenMatches(given: string | undefined, expected: string): boolean {
  if (given === undefined || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  const parsed = JSON.parse(text) as { payload?: unknown };
  return parsed.payload;
}

async function serveStatic(root: string, pathname: string, res: ServerResponse): Promise<void> {
  const built = await readBuiltFile(root, pathname, MIME);
  if (built.status !== 200) {
    res.writeHead(built.status).end();
    return;
  }
  res.writeHead(200, { 'content-type': built.contentType, 'cache-control': 'no-store' });
  res.end(built.content);
}
