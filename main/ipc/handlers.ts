import type {
  Channel,
  EventName,
  EventPayloadOf,
  RequestOf,
  ResponseOf,
} from '../../shared/ipc/contract';

/** A transport's way to push an event to the renderer (a window's webContents, the bridge's stream). */
export interface EventSink {
  emit<E extends EventName>(event: E, payload: EventPayloadOf<E>): void;
}

/**
 * One handler per contract channel. The mapped type makes a missing handler a compile error.
 * Handlers answer; events reach the renderer only through the services' subscriptions
 * (eventWiring.ts).
 */
export type HandlerTable = {
  readonly [C in Channel]: (request: RequestOf<C>) => Promise<ResponseOf<C>>;
};
