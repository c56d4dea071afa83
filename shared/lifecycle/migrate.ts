import { z } from 'zod';
import { AppError, AppErrorSchema, type AppErrorData } from '../errors';
import type { DeepReadonly } from '../flow/readonly';
import { SetupRequestSchema } from '../flow/setupRequest';
import { illegalTransitionError } from '../machine/illegalTransition';
import { AdoptedPartsSchema, adoptedSetupIdentity, type AdoptionState } from './adopt';

/**
 * Moving an adopted setup to the current design side by side, so SMOOZ always has one working
 * path. The steps run in this order; main persists each transition before acting and every step
 * first looks at what exists (a crash between acting and persisting repeats nothing).
 *
 *   creatingNewSetup    the app's own setup next to the old one (same database, new names)
 *   connectingSmooz     SMOOZ's second endpoint to the new service, until `available`
 *   testingNewPath      SMOOZ's connectivity test through the new endpoint succeeds
 *   switching           SMOOZ moves the connection onto the new endpoint
 *   removingOldEndpoint SMOOZ's old endpoint is gone
 *   tearingDownOld      the old setup's resources are deleted (exactly the adopted parts)
 *
 *   running(creatingNewSetup) ─newSetupPlanned→ running (the engine's flow id kept)
 *   running ─stepDone→ running(next) | stopped(next) when a stop was asked | done
 *   running ─failed→ failed;  stopped | failed ─resumed→ running
 *   stopped | failed (before `switching`) ─rollBackStarted→ rollingBack ─rolledBack→ rolledBack
 *   rollingBack ─failed→ failed (rollingBack) ─resumed→ rollingBack
 *
 * Up to `switching` the old path is SMOOZ's; rolling back removes only what the migration made.
 */
export const MIGRATION_STEPS = [
  'creatingNewSetup',
  'connectingSmooz',
  'testingNewPath',
  'switching',
  'removingOldEndpoint',
  'tearingDownOld',
] as const;
export const MigrationStepSchema = z.enum(MIGRATION_STEPS);
export type MigrationStep = z.infer<typeof MigrationStepSchema>;

/** Steps after which SMOOZ may already be on the new path: no way back from there. */
const FIRST_STEP_WITHOUT_ROLLBACK: MigrationStep = 'switching';

const ZoneSchema = z.object({ id: z.string().min(1), name: z.string().min(1) });

/** What the new setup turned out to be, once `creatingNewSetup` is done. */
export const NewSetupSchema = z.object({
  endpointServiceName: z.string().min(1),
  availabilityZones: z.array(ZoneSchema).min(1),
});

/** The new setup is asked of the setup engine as any other: the same database and login method. */
export const NewSetupRequestSchema = SetupRequestSchema;
export type NewSetupRequest = DeepReadonly<z.infer<typeof NewSetupRequestSchema>>;

const base = {
  /** The adoption's: `key` is the old endpoint service id. */
  ...adoptedSetupIdentity,
  /** Exactly what tearing down the old setup deletes. */
  oldParts: AdoptedPartsSchema,
  smoozConnectionId: z.string().min(1),
  request: NewSetupRequestSchema,
  /** The setup engine's flow id of the new setup, once planned (a retry continues that flow). */
  newConnectionId: z.string().min(1).optional(),
  /** Sent with SMOOZ's startMigration, so a retried request never makes a third endpoint. */
  smoozIdempotencyKey: z.string().min(16),
  newSetup: NewSetupSchema.optional(),
  /** Steps finished so far, with when. */
  completed: z.array(z.object({ step: MigrationStepSchema, at: z.string() })),
  startedAt: z.string(),
};

export const MigrationStateSchema = z.discriminatedUnion('phase', [
  z.object({
    phase: z.literal('running'),
    ...base,
    step: MigrationStepSchema,
    stopRequested: z.boolean(),
  }),
  /** Waiting for the user before `step`. */
  z.object({ phase: z.literal('stopped'), ...base, step: MigrationStepSchema }),
  z.object({
    phase: z.literal('failed'),
    ...base,
    step: z.union([MigrationStepSchema, z.literal('rollingBack')]),
    error: AppErrorSchema,
  }),
  z.object({ phase: z.literal('rollingBack'), ...base, step: MigrationStepSchema }),
  z.object({ phase: z.literal('rolledBack'), ...base, finishedAt: z.string() }),
  z.object({ phase: z.literal('done'), ...base, finishedAt: z.string() }),
]);
export type MigrationState = DeepReadonly<z.infer<typeof MigrationStateSchema>>;
export type MigrationPhase = MigrationState['phase'];
export type NewSetup = DeepReadonly<z.infer<typeof NewSetupSchema>>;

export type MigrationEvent =
  | {
      readonly type: 'stepDone';
      readonly step: MigrationStep;
      readonly at: string;
      /** With `creatingNewSetup`: the new setup's service and zones. */
      readonly newSetup?: NewSetup;
    }
  | { readonly type: 'newSetupPlanned'; readonly newConnectionId: string }
  | { readonly type: 'stopRequested' }
  | { readonly type: 'failed'; readonly error: AppErrorData }
  | { readonly type: 'resumed' }
  | { readonly type: 'rollBackStarted' }
  | { readonly type: 'rolledBack'; readonly at: string };

export const ILLEGAL_MIGRATION_TRANSITION = 'lifecycle.illegalMigrationTransition';
export const IllegalMigrationTransitionError = illegalTransitionError<
  MigrationPhase,
  MigrationEvent['type']
>(ILLEGAL_MIGRATION_TRANSITION, 'phase');

