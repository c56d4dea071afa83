import type { Options } from 'conf';
import type { ConnectionSummary } from '../../shared/connections';
import { DEFAULT_PREFERENCES, LANGUAGES, type Preferences } from '../../shared/preferences';

export type PersistedState = {
  preferences: Preferences;
  connections: ConnectionSummary[];
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
    defaults: { preferences: DEFAULT_PREFERENCES, connections: [] },
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
    },
  };
}
