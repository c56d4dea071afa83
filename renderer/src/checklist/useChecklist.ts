import { useCallback, useEffect, useState } from 'react';
import type { ChecklistSnapshot } from '../../../shared/ipc/channels/checklist';
import { confirmationKey, type ChecklistState } from '../../../shared/steps/checklistState';
import type { StepId } from '../../../shared/steps/steps';
import { call } from '../ipc/api';

export type ChecklistLoad =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; snapshot: ChecklistSnapshot };

/**
 * The checklist as main persists it. Every change goes to main at once and the screen shows
 * what main stored, so what you see is what survives a restart.
 */
export function useChecklist() {
  const [load, setLoad] = useState<ChecklistLoad>({ status: 'loading' });
  const [actionError, setActionError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    call('checklist:get').then(
      (snapshot) => live && setLoad({ status: 'ready', snapshot }),
      (error: unknown) => live && setLoad({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, []);

  const apply = useCallback((update: Promise<ChecklistState>) => {
    update.then(
      (state) => {
        setActionError(null);
        setLoad((current) =>
          current.status === 'ready'
            ? { status: 'ready', snapshot: { ...current.snapshot, state } }
            : current,
        );
      },
      (error: unknown) => setActionError(error),
    );
  }, []);

  /** Shows a typed value at once and persists it; validation happens as it is displayed. */
  const setValue = useCallback(
    (key: string, value: string) => {
      setLoad((current) =>
        current.status === 'ready'
          ? {
              status: 'ready',
              snapshot: {
                ...current.snapshot,
                state: {
                  ...current.snapshot.state,
                  values: { ...current.snapshot.state.values, [key]: value },
                },
              },
            }
          : current,
      );
      apply(call('checklist:setValues', { [key]: value }));
    },
    [apply],
  );

  /** Ticks a confirmation at once (a checkbox must follow the click) and persists it. */
  const setConfirmation = useCallback(
    (step: StepId, confirmation: string, checked: boolean) => {
      setLoad((current) =>
        current.status === 'ready'
          ? {
              status: 'ready',
              snapshot: {
                ...current.snapshot,
                state: {
                  ...current.snapshot.state,
                  confirmations: {
                    ...current.snapshot.state.confirmations,
                    [confirmationKey(step, confirmation)]: checked,
                  },
                },
              },
            }
          : current,
      );
      apply(call('checklist:setConfirmation', { step, confirmation, checked }));
    },
    [apply],
  );

  return { load, actionError, apply, setValue, setConfirmation };
}
