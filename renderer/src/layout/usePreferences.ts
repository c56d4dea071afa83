import { useCallback, useState } from 'react';
import type { Preferences } from '../../../shared/preferences';
import { useIpcClient } from '../data/IpcClientContext';
import { useIpcEvent } from '../data/useIpcEvent';
import { useIpcQuery } from '../data/useIpcQuery';

type Patch = Partial<Preferences>;

/**
 * The user's preferences (language, support mode) as main stores them, kept current by its
 * pushes; a change shows at once and is stored in the background.
 */
export function usePreferences() {
  const client = useIpcClient();
  const query = useIpcQuery((c) => c.call('app:getPreferences'), {
    follow: [{ event: 'app:preferencesChanged', update: (next) => next }],
  });
  const [changed, setChanged] = useState<Patch>({});
  // Main's push is the stored truth, including this window's own changes.
  useIpcEvent('app:preferencesChanged', () => setChanged({}));
  const preferences: Patch = { ...(query.status === 'ready' ? query.value : {}), ...changed };
  const save = useCallback(
    (patch: Patch) => {
      setChanged((c) => ({ ...c, ...patch }));
      void client.call('app:setPreferences', patch).catch(() => undefined);
    },
    [client],
  );
  return { preferences, save };
}
