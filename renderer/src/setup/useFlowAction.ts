import { useState } from 'react';
import type { SetupState } from '../../../shared/flow/state';
import type { ApplyAnswer } from './useSetupFlow';

/**
 * One engine call at a time from a step's buttons: which one is running (so the buttons wait)
 * and the error of the last one, shown on the step; the state it answers moves the flow on.
 */
export function useFlowAction<Kind>(apply: ApplyAnswer) {
  const [busy, setBusy] = useState<Kind>();
  const [error, setError] = useState<unknown>();
  const run = async (action: () => Promise<SetupState>, kind: Kind) => {
    setBusy(kind);
    setError(undefined);
    try {
      await apply(action);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };
  return { busy, error, setError, run };
}
