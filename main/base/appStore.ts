import { ConnectionSummarySchema, type ConnectionSummary } from '../../shared/connections';
import { PreferencesSchema, type Preferences } from '../../shared/preferences';
import type { StoreBacking } from './storeBacking';
import { createListeners, type Subscribable } from './listeners';

/** The keys the app store owns in the state file. */
export type AppStoreState = { preferences: Preferences; connections: ConnectionSummary[] };

export interface AppStore extends Subscribable<Preferences> {
  getPreferences(): Preferences;
  setPreferences(patch: Partial<Preferences>): Preferences;
  listConnections(): ConnectionSummary[];
  upsertConnection(connection: ConnectionSummary): void;
  /** After a teardown: the connection no longer exists anywhere. */
  removeConnection(id: string): void;
}

/** Typed access to the persisted state; what is read back is parsed, not trusted. */
export function createAppStore(backing: StoreBacking<AppStoreState>): AppStore {
  const preferenceChanges = createListeners<Preferences>();
  return {
    subscribe: preferenceChanges.subscribe,
    getPreferences: () => PreferencesSchema.parse(backing.get('preferences')),
    setPreferences(patch) {
      const next = PreferencesSchema.parse({ ...backing.get('preferences'), ...patch });
      backing.set('preferences', next);
      preferenceChanges.emit(next);
      return next;
    },
    listConnections: () =>
      backing.get('connections').flatMap((raw) => {
        const parsed = ConnectionSummarySchema.safeParse(raw);
        return parsed.success ? [parsed.data] : [];
      }),
    upsertConnection(connection) {
      const others = backing.get('connections').filter((c) => c.id !== connection.id);
      backing.set('connections', [...others, ConnectionSummarySchema.parse(connection)]);
    },
    removeConnection(id) {
      backing.set(
        'connections',
        backing.get('connections').filter((c) => c.id !== id),
      );
    },
  };
}
