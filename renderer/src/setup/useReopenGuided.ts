import { useEffect } from 'react';
import { call } from '../ipc/api';
import { flowToReopen } from './resumable';

/**
 * At start-up, returns the user to the guided flow they were in when the app closed (a quit, a
 * crash), so nothing has to be found again: the flow opens at its own step and continues.
 */
export function useReopenGuided(open: (connectionId: string) => void): void {
  useEffect(() => {
    let live = true;
    void Promise.all([call('setup:list'), call('guided:list')]).then(
      ([flows, records]) => {
        const id = flowToReopen(flows, records);
        if (live && id !== undefined) open(id);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, at start-up
  }, []);
}
