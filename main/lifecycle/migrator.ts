import { randomUUID } from 'node:crypto';
import { AppError, type AppErrorData } from '../../shared/errors';
import type { SetupState } from '../../shared/flow/state';
import {
  reduceMigration,
  startMigration,
  type MigrationEvent,
  type MigrationState,
  type MigrationStep,
  type NewSetup,
  type NewSetupRequest,
} from '../../shared/lifecycle/migrate';
import type { Logger } from '../base/logger';
import { mapAwsError } from '../aws/awsErrors';
import type { SetupEngine } from '../engine/setupEngine';
import { nextPollMs, type EngineTiming } from '../engine/timing';
import type { SmoozApi } from '../smooz/smoozApiClient';
import type { AdoptionRepository } from './adoptionRepository';
import { LifecycleErrorCodes as Codes } from './lifecycleErrors';
import type { MigrationRepository } from './migrationRepository';

export type MigrationEventOut = {
  readonly type: 'migrationChanged';
  readonly state: MigrationState;
};

export interface MigratorDeps {
  readonly migrations: MigrationRepository;
  readonly adoptions: Pick<AdoptionRepository, 'load'>;
  /** Forgets the old setup's adoption once it is deleted (the lifecycle service, which tells the renderer). */
  readonly releaseAdoption: (key: string) => void;
  readonly engine: Pick<
    SetupEngine,
    | 'create'
    | 'get'
    | 'list'
    | 'runPreflight'
    | 'start'
    | 'resume'
    | 'settled'
    | 'teardown'
    | 'acceptEndpoint'
  >;
  readonly smooz: SmoozApi;
  /** Deletes the old setup's adopted parts (main/lifecycle/oldSetupRemoval.ts, with clients). */
  readonly removeOldSetup: (state: MigrationState) => Promise<void>;
  /**
   * Makes the new setup the app's line for SMOOZ's connection (home's list, its teardown), once
   * SMOOZ uses it; idempotent.
   */
  readonly linkToSmooz: (newConnectionId: string, smoozConnectionId: string) => Promise<void>;
  readonly logger: Logger;
  readonly now?: () => Date;
  readonly timing: MigrationTiming;
}

/** The engine's clock and poll policy, and how long SMOOZ may take before the step fails. */
export interface MigrationTiming extends Pick<EngineTiming, 'clock' | 'poll'> {
  /** SMOOZ's new endpoint becoming available, its old one going. */
  readonly smoozWaitMs: number;
}

export interface Migrator {
  start(key: string, request: NewSetupRequest): Promise<MigrationState>;
  /** Asks to stop after the step in progress; the migration waits before the next. */
  stop(key: string): MigrationState;
  resume(key: string): Promise<MigrationState>;
  /** Before the switch only: removes what the migration made; SMOOZ stays on the old path. */
  rollBack(key: string): Promise<MigrationState>;
  get(key: string): MigrationState | undefined;
  list(): MigrationState[];
  /** Continues every migration a crash or quit interrupted (called once at start-up). */
  resumeInterrupted(): void;
  /** The state once the background work has stopped. */
  settled(key: string): Promise<MigrationState>;
  subscribe(listener: (event: MigrationEventOut) => void): () => void;
}

/**
 * Runs migrations: every transition is reduced and persisted before the step acts, and every step
 * first looks at what already exists (the engine's flow, SMOOZ's connection), so resuming after a
 * crash at any point repeats nothing and leaves nothing behind.
 */
