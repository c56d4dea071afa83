import { MigrationStateSchema, type MigrationState } from '../../shared/lifecycle/migrate';
import type { Logger } from '../base/logger';
import type { StoreBacking } from '../base/storeBacking';

/** Migrations by adoption key (shared/lifecycle/migrate.ts; parsed when read). */
export type MigrationRecords = { lifecycleMigrations: Record<string, unknown> };

/** Where migrations live between transitions; a save returns only once the state is on disk. */
export interface MigrationRepository {
  load(key: string): MigrationState | undefined;
  save(state: MigrationState): void;
  list(): MigrationState[];
}

export function createStoreMigrationRepository(
  backing: StoreBacking<MigrationRecords>,
  logger: Logger,
): MigrationRepository {
  const parse = (key: string, raw: unknown): MigrationState | undefined => {
    const parsed = MigrationStateSchema.safeParse(raw);
    if (!parsed.success) logger.warn('lifecycle.migrationUnreadable', { key });
    return parsed.success ? parsed.data : undefined;
  };
  const all = () => backing.get('lifecycleMigrations') ?? {};
  return {
    load: (key) => (key in all() ? parse(key, all()[key]) : undefined),
    save(state) {
      backing.set('lifecycleMigrations', { ...all(), [state.key]: state });
    },
    list: () =>
      Object.entries(all()).flatMap(([key, raw]) => {
        const state = parse(key, raw);
        return state ? [state] : [];
      }),
  };
}
