import type { MainServices } from '../app/mainServices';
import { createHandlers } from './createHandlers';
import { wireEvents } from './eventWiring';
import type { EventSink, HandlerTable } from './handlers';

/**
 * What a transport serves: the handler table for requests, and the contract's events connected
 * to its sink. Electron's registration and the test bridge both take one, and connect it once.
 */
export interface IpcEndpoint {
  readonly handlers: HandlerTable;
  /** Subscribes every contract event to `sink`; returns the unsubscribe. */
  connectEvents(sink: EventSink): () => void;
}

export function createIpcEndpoint(services: MainServices): IpcEndpoint {
  return {
    handlers: createHandlers(services),
    connectEvents: (sink) => wireEvents(services, sink),
  };
}
