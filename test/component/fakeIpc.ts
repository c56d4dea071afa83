import type { RendererApi } from '../../shared/ipc/api';
import type {
  Channel,
  EventName,
  EventPayloadOf,
  RequestOf,
  ResponseOf,
} from '../../shared/ipc/contract';
import type { AppErrorData } from '../../shared/errors';
import type { DeepReadonly } from '../../shared/flow/readonly';
import { IpcCallError, ipcClient, type IpcClient } from '../../renderer/src/ipc/api';

export type Handlers = {
  [C in Channel]?: (
    request: RequestOf<C>,
  ) => DeepReadonly<ResponseOf<C>> | Promise<DeepReadonly<ResponseOf<C>>>;
};

/** A call main refuses: the handler throws it and the screen receives `{ ok: false, error }`. */
export const refusal = (code: string, params?: AppErrorData['params']) =>
  new IpcCallError({ code, ...(params ? { params } : {}) });

/** A call that has not answered yet (the screen's loading state). */
export const pending = <T>(): Promise<T> => new Promise<T>(() => undefined);

/**
 * Main as a screen sees it, without main: each channel answers from `handlers` (a channel without
 * one is refused with `test.unhandled`, so a test notices what a screen asked), pushes are sent
 * with `push`, and every request is recorded.
 */
export function fakeIpc(handlers: Handlers = {}) {
  const calls: { channel: Channel; request: unknown }[] = [];
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const api: RendererApi = {
    async invoke(channel, request) {
      calls.push({ channel, request });
      const handler = handlers[channel] as ((r: unknown) => unknown) | undefined;
      if (handler === undefined)
        return { ok: false, error: { code: 'test.unhandled', params: { channel } } };
      try {
        return { ok: true, value: (await handler(request)) as never };
      } catch (error) {
        if (error instanceof IpcCallError) return { ok: false, error: error.error };
        throw error;
      }
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: never) => void);
    },
  };
  const client: IpcClient = ipcClient(api);
  return {
    client,
    calls,
    /** The requests made on one channel, in order. */
    requests: <C extends Channel>(channel: C) =>
      calls.filter((c) => c.channel === channel).map((c) => c.request as RequestOf<C>),
    push<E extends EventName>(event: E, payload: DeepReadonly<EventPayloadOf<E>>) {
      listeners.get(event)?.forEach((listener) => listener(payload as never));
    },
  };
}

export type FakeIpc = ReturnType<typeof fakeIpc>;
