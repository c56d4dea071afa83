import { useCallback } from 'react';
import type { UpdateStatus } from '../../../shared/update/updateState';
import { useIpcClient } from '../data/IpcClientContext';
import { useIpcQuery } from '../data/useIpcQuery';

/** The app's own update, kept current by main's pushes, and the command to install it now. */
export function useUpdateStatus() {
  const client = useIpcClient();
  const query = useIpcQuery((c) => c.call('update:getStatus'), {
    follow: [{ event: 'update:statusChanged', update: (next) => next }],
  });
  // Not knowing about updates is not worth a message on the home screen: an error shows idle.
  const status: UpdateStatus = query.status === 'ready' ? query.value : { status: 'idle' };
  const installNow = useCallback(() => client.call('update:installNow'), [client]);
  return { status, installNow };
}
