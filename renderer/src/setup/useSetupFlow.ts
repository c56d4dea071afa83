import { useCallback, useEffect, useRef, useState } from 'react';
import type { StackEvent } from '../../../shared/flow/plan';
import { ACTIVE_STEPS, type SetupState } from '../../../shared/flow/state';
import type { GuidedRecord } from '../../../shared/ipc/channels/guided';
import { useIpcClient } from '../data/IpcClientContext';
import { useIpcEvent } from '../data/useIpcEvent';

export interface FlowView {
  readonly state?: SetupState;
  readonly guided?: GuidedRecord;
  /** Stack events seen since the screen opened, newest first. */
  readonly stackEvents: readonly StackEvent[];
  /** When this screen first saw the stack being created (elapsed time starts here). */
  readonly stackStartedAt?: number;
  readonly error?: unknown;
}

const isActive = (step: string): boolean => (ACTIVE_STEPS as readonly string[]).includes(step);

/** Runs a call that answers with the flow's state and shows the answer unless it is stale. */
export type ApplyAnswer = (action: () => Promise<SetupState>) => Promise<void>;

/** Newest first, each event once; the stack's clock starts at the oldest event seen. */
function withStackEvents(view: FlowView, events: readonly StackEvent[]): FlowView {
  const known = new Set(view.stackEvents.map((e) => e.eventId));
  const fresh = events.filter((e) => !known.has(e.eventId));
  const all = [...fresh, ...view.stackEvents].sort((a, b) =>
    b.timestamp.localeCompare(a.timestamp),
  );
  const oldest = all.at(-1);
  return {
    ...view,
    stackEvents: all,
    stackStartedAt: Math.min(
      view.stackStartedAt ?? Date.now(),
      oldest === undefined ? Date.now() : Date.parse(oldest.timestamp),
    ),
  };
}

/**
 * One flow as the screens see it: loaded once, then kept current by main's pushes (state changes,
 * stack events, SMOOZ tracking), so no screen ever polls or needs a reload. A flow found in an
 * active step when the screen opens was interrupted (quit, crash): it is resumed, once.
 *
 * Main pushes every transition, in order; a call's answer travels apart from the pushes and can
 * arrive after a later one (a step that fails at once, as when the login has ended). So an answer
 * is shown only when no push came since the call was made; otherwise the pushes are as new.
 */
export function useSetupFlow(
  connectionId: string | undefined,
): [FlowView, (s: SetupState) => void, ApplyAnswer] {
  const client = useIpcClient();
  const [view, setView] = useState<FlowView>({ stackEvents: [] });
  const resumed = useRef<string | undefined>(undefined);
  const pushes = useRef(0);
  const following = connectionId !== undefined;

  const setState = useCallback((state: SetupState) => {
    setView((v) => ({
      ...v,
      state,
      ...(state.step === 'creatingStack' && v.stackStartedAt === undefined
        ? { stackStartedAt: Date.now() }
        : {}),
    }));
  }, []);

  const answer = useCallback(
    async (action: () => Promise<SetupState>, live: () => boolean = () => true) => {
      const before = pushes.current;
      const state = await action();
      if (live() && pushes.current === before) setState(state);
    },
    [setState],
  );

  useIpcEvent(
    'setup:stateChanged',
    (state) => {
      if (state.plan.connectionId !== connectionId) return;
      pushes.current += 1;
      setState(state);
    },
    following,
  );
  useIpcEvent(
    'setup:stackEvents',
    (payload) => {
      if (payload.connectionId === connectionId) setView((v) => withStackEvents(v, payload.events));
    },
    following,
  );
  useIpcEvent(
    'guided:changed',
    (record) => {
      if (record.connectionId === connectionId) setView((v) => ({ ...v, guided: record }));
    },
    following,
  );
  // SMOOZ's tracker pushes every status change; the record folds it in (and verifies on
  // `available`), so the screen follows without polling or a reload.
  useIpcEvent(
    'smooz:connectionStatusChanged',
    () => {
      if (connectionId === undefined) return;
      void client.call('guided:get', { connectionId }).then(
        (guided) => guided !== null && setView((v) => ({ ...v, guided })),
        () => undefined,
      );
    },
    following,
  );

  useEffect(() => {
    if (connectionId === undefined) return undefined;
    let live = true;
    void (async () => {
      try {
        const before = pushes.current;
        const [state, guided] = await Promise.all([
          client.call('setup:get', { connectionId }),
          client.call('guided:get', { connectionId }),
        ]);
        if (!live) return;
        setView((v) => ({ ...v, ...(guided === null ? {} : { guided }) }));
        if (pushes.current === before) setState(state);
        if (isActive(state.step) && resumed.current !== connectionId) {
          resumed.current = connectionId;
          await answer(
            () => client.call('setup:resume', { connectionId }),
            () => live,
          );
        }
      } catch (error) {
        if (live) setView((v) => ({ ...v, error }));
      }
    })();
    return () => {
      live = false;
    };
  }, [client, connectionId, setState, answer]);

  return [view, setState, answer];
}
