import { RENDERER_API_KEY, type RendererApi } from '../../../shared/ipc/api';
import type { Channel, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { AppErrorData } from '../../../shared/errors';
import { createBridgeApi } from './bridgeApi';

/** A failed call, carrying the code the UI turns into a localized sentence. */
export class IpcCallError extends Error {
  readonly error: AppErrorData;
  constructor(error: AppErrorData) {
    super(error.code);
    this.name = 'IpcCallError';
    this.error = error;
  }
}

/** Main as the renderer's hooks use it: typed calls that throw `IpcCallError`, and pushes. */
export interface IpcClient {
  call<C extends Channel>(
    channel: C,
    ...request: RequestOf<C> extends undefined ? [] : [RequestOf<C>]
  ): Promise<ResponseOf<C>>;
  on: RendererApi['on'];
}

/** The client over a transport: the preload's object, the loopback bridge, or a test's fake. */
export function ipcClient(api: RendererApi): IpcClient {
  return {
    async call(channel, ...request) {
      const result = await api.invoke(channel, request[0] as never);
      if (!result.ok) throw new IpcCallError(result.error);
      return result.value;
    },
    on: (event, listener) => api.on(event, listener),
  };
}

function missingPreload(): never {
  throw new Error('The preload API is missing: the renderer must run inside the app window.');
}

let windowClient: IpcClient | undefined;

/**
 * The window's own client, made on first use (component tests never reach it: they provide a
 * fake). Vite replaces MODE at build time, so the production bundle keeps only the preload branch.
 */
export function windowIpcClient(): IpcClient {
  windowClient ??= ipcClient(
    import.meta.env.MODE === 'bridge'
      ? createBridgeApi()
      : ((window as unknown as Record<string, RendererApi>)[RENDERER_API_KEY] ?? missingPreload()),
  );
  return windowClient;
}
