import { useEffect, useRef } from 'react';
import type { EventName, EventPayloadOf } from '../../../shared/ipc/contract';
import { useIpcClient } from './IpcClientContext';

/**
 * Listens to one push of the contract's event table while mounted (`enabled` false: not yet).
 * The latest listener is called, so a listener may read the render's values without resubscribing.
 */
export function useIpcEvent<E extends EventName>(
  event: E,
  listener: (payload: EventPayloadOf<E>) => void,
  enabled = true,
): void {
  const client = useIpcClient();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => {
    if (!enabled) return undefined;
    return client.on(event, (payload) => latest.current(payload));
  }, [client, event, enabled]);
}
