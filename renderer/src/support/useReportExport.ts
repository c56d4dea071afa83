import { useCallback } from 'react';
import { useIpcClient } from '../data/IpcClientContext';

/** Saves the diagnostic report (masked) where the user chooses. */
export function useReportExport() {
  const client = useIpcClient();
  return useCallback(() => client.call('support:exportReport'), [client]);
}
