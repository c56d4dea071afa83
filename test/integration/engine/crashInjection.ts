import type { FlowRepository } from '../../../main/engine/flowRepository';
import type { SetupState } from '../../../shared/flow/state';

/** What a killed process "throws": nothing after it happens reaches the disk or AWS. */
export class SimulatedCrash extends Error {
  constructor() {
    super('simulated crash');
    this.name = 'SimulatedCrash';
  }
}

/**
 * A name for each distinct persisted state: the step, the ledger's size, and for the stack its
 * progress, so one name marks one point of the flow in every run.
 */
export function stateSignature(state: SetupState): string {
  const base = `${state.step}:${state.created.length}`;
  if (state.step === 'creatingStack')
    return `${base}:${state.progress.done}/${state.progress.total}`;
  if (state.step === 'tearingDown') {
    return `${base}:${(state.teardown?.removed.length ?? 0) + (state.teardown?.alreadyGone.length ?? 0)}`;
  }
  return base;
}

export interface CrashSwitch {
  readonly wrap: (repository: FlowRepository) => FlowRepository;
  /** True once the crash happened. */
  readonly crashed: () => boolean;
}

/**
 * Kills the engine right after the first save of a state with that signature is on disk: that
 * save returns an error instead of returning, and from then on every read and write of the store
 * fails too, so the dead engine can neither go on nor record anything more (a real process would
 * simply be gone). With `beforeSaving`, it dies just before that save lands instead: AWS then
 * holds something the ledger does not.
 */
export function crashAfterSaving(signature: string, beforeSaving = false): CrashSwitch {
  let dead = false;
  const alive = () => {
    if (dead) throw new SimulatedCrash();
  };
  return {
    crashed: () => dead,
    wrap: (repository) => ({
      load(connectionId) {
        alive();
        return repository.load(connectionId);
      },
      list() {
        alive();
        return repository.list();
      },
      save(state) {
        alive();
        const hit = stateSignature(state) === signature;
        if (!(hit && beforeSaving)) repository.save(state);
        if (hit) {
          dead = true;
          throw new SimulatedCrash();
        }
      },
    }),
  };
}

/** Records the signature of every save, in order (the reference run). */
export function recordSaves(into: string[]): (repository: FlowRepository) => FlowRepository {
  return (repository) => ({
    load: (id) => repository.load(id),
    list: () => repository.list(),
    save(state) {
      repository.save(state);
      into.push(stateSignature(state));
    },
  });
}
