import { useCallback, useState } from 'react';
import type { ChecklistSnapshot } from '../../../shared/ipc/channels/checklist';
import type { RequestOf } from '../../../shared/ipc/contract';
import { confirmationKey, type ChecklistState } from '../../../shared/steps/checklistState';
import type { StepId } from '../../../shared/steps/steps';
import { useIpcClient } from '../data/IpcClientContext';
import { useIpcQuery } from '../data/useIpcQuery';

export type ChecklistLoad =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; snapshot: ChecklistSnapshot };

/**
 * The checklist as main persists it. Every change goes to main at once and the screen shows
 * what main stored, so what you see is what survives a restart.
 */
export function useChecklist() {
  const client = useIpcClient();
  const query = useIpcQuery((c) => c.call('checklist:get'));
  // The state main last answered (or the user just typed), over the one first read.
  const [latest, setLatest] = useState<ChecklistState>();
  const [actionError, setActionError] = useState<unknown>(null);
  const loaded = query.status === 'ready' ? query.value : undefined;
  const load: ChecklistLoad =
    loaded === undefined
      ? query.status === 'error'
        ? { status: 'error', error: query.error }
        : { status: 'loading' }
      : { status: 'ready', snapshot: latest ? { ...loaded, state: latest } : loaded };
  const current = latest ?? loaded?.state;

  const apply = useCallback((update: Promise<ChecklistState>) => {
    update.then(
      (state) => {
        setActionError(null);
        setLatest(state);
      },
      (error: unknown) => setActionError(error),
    );
  }, []);

  /** Shows a typed value at once and persists it; validation happens as it is displayed. */
  const setValue = useCallback(
    (key: string, value: string) => {
      if (current === undefined) return;
      setLatest((s) => {
        const base = s ?? current;
        return { ...base, values: { ...base.values, [key]: value } };
      });
      apply(client.call('checklist:setValues', { [key]: value }));
    },
    [apply, client, current],
  );

  /** Ticks a confirmation at once (a checkbox must follow the click) and persists it. */
  const setConfirmation = useCallback(
    (step: StepId, confirmation: string, checked: boolean) => {
      if (current === undefined) return;
      setLatest((s) => {
        const base = s ?? current;
        return {
          ...base,
          confirmations: { ...base.confirmations, [confirmationKey(step, confirmation)]: checked },
        };
      });
      apply(client.call('checklist:setConfirmation', { step, confirmation, checked }));
    },
    [apply, client, current],
  );

  const goTo = useCallback(
    (step: StepId) => apply(client.call('checklist:goTo', { step })),
    [apply, client],
  );
  const setStepDone = useCallback(
    (step: StepId, done: boolean) => apply(client.call('checklist:setStepDone', { step, done })),
    [apply, client],
  );
  const exportDocument = useCallback(
    (request: RequestOf<'checklist:exportDocument'>) =>
      client.call('checklist:exportDocument', request),
    [client],
  );

  return { load, actionError, setValue, setConfirmation, goTo, setStepDone, exportDocument };
}
