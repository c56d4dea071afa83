import { useMemo } from 'react';
import type { GuidedRecord } from '../../../shared/ipc/channels/guided';
import { useIpcClient } from '../data/IpcClientContext';

/** Step 4 and the home list's actions on a connection's guided record. */
export interface GuidedCommands {
  /** Hands the stack's outputs to SMOOZ and follows the endpoint. */
  readonly finish: (connectionId: string) => Promise<GuidedRecord>;
  readonly recheck: (connectionId: string) => Promise<GuidedRecord>;
  readonly teardown: (connectionId: string) => Promise<GuidedRecord | null>;
}

export function useGuidedCommands(): GuidedCommands {
  const client = useIpcClient();
  return useMemo(
    () => ({
      finish: (connectionId) => client.call('guided:finish', { connectionId }),
      recheck: (connectionId) => client.call('guided:recheck', { connectionId }),
      teardown: (connectionId) => client.call('guided:teardown', { connectionId }),
    }),
    [client],
  );
}
