/**
 * Updating a connection's stack in place to the current template (issue 15; service in
 * main/lifecycle/upgrader.ts, machine in shared/lifecycle/upgrade.ts).
 *
 *   lifecycle:upgradeCheck   → the template version the connection's stack runs (its
 *                              `SmoozTemplateVersion` output; none = 1) and the app's current one,
 *                              with the connection's last upgrade. Read-only.
 *   lifecycle:upgradePreview → builds (or finds, when resumed) the change set and answers what it
 *                              changes (`reviewing`), or `refused` when it would replace or remove
 *                              the NLB or the endpoint service (the change set is deleted; the way
 *                              forward is the side-by-side migration), or `done` with
 *                              `alreadyCurrent` when nothing differs.
 *   lifecycle:upgradeApply   → executes the reviewed change set and answers once the update ends:
 *                              `done`, `rolledBack` (the failing resource and AWS's reason) or
 *                              `failed` (calling again resumes).
 *   lifecycle:upgradeCancel  → deletes a reviewed change set unapplied (`cancelled`).
 *   lifecycle:upgradeChanged → every transition, as it is saved (progress while applying).
 * Errors: `lifecycle.*` (renderer/src/locales/<lang>/lifecycle.json `errors.*`) and `aws.*`.
 */
import { z } from 'zod';
import { UpgradeStateSchema } from '../../lifecycle/upgrade';

const Connection = z.object({ connectionId: z.string().min(1) });

export const UpgradeCheckSchema = z.object({
  connectionId: z.string(),
  stackVersion: z.number().int().positive(),
  currentVersion: z.number().int().positive(),
  upgrade: UpgradeStateSchema.optional(),
});

export const upgradeChannels = {
  'lifecycle:upgradeCheck': { request: Connection, response: UpgradeCheckSchema },
  'lifecycle:upgradePreview': { request: Connection, response: UpgradeStateSchema },
  'lifecycle:upgradeApply': { request: Connection, response: UpgradeStateSchema },
  'lifecycle:upgradeCancel': { request: Connection, response: UpgradeStateSchema },
} as const;

export const upgradeEvents = {
  'lifecycle:upgradeChanged': UpgradeStateSchema,
} as const;