export function createMigrator(deps: MigratorDeps): Migrator {
  const now = () => (deps.now?.() ?? new Date()).toISOString();
  const listeners = new Set<(event: MigrationEventOut) => void>();
  const running = new Map<string, Promise<void>>();

  const load = (key: string): MigrationState => {
    const state = deps.migrations.load(key);
    if (!state) throw new AppError(Codes.notMigrating, { key });
    return state;
  };

  const transition = (key: string, event: MigrationEvent): MigrationState => {
    const next = reduceMigration(load(key), event);
    deps.migrations.save(next);
    for (const listener of listeners) {
      try {
        listener({ type: 'migrationChanged', state: next });
      } catch (error) {
        deps.logger.warn('lifecycle.migrationListenerFailed', { error: String(error) });
      }
    }
    return next;
  };

  /** Polls `read` until it answers a value, or fails the step once SMOOZ's wait is over. */
  async function until<T>(read: () => Promise<T | undefined>): Promise<T> {
    const { clock, poll, smoozWaitMs } = deps.timing;
    const deadline = clock.now() + smoozWaitMs;
    let wait: number | undefined;
    for (;;) {
      const value = await read();
      if (value !== undefined) return value;
      const left = deadline - clock.now();
      if (left <= 0) throw new AppError(Codes.smoozTimeout);
      wait = nextPollMs(poll, wait, false);
      await clock.sleep(Math.min(wait, left));
    }
  }

  /**
   * The new setup allows SMOOZ's IAM role alone (template ⑧) and accepts only SMOOZ's endpoint:
   * both come from SMOOZ's settings, asked now rather than taken from the caller.
   */
  async function engineRequest(state: MigrationState) {
    const settings = await deps.smooz.getSettings();
    return {
      ...state.request,
      smoozAccountId: settings.smoozAwsAccountId,
      smoozRoleArn: settings.smoozRoleArn,
      profile: state.profile,
      region: state.region,
    };
  }

  /**
   * The new service requires acceptance: SMOOZ's second endpoint stays pending until the new
   * setup's flow accepts it (only that endpoint, only from SMOOZ's account). Idempotent: the
   * engine does nothing for an endpoint it accepted already.
   */
  async function acceptSecondEndpoint(state: MigrationState, vpcEndpointId: string) {
    const id = state.newConnectionId as string;
    const current = deps.engine.get(id);
    // An acceptance that failed before (a crash, a refused call) goes on where it stopped.
    if ('resumeStep' in current && current.resumeStep === 'acceptingEndpoint') {
      await deps.engine.resume(id);
    } else {
      await deps.engine.acceptEndpoint(id, vpcEndpointId);
    }
    const flow = await deps.engine.settled(id);
    if (flow.step !== 'complete') {
      throw new AppError(Codes.newSetupIncomplete, { connectionId: id, step: flow.step });
    }
  }

  async function createNewSetup(key: string): Promise<NewSetup> {
    let state = load(key);
    if (!state.newConnectionId) {
      // A crash after the engine planned the flow but before we kept its id: take that flow.
      const planned = deps.engine
        .list()
        .find(
          (f) =>
            f.plan.connectionName === state.request.connectionName &&
            f.plan.database.identifier === state.request.database.identifier &&
            f.step !== 'tornDown' &&
            !deps.migrations.list().some((m) => m.newConnectionId === f.plan.connectionId),
        );
      const flow = planned ?? (await deps.engine.create(await engineRequest(state)));
      state = transition(key, { type: 'newSetupPlanned', newConnectionId: flow.plan.connectionId });
    }
    const id = state.newConnectionId as string;
    let flow: SetupState = deps.engine.get(id);
    for (let attempt = 0; attempt < 4 && flow.step !== 'complete'; attempt++) {
      if (flow.step === 'preflight') {
        flow = await deps.engine.runPreflight(id);
        if (flow.step === 'preflight') break;
      }
      if (flow.step === 'ready') await deps.engine.start(id);
      else if (flow.step !== 'complete') await deps.engine.resume(id);
      flow = await deps.engine.settled(id);
    }
    if (flow.step !== 'complete') {
      throw new AppError(Codes.newSetupIncomplete, { connectionId: id, step: flow.step });
    }
    const { outputs } = flow;
    return {
      endpointServiceName: outputs.endpointServiceName,
      availabilityZones: outputs.availabilityZoneIds.map((zoneId, i) => ({
        id: zoneId,
        name: outputs.availabilityZones[i] ?? zoneId,
      })),
    };
  }

  const newSetupOf = (state: MigrationState): NewSetup => {
    if (!state.newSetup) throw new AppError(Codes.newSetupIncomplete, { key: state.key });
    return state.newSetup;
  };

  /** One step; each returns once what it stands for is true at SMOOZ or in AWS. */
  async function act(state: MigrationState, step: MigrationStep): Promise<NewSetup | undefined> {
    const id = state.smoozConnectionId;
    switch (step) {
      case 'creatingNewSetup':
        return createNewSetup(state.key);
      case 'connectingSmooz': {
        const target = newSetupOf(state);
        const connection = await deps.smooz.getConnection(id);
        if (connection.endpointServiceName !== target.endpointServiceName) {
          await deps.smooz.startMigration(
            id,
            {
              endpointServiceName: target.endpointServiceName,
              availabilityZones: [...target.availabilityZones],
            },
            state.smoozIdempotencyKey,
          );
        }
        await until(async () => {
          const c = await deps.smooz.getConnection(id);
          if (c.endpointServiceName === target.endpointServiceName) return true;
          const m = c.migration;
          if (m?.status === 'failed' || m?.status === 'rejected') {
            throw new AppError(Codes.smoozEndpointFailed, {
              status: m.status,
              reason: m.statusReason?.message ?? '',
            });
          }
          if (m?.status === 'pending' && m.vpcEndpointId) {
            await acceptSecondEndpoint(state, m.vpcEndpointId);
          }
          return m?.status === 'available' ? true : undefined;
        });
        return undefined;
      }
      case 'testingNewPath': {
        const connection = await deps.smooz.getConnection(id);
        if (connection.endpointServiceName === newSetupOf(state).endpointServiceName) return;
        const result = await deps.smooz.testMigrationConnectivity(id);
        if (result.outcome !== 'succeeded') {
          throw new AppError(Codes.newPathTestFailed, {
            brokenLink: result.brokenLink ?? '',
            reason: result.reason?.message ?? '',
          });
        }
        return undefined;
      }
      case 'switching':
        await deps.smooz.switchMigration(id, newSetupOf(state).endpointServiceName);
        // From here SMOOZ uses the new setup; a restart before the step is kept links again.
        await deps.linkToSmooz(state.newConnectionId as string, id);
        return undefined;
      case 'removingOldEndpoint':
        await until(async () =>
          (await deps.smooz.getConnection(id)).retiredEndpoint ? undefined : true,
        );
        return undefined;
      case 'tearingDownOld': {
        await deps.removeOldSetup(state);
        if (deps.adoptions.load(state.key)?.step === 'adopted') deps.releaseAdoption(state.key);
        return undefined;
      }
    }
  }

  async function rollBack(state: MigrationState): Promise<void> {
    const connection = await deps.smooz.getConnection(state.smoozConnectionId);
    if (connection.migration) await deps.smooz.cancelMigration(state.smoozConnectionId);
    if (state.newConnectionId) {
      const flow = deps.engine.get(state.newConnectionId);
      if (flow.step !== 'tornDown') {
        await deps.engine.teardown(state.newConnectionId);
        const end = await deps.engine.settled(state.newConnectionId);
        if (end.step !== 'tornDown') {
          throw new AppError(Codes.newSetupIncomplete, {
            connectionId: state.newConnectionId,
            step: end.step,
          });
        }
      }
    }
  }

  async function drive(key: string): Promise<void> {
    for (;;) {
      const state = load(key);
      try {
        if (state.phase === 'rollingBack') {
          await rollBack(state);
          transition(key, { type: 'rolledBack', at: now() });
          return;
        }
        if (state.phase !== 'running') return;
        const newSetup = await act(state, state.step);
        transition(key, {
          type: 'stepDone',
          step: state.step,
          at: now(),
          ...(newSetup ? { newSetup } : {}),
        });
      } catch (error) {
        const appError = error instanceof AppError ? error : mapAwsError(error);
        const data: AppErrorData = { code: appError.code, params: { ...appError.params } };
        deps.logger.warn('lifecycle.migrationStepFailed', { key, code: data.code });
        try {
          transition(key, { type: 'failed', error: data });
        } catch (persistError) {
          // The state on disk still names the step: the next start resumes it.
          deps.logger.error('lifecycle.migrationNotSaved', { key, error: String(persistError) });
        }
        return;
      }
    }
  }

  const run = (key: string) => {
    const current = running.get(key);
    if (current) return current;
    const done = drive(key).finally(() => running.delete(key));
    running.set(key, done);
    return done;
  };

  return {
    async start(key, request) {
      const existing = deps.migrations.load(key);
      if (existing && existing.phase !== 'rolledBack') return existing;
      const adoption = deps.adoptions.load(key);
      if (!adoption) throw new AppError(Codes.notAdopted, { key });
      // SMOOZ logs in the way it already does (password or IAM), whatever the caller assumed.
      const connection = adoption.smoozConnectionId
        ? await deps.smooz.getConnection(adoption.smoozConnectionId)
        : undefined;
      const state = startMigration({
        adoption,
        request: connection ? { ...request, authMethod: connection.dbAuthMethod } : request,
        smoozIdempotencyKey: randomUUID(),
        at: now(),
      });
      deps.migrations.save(state);
      void run(key);
      return state;
    },
    stop: (key) => transition(key, { type: 'stopRequested' }),
    async resume(key) {
      const state = transition(key, { type: 'resumed' });
      void run(key);
      return state;
    },
    async rollBack(key) {
      // The machine refuses it after the switch (canRollBack), before anything runs.
      const state = transition(key, { type: 'rollBackStarted' });
      void run(key);
      return state;
    },
    get: (key) => deps.migrations.load(key),
    list: () => deps.migrations.list(),
    resumeInterrupted() {
      for (const state of deps.migrations.list()) {
        if (state.phase === 'running' || state.phase === 'rollingBack') void run(state.key);
      }
    },
    async settled(key) {
      await running.get(key);
      return load(key);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
