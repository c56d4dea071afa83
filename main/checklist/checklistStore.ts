import {
  ChecklistStateSchema,
  INITIAL_CHECKLIST_STATE,
  type ChecklistState,
} from '../../shared/steps/checklistState';
import type { StoreBacking } from '../base/storeBacking';

/** The key the offline checklist owns in the state file. */
export type ChecklistStoreState = { checklist: ChecklistState };

export interface ChecklistStore {
  get(): ChecklistState;
  /** Applies a change and persists it at once, so a crash loses nothing already typed. */
  update(change: (state: ChecklistState) => ChecklistState): ChecklistState;
  reset(): ChecklistState;
}

/** The offline checklist's progress in the app store; what is read back is parsed, not trusted. */
export function createChecklistStore(
  backing: StoreBacking<ChecklistStoreState>,
  now: () => Date = () => new Date(),
): ChecklistStore {
  const read = (): ChecklistState => {
    const parsed = ChecklistStateSchema.safeParse(backing.get('checklist'));
    return parsed.success ? parsed.data : INITIAL_CHECKLIST_STATE;
  };
  return {
    get: read,
    update(change) {
      const next = ChecklistStateSchema.parse({
        ...change(read()),
        updatedAt: now().toISOString(),
      });
      backing.set('checklist', next);
      return next;
    },
    reset() {
      backing.set('checklist', INITIAL_CHECKLIST_STATE);
      return INITIAL_CHECKLIST_STATE;
    },
  };
}
