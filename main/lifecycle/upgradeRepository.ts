import { UpgradeStateSchema, type UpgradeState } from '../../shared/lifecycle/upgrade';
import type { Logger } from '../base/logger';
import type { StoreBacking } from '../base/storeBacking';

/** In-place template upgrades by connection id (shared/lifecycle/upgrade.ts; parsed when read). */
export type UpgradeRecords = { lifecycleUpgrades: Record<string, unknown> };

/** Where upgrades live between transitions; a save returns only once the state is on disk. */
export interface UpgradeRepository {
  load(connectionId: string): UpgradeState | undefined;
  save(state: UpgradeState): void;
  list(): UpgradeState[];
}

export function createStoreUpgradeRepository(
  backing: StoreBacking<UpgradeRecords>,
  logger: Logger,
): UpgradeRepository {
  const parse = (id: string, raw: unknown): UpgradeState | undefined => {
    const parsed = UpgradeStateSchema.safeParse(raw);
    if (!parsed.success) logger.warn('lifecycle.upgradeUnreadable', { connectionId: id });
    return parsed.success ? parsed.data : undefined;
  };
  const all = () => backing.get('lifecycleUpgrades') ?? {};
  return {
    load: (id) => (id in all() ? parse(id, all()[id]) : undefined),
    save(state) {
      backing.set('lifecycleUpgrades', { ...all(), [state.connectionId]: state });
    },
    list: () =>
      Object.entries(all()).flatMap(([id, raw]) => {
        const state = parse(id, raw);
        return state ? [state] : [];
      }),
  };
}
