import { useCallback, useState } from 'react';

/**
 * One command at a time from a screen's buttons: which one is running (so the buttons wait) and
 * the error of the last one, shown where it was asked. `run` answers the command's result, or
 * `undefined` when it failed.
 */
export function useAction<Kind = true>() {
  const [busy, setBusy] = useState<Kind>();
  const [error, setError] = useState<unknown>();
  const run = useCallback(async <R>(command: () => Promise<R>, kind: Kind) => {
    setBusy(() => kind);
    setError(undefined);
    try {
      return await command();
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setBusy(undefined);
    }
  }, []);
  return { busy, error, setError, run };
}