export interface MigrationStart {
  readonly adoption: AdoptionState;
  readonly request: NewSetupRequest;
  readonly smoozIdempotencyKey: string;
  readonly at: string;
}

/** A migration starts from an adopted setup SMOOZ is connected through. */
export function startMigration(start: MigrationStart): MigrationState {
  const { adoption } = start;
  if (adoption.step !== 'adopted' || !adoption.smoozConnectionId) {
    throw new AppError('lifecycle.migrationNeedsAdoptedSmoozConnection', { key: adoption.key });
  }
  return {
    phase: 'running',
    step: 'creatingNewSetup',
    stopRequested: false,
    key: adoption.key,
    name: adoption.name,
    profile: adoption.profile,
    region: adoption.region,
    accountId: adoption.accountId,
    origin: adoption.origin,
    oldParts: adoption.parts,
    smoozConnectionId: adoption.smoozConnectionId,
    request: start.request,
    smoozIdempotencyKey: start.smoozIdempotencyKey,
    completed: [],
    startedAt: start.at,
  };
}

/** True while SMOOZ is certainly still on the old path, so going back is safe. */
export function canRollBack(state: MigrationState): boolean {
  return (
    (state.phase === 'stopped' || (state.phase === 'failed' && state.step !== 'rollingBack')) &&
    MIGRATION_STEPS.indexOf(state.step as MigrationStep) <
      MIGRATION_STEPS.indexOf(FIRST_STEP_WITHOUT_ROLLBACK)
  );
}

/** The migration's only transition function: pure; throws for every illegal (phase, event). */
export function reduceMigration(state: MigrationState, event: MigrationEvent): MigrationState {
  const illegal = () => new IllegalMigrationTransitionError(state.phase, event.type);
  const strip = <T extends object>(s: T, ...keys: string[]) =>
    Object.fromEntries(Object.entries(s).filter(([k]) => !keys.includes(k)));
  switch (event.type) {
    case 'stepDone': {
      if (state.phase !== 'running' || state.step !== event.step) throw illegal();
      if ((event.step === 'creatingNewSetup') !== (event.newSetup !== undefined)) throw illegal();
      if (!state.newConnectionId) throw illegal();
      const completed = [...state.completed, { step: event.step, at: event.at }];
      const rest = strip(state, 'step', 'stopRequested', 'phase') as Omit<
        Extract<MigrationState, { phase: 'running' }>,
        'phase' | 'step' | 'stopRequested'
      >;
      const withFacts = {
        ...rest,
        completed,
        ...(event.newSetup ? { newSetup: event.newSetup } : {}),
      };
      const next = MIGRATION_STEPS[MIGRATION_STEPS.indexOf(event.step) + 1];
      if (!next) return { ...withFacts, phase: 'done', finishedAt: event.at };
      return state.stopRequested
        ? { ...withFacts, phase: 'stopped', step: next }
        : { ...withFacts, phase: 'running', step: next, stopRequested: false };
    }
    case 'newSetupPlanned':
      if (state.phase !== 'running' || state.step !== 'creatingNewSetup' || state.newConnectionId) {
        throw illegal();
      }
      return { ...state, newConnectionId: event.newConnectionId };
    case 'stopRequested':
      if (state.phase !== 'running' || state.stopRequested) throw illegal();
      return { ...state, stopRequested: true };
    case 'failed': {
      if (state.phase === 'running') {
        const rest = strip(state, 'stopRequested', 'phase') as Omit<
          Extract<MigrationState, { phase: 'running' }>,
          'phase' | 'stopRequested'
        >;
        return { ...rest, phase: 'failed', error: event.error };
      }
      if (state.phase === 'rollingBack') {
        return { ...state, phase: 'failed', step: 'rollingBack', error: event.error };
      }
      throw illegal();
    }
    case 'resumed': {
      if (state.phase === 'stopped') return { ...state, phase: 'running', stopRequested: false };
      if (state.phase !== 'failed') throw illegal();
      const rest = strip(state, 'error', 'phase', 'step') as Omit<
        Extract<MigrationState, { phase: 'failed' }>,
        'phase' | 'error' | 'step'
      >;
      if (state.step === 'rollingBack') {
        const reached = MIGRATION_STEPS.find((s) => !state.completed.some((c) => c.step === s));
        return { ...rest, phase: 'rollingBack', step: reached ?? 'creatingNewSetup' };
      }
      return { ...rest, phase: 'running', step: state.step, stopRequested: false };
    }
    case 'rollBackStarted': {
      if (!canRollBack(state)) throw illegal();
      const rest = strip(state, 'error', 'phase') as Omit<
        Extract<MigrationState, { phase: 'stopped' }>,
        'phase'
      >;
      return { ...rest, phase: 'rollingBack' };
    }
    case 'rolledBack': {
      if (state.phase !== 'rollingBack') throw illegal();
      const rest = strip(state, 'phase', 'step') as Omit<
        Extract<MigrationState, { phase: 'rollingBack' }>,
        'phase' | 'step'
      >;
      return { ...rest, phase: 'rolledBack', finishedAt: event.at };
    }
  }
}

/**
 * The migration that is making (or rolling back) this setup, if any: until it is done or rolled
 * back, only the migration may remove the new setup, or SMOOZ could lose both paths.
 */
export const migrationOwning = (
  migrations: readonly MigrationState[],
  connectionId: string,
): MigrationState | undefined =>
  migrations.find(
    (m) => m.newConnectionId === connectionId && m.phase !== 'done' && m.phase !== 'rolledBack',
  );
