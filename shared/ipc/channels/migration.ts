/**
 * Side-by-side migration of an adopted setup (issue 15; machine in shared/lifecycle/migrate.ts,
 * runner in main/lifecycle/migrator.ts, handlers in main/ipc/migrationHandlers.ts).
 *
 *   migration:start     → starts (or answers the existing) migration of an adopted setup, by its
 *                         adoption key, with what the new setup is made for (same database).
 *   migration:stop      → the migration stops after the step in progress, before the next.
 *   migration:resume    → continues a stopped or failed migration (or a failed rollback).
 *   migration:rollBack  → before SMOOZ's switch only: removes SMOOZ's second endpoint and the new
 *                         setup; SMOOZ stays on the old path.
 *   migration:list      → every migration kept on this computer.
 *   migration:changed   (event) every persisted transition.
 * Errors: `lifecycle.*` codes (renderer/src/locales/<lang>/lifecycle.json `errors.*`), SMOOZ's
 * `smooz.*`, the AWS layer's `aws.*`.
 */
import { z } from 'zod';
import { MigrationStateSchema, NewSetupRequestSchema } from '../../lifecycle/migrate';

const Key = z.object({ key: z.string().min(1) });

export const migrationChannels = {
  'migration:start': {
    request: Key.extend({ request: NewSetupRequestSchema }),
    response: MigrationStateSchema,
  },
  'migration:stop': { request: Key, response: MigrationStateSchema },
  'migration:resume': { request: Key, response: MigrationStateSchema },
  'migration:rollBack': { request: Key, response: MigrationStateSchema },
  'migration:list': { request: z.undefined(), response: z.array(MigrationStateSchema) },
} as const;

export const migrationEvents = {
  'migration:changed': MigrationStateSchema,
} as const;
