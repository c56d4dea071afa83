import type { Options } from 'conf';
import type { ConnectionSummary } from '../../shared/connections';
import { DEFAULT_PREFERENCES, LANGUAGES, type Preferences } from '../../shared/preferences';
import type { TrackingRecord } from '../../shared/smooz/trackingRecord';
import { INITIAL_CHECKLIST_STATE, type ChecklistState } from '../../shared/steps/checklistState';

export type PersistedState = {
  preferences: Preferences;
  connections: ConnectionSummary[];
  /** The offline checklist's values and check-offs (also read by the automated flow). */
  checklist: ChecklistState;
  /** SMOOZ connections whose status is being tracked (shared/smooz/trackingRecord.ts; parsed when read); tracking resumes on start. */
  smoozTracking: TrackingRecord[];
  /** The setup engine's flows by connection id (shared/flow/state.ts; parsed when read). */
  setupFlows: Record<string, unknown>;
  /** Discards of abandoned setups by connection id (shared/flow/discard.ts; parsed when read). */
  setupDiscards: Record<string, unknown>;
  /** The guided flow's SMOOZ side by connection id (shared/guided/guidedRecord.ts; parsed when read). */
  guidedRecords: Record<string, unknown>;
  /** What the diagnostic report gathered, by section (main/base/diagnosticsJournal.ts). */
  diagnosticsJournal: Record<string, unknown>;
  /** Adoptions of found setups by endpoint service id (shared/lifecycle/adopt.ts; parsed when read). */
  lifecycleAdoptions: Record<string, unknown>;
  /** Side-by-side migrations by adoption key (shared/lifecycle/migrate.ts; parsed when read). */
  lifecycleMigrations: Record<string, unknown>;
  /** In-place template upgrades by connection id (shared/lifecycle/upgrade.ts; parsed when read). */
  lifecycleUpgrades: Record<string, unknown>;
};

/**
 * Conf runs each migration whose version range the app's version has newly passed. A release that
 * changes the shape of `PersistedState` adds its entry here, keyed by that release's version.
 */
export const storeMigrations: NonNullable<Options<PersistedState>['migrations']> = {};

/** Options shared by electron-store (in the app) and Conf (in plain-Node tests). */
export function storeOptions(projectVersion: string): Options<PersistedState> {
  return {
    projectName: 'smooz-privatelink-assistant',
    projectVersion,
    configName: 'state',
    clearInvalidConfig: false,
    // The state names the customer's databases, accounts and connections: owner only.
    configFileMode: 0o600,
    defaults: {
      preferences: DEFAULT_PREFERENCES,
      connections: [],
      checklist: INITIAL_CHECKLIST_STATE,
      smoozTracking: [],
      setupFlows: {},
      setupDiscards: {},
      guidedRecords: {},
      diagnosticsJournal: {},
      lifecycleAdoptions: {},
      lifecycleMigrations: {},
      lifecycleUpgrades: {},
    },
    migrations: storeMigrations,
    schema: {
      preferences: {
        type: 'object',
        properties: {
          language: { type: 'string', enum: [...LANGUAGES] },
          supportMode: { type: 'boolean' },
        },
        required: ['language', 'supportMode'],
      },
      connections: { type: 'array', items: { type: 'object' } },
      checklist: { type: 'object' },
      smoozTracking: { type: 'array', items: { type: 'object' } },
      setupFlows: { type: 'object' },
      setupDiscards: { type: 'object' },
      guidedRecords: { type: 'object' },
      diagnosticsJournal: { type: 'object' },
      lifecycleAdoptions: { type: 'object' },
      lifecycleMigrations: { type: 'object' },
      lifecycleUpgrades: { type: 'object' },
    },
  };
}
