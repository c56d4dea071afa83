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

// Vite replaces MODE at build time, so the production bundle keeps only the preload branch.
const api: RendererApi =
  import.meta.env.MODE === 'bridge'
    ? createBridgeApi()
    : ((window as unknown as Record<string, RendererApi>)[RENDERER_API_KEY] ?? missingPreload());

function missingPreload(): never {
  throw new Error('The preload API is missing: the renderer must run inside the app window.');
}

export async function call<C extends Channel>(
  channel: C,
  ...request: RequestOf<C> extends undefined ? [] : [RequestOf<C>]
): Promise<ResponseOf<C>> {
  const result = await api.invoke(channel, request[0] as RequestOf<C>);
  if (!result.ok) throw new IpcCallError(result.error);
  return result.value;
}

export const onEvent: RendererApi['on'] = (event, listener) => api.on(event, listener);
