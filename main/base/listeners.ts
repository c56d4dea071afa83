/**
 * The one way a service tells others about a change: `subscribe` returns the unsubscribe. IPC
 * wires the contract's events to these once at start-up (main/ipc/eventWiring.ts).
 */
export interface Subscribable<T> {
  subscribe(listener: (value: T) => void): () => void;
}

export interface Listeners<T> extends Subscribable<T> {
  emit(value: T): void;
}

/** A listener that throws is reported to `onError` and does not stop the others, nor the emitter. */
export function createListeners<T>(onError: (error: unknown) => void = () => {}): Listeners<T> {
  const listeners = new Set<(value: T) => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    emit(value) {
      for (const listener of listeners) {
        try {
          listener(value);
        } catch (error) {
          onError(error);
        }
      }
    },
  };
}
