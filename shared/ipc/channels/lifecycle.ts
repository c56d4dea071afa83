/**
 * Connections over their lifetime (issue 15): find SMOOZ PrivateLink setups in an account, made
 * by this app or by hand from the manual, diagnose them, adopt them (implemented in
 * main/ipc/lifecycleHandlers.ts, service in main/lifecycle).
 *
 *   lifecycle:scan           → every setup in the profile's account and region, with findings
 *                              (`lifecycle:findings.<id>` texts) and whether this app tracks it.
 *                              Read-only in AWS and at SMOOZ (SMOOZ's connectivity test runs).
 *   lifecycle:adopt          → adopts a setup of the latest scan of that profile and region under
 *                              a name; re-reads the account and refuses a setup changed since
 *                              (`lifecycle.setupChanged`) or gone (`lifecycle.setupGone`).
 *                              Nothing in AWS changes. Answers the adoption (shared/lifecycle/adopt.ts).
 *   lifecycle:listAdoptions  → every adoption kept on this computer.
 *   lifecycle:release        → forgets an adoption (AWS untouched).
 *   lifecycle:teardown       → removes an adopted setup: SMOOZ's connection (its endpoint first),
 *                              then the CloudFormation stack holding it; a setup without a stack
 *                              is refused (`lifecycle.noStack`). Calling again resumes a teardown
 *                              that stopped (`teardownFailed`).
 * Event: `lifecycle:adoptionChanged` after every persisted adoption transition.
 * Errors: `lifecycle.*` codes (renderer/src/locales/<lang>/lifecycle.json `errors.*`), SMOOZ's
 * `smooz.*` and the AWS layer's `aws.*`.
 */
import { z } from 'zod';
import { AdoptionStateSchema } from '../../lifecycle/adopt';
import { LifecycleScanSchema } from '../../lifecycle/scan';

const Target = z.object({ profile: z.string().min(1), region: z.string().min(1) });

export const lifecycleChannels = {
  'lifecycle:scan': { request: Target, response: LifecycleScanSchema },
  'lifecycle:adopt': {
    request: Target.extend({ key: z.string().min(1), name: z.string().trim().min(1).max(64) }),
    response: AdoptionStateSchema,
  },
  'lifecycle:listAdoptions': { request: z.undefined(), response: z.array(AdoptionStateSchema) },
  'lifecycle:teardown': {
    request: z.object({ key: z.string().min(1) }),
    response: AdoptionStateSchema,
  },
  'lifecycle:release': {
    request: z.object({ key: z.string().min(1) }),
    response: AdoptionStateSchema,
  },
} as const;

export const lifecycleEvents = {
  'lifecycle:adoptionChanged': AdoptionStateSchema,
} as const;
