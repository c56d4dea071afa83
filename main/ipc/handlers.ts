import type {
  Channel,
  EventName,
  EventPayloadOf,
  RequestOf,
  ResponseOf,
} from '../../shared/ipc/contract';

/** Lets a handler push events to the renderer without knowing the transport. */
export interface EventSink {
  emit<E extends EventName>(event: E, payload: EventPayloadOf<E>): void;
}

export interface HandlerContext {
  readonly events: EventSink;
}

/**
 * One handler per contract channel. The mapped type makes a missing handler a compile error.
 */
export type HandlerTable = {
  readonly [C in Channel]: (
    request: RequestOf<C>,
    context: HandlerContext,
  ) => Promise<ResponseOf<C>>;
};
