import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isChannel, isEventName } from '../../shared/ipc/contract';
import { RENDERER_API_KEY, type RendererApi } from '../../shared/ipc/api';

/**
 * Exposes exactly the contract's channels: an unknown name is refused here, before it reaches
 * main, and the renderer never gets `ipcRenderer` itself.
 */
const api: RendererApi = {
  invoke(channel, request) {
    if (!isChannel(channel))
      return Promise.reject(new Error(`Unknown channel: ${String(channel)}`));
    return ipcRenderer.invoke(channel, request);
  },
  on(event, listener) {
    if (!isEventName(event)) throw new Error(`Unknown event: ${String(event)}`);
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload as never);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld(RENDERER_API_KEY, api);
