import { useEffect, useRef } from 'react';
import { useIpcQuery } from '../data/useIpcQuery';
import { flowToReopen } from './resumable';

/**
 * At start-up, returns the user to the guided flow they were in when the app closed (a quit, a
 * crash), so nothing has to be found again: the flow opens at its own step and continues.
 */
export function useReopenGuided(open: (connectionId: string) => void): void {
  const query = useIpcQuery(async (client) => {
    const [flows, records] = await Promise.all([
      client.call('setup:list'),
      client.call('guided:list'),
    ]);
    return flowToReopen(flows, records) ?? null;
  });
  const reopen = query.status === 'ready' ? query.value : null;
  const opened = useRef(false);
  const latest = useRef(open);
  useEffect(() => {
    latest.current = open;
  });
  useEffect(() => {
    if (reopen === null || opened.current) return;
    opened.current = true;
    latest.current(reopen);
  }, [reopen]);
}
