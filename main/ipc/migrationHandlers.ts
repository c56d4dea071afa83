import { MigrationStateSchema } from '../../shared/lifecycle/migrate';
import type { migrationChannels } from '../../shared/ipc/channels/migration';
import type { MainServices } from '../app/mainServices';
import type { HandlerTable } from './handlers';

/** Side-by-side migration (main/lifecycle/migrator.ts); states on the wire are plain copies. */
export function createMigrationHandlers(
  services: MainServices,
): Pick<HandlerTable, keyof typeof migrationChannels> {
  const { migrator } = services;
  const wire = MigrationStateSchema.parse;
  return {
    'migration:start': async ({ key, request }) => wire(await migrator.start(key, request)),
    'migration:stop': async ({ key }) => wire(migrator.stop(key)),
    'migration:resume': async ({ key }) => wire(await migrator.resume(key)),
    'migration:rollBack': async ({ key }) => wire(await migrator.rollBack(key)),
    'migration:list': async () => migrator.list().map((m) => wire(m)),
  };
}
