import type { RendererApi } from '../../../shared/ipc/api';
import type { EventName } from '../../../shared/ipc/contract';

const TOKEN_KEY = 'smooz-bridge-token';

/**
 * The token arrives in the URL fragment; it is taken out of the address at once (so it is not in
 * the address bar, history or a screen-share) and kept for this tab only, so a reload still works.
 */
function takeToken(): string {
  const fromUrl = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromUrl !== null) {
    window.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return window.sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** A file the bridge saved, handed to the browser as a normal download (there is no dialog). */
function download(href: string, fileName: string): void {
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.download = fileName;
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
}

/**
 * Test and browser-demo transport: the same contract over the loopback bridge server. Only the
 * `bridge` build includes this module; the token arrives in the URL fragment.
 */
export function createBridgeApi(): RendererApi {
  const token = takeToken();
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const source = new EventSource(`/events?token=${encodeURIComponent(token)}`);
  source.onmessage = (message: MessageEvent<string>) => {
    const { event, payload } = JSON.parse(message.data) as { event: EventName; payload: never };
    listeners.get(event)?.forEach((listener) => listener(payload));
  };
  return {
    async invoke(channel, request) {
      const response = await fetch(`/ipc/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ payload: request }),
      });
      if (!response.ok)
        return { ok: false, error: { code: 'ipc.transport', params: { status: response.status } } };
      const { downloads, ...result } = (await response.json()) as {
        downloads?: { path: string; fileName: string }[];
      };
      for (const file of downloads ?? [])
        download(`${file.path}?token=${encodeURIComponent(token)}`, file.fileName);
      return result as never;
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: never) => void);
    },
  };
}
