import { DatabaseRecordSchema } from '../../shared/flow/database';
import { SetupStateSchema, type SetupState } from '../../shared/flow/state';
import { DiscardPreviewSchema, DiscardStateSchema } from '../../shared/flow/discard';
import { AppError } from '../../shared/errors';
import { migrationOwning } from '../../shared/lifecycle/migrate';
import { LifecycleErrorCodes } from '../lifecycle/lifecycleErrors';
import type { setupChannels } from '../../shared/ipc/channels/setup';
import { REQUIRED_ACTION_LIST } from '../engine/requiredPermissions';
import type { MainServices } from '../app/mainServices';
import type { HandlerTable } from './handlers';

/** The engine's surface for the renderer; long work runs in the background and reports by event. */
export function createSetupHandlers(
  services: MainServices,
): Pick<HandlerTable, keyof typeof setupChannels> {
  const engine = services.setup;
  // Flow values are deeply read-only in main; the wire types are the schemas' plain copies.
  const wire = (state: SetupState) => SetupStateSchema.parse(state);
  // Removing a migration's new setup behind its back would leave SMOOZ without a path: its roll
  // back is the way to remove it.
  const outsideMigrations = (connectionId: string) => {
    const owner = migrationOwning(services.migrator.list(), connectionId);
    if (owner) throw new AppError(LifecycleErrorCodes.setupInMigration, { name: owner.name });
  };

  return {
    'setup:listDatabases': async ({ profile, region }) => {
      const databases = await engine.listDatabases(profile, region);
      return { databases: databases.map((db) => DatabaseRecordSchema.parse(db)) };
    },
    'setup:resolveEndpoint': async ({ profile, region, endpoint }) =>
      DatabaseRecordSchema.parse(await engine.resolveEndpoint(profile, region, endpoint)),
    'setup:create': async (request) => wire(await engine.create(request)),
    'setup:updatePlan': async ({ connectionId, patch }) =>
      wire(await engine.updatePlan(connectionId, patch)),
    'setup:runPreflight': async ({ connectionId }) => wire(await engine.runPreflight(connectionId)),
    'setup:applyFix': async ({ connectionId, fix }) =>
      wire(await engine.applyFix(connectionId, fix)),
    'setup:start': async ({ connectionId }) => wire(await engine.start(connectionId)),
    'setup:resume': async ({ connectionId }) => wire(await engine.resume(connectionId)),
    'setup:cancel': async ({ connectionId }) => wire(await engine.cancel(connectionId)),
    'setup:teardown': async ({ connectionId }) => {
      outsideMigrations(connectionId);
      return wire(await engine.teardown(connectionId));
    },
    'setup:get': async ({ connectionId }) => wire(engine.get(connectionId)),
    'setup:list': async () => engine.list().map(wire),
    'setup:discardPreview': async (request) => {
      outsideMigrations(request.connectionId);
      return DiscardPreviewSchema.parse(await engine.discardPreview(request));
    },
    'setup:discard': async ({ resources, ...request }) => {
      outsideMigrations(request.connectionId);
      return DiscardStateSchema.parse(await engine.discard(request, resources));
    },
    'setup:listDiscards': async () => engine.listDiscards().map((d) => DiscardStateSchema.parse(d)),
    'setup:requiredPermissions': async () =>
      REQUIRED_ACTION_LIST.map((p) => ({ action: p.action, purposes: [...p.purposes] })),
  };
}
