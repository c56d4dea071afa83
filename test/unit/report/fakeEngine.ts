import type { EngineEvent, SetupEngine } from '../../../main/engine/setupEngine';
import type { SetupState } from '../../../shared/flow/state';

/** The two things the report reads from the engine: the persisted flows and its live events. */
export function fakeEngine() {
  const states = new Map<string, SetupState>();
  const listeners = new Set<(event: EngineEvent) => void>();
  const engine: Pick<SetupEngine, 'list' | 'subscribe'> = {
    list: () => [...states.values()],
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const emit = (event: EngineEvent) => {
    if (event.type === 'stateChanged') states.set(event.state.plan.connectionId, event.state);
    for (const listener of listeners) listener(event);
  };
  return { engine, emit };
}
