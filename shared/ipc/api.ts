import type { Channel, EventName, EventPayloadOf, RequestOf, ResponseOf } from './contract';
import type { IpcResult } from './result';

/**
 * What the renderer sees of main, whichever transport carries it: the preload's `contextBridge`
 * object in Electron, or the loopback bridge in test builds.
 */
export interface RendererApi {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<IpcResult<ResponseOf<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void;
}

/** The global name the preload exposes the API under. */
export const RENDERER_API_KEY = 'smooz';
