import { AppError } from '../../shared/errors';
import {
  reduceDiscard,
  remainingResources,
  startDiscard,
  type DiscardEvent,
  type DiscardPreview,
  type DiscardState,
} from '../../shared/flow/discard';
import { resourceKey, type CreatedResource } from '../../shared/flow/resources';
import type { SetupState } from '../../shared/flow/state';
import { mapAwsError } from '../aws/awsErrors';
import type { Logger } from '../base/logger';
import type { DiscardRepository } from './discardRepository';
import type { EngineClients } from './engineClients';
import type { FlowRepository } from './flowRepository';
import { SetupErrorCodes } from './setupErrors';
import {
  discoverConnectionResources,
  removeConnectionResource,
  scopeOfFlow,
  type ConnectionScope,
} from './teardown';
import type { EngineTiming } from './timing';

export interface DiscardRequest {
  readonly connectionId: string;
  readonly profile?: string | undefined;
  readonly region?: string | undefined;
}

export interface DiscarderDeps {
  readonly flows: FlowRepository;
  readonly discards: DiscardRepository;
  readonly clientsFor: (
    profile: string,
    region: string,
    signal?: AbortSignal,
  ) => Promise<EngineClients>;
  /** Whether the setup engine is working on the flow right now. */
  readonly isRunning: (connectionId: string) => boolean;
  readonly onChange: (state: DiscardState) => void;
  readonly timing: EngineTiming;
  readonly logger: Logger;
}

export interface Discarder {
  preview(request: DiscardRequest): Promise<DiscardPreview>;
  /** Starts (or resumes) removing the confirmed list in the background. */
  discard(request: DiscardRequest, confirmed: readonly CreatedResource[]): Promise<DiscardState>;
  get(connectionId: string): DiscardState | undefined;
  list(): DiscardState[];
  /** The discard once its background work has stopped. */
  settled(connectionId: string): Promise<DiscardState | undefined>;
}

/** Flows that are done and kept are connections, not abandoned setups: they use teardown. */
const discardable = (state: SetupState) => state.step !== 'complete';

/**
 * Discards abandoned setups: those unfinished on this computer, and those known only by their
 * tag in AWS. What is removed comes from the same discovery and removal code as teardown.
 */
export function createDiscarder(deps: DiscarderDeps): Discarder {
  const running = new Map<string, Promise<void>>();

  function target(request: DiscardRequest) {
    const flow = deps.flows.load(request.connectionId);
    if (flow) {
      if (!discardable(flow)) {
        throw new AppError(SetupErrorCodes.discardNotAbandoned, {
          connectionId: request.connectionId,
          step: flow.step,
        });
      }
      if (deps.isRunning(request.connectionId)) {
        throw new AppError(SetupErrorCodes.alreadyRunning, { connectionId: request.connectionId });
      }
      return {
        connectionId: request.connectionId,
        connectionName: flow.plan.connectionName,
        profile: flow.plan.profile,
        region: flow.plan.region,
        local: true,
        scope: scopeOfFlow(flow),
      };
    }
    if (request.profile === undefined || request.region === undefined) {
      throw new AppError(SetupErrorCodes.discardTargetMissing, {
        connectionId: request.connectionId,
      });
    }
    const scope: ConnectionScope = { connectionId: request.connectionId, created: [] };
    return {
      connectionId: request.connectionId,
      profile: request.profile,
      region: request.region,
      local: false,
      scope,
    };
  }

  async function preview(request: DiscardRequest): Promise<DiscardPreview> {
    const { scope, ...rest } = target(request);
    try {
      const clients = await deps.clientsFor(rest.profile, rest.region);
      return { ...rest, resources: await discoverConnectionResources(clients, scope) };
    } catch (error) {
      throw mapAwsError(error, { profile: rest.profile });
    }
  }

  function dispatch(state: DiscardState, event: DiscardEvent): DiscardState {
    const next = reduceDiscard(state, event);
    deps.discards.save(next);
    deps.onChange(next);
    return next;
  }

  async function drive(start: DiscardState): Promise<void> {
    let state = start;
    // A discard is not cancelled: it runs to its end, or fails and is resumed.
    const signal = new AbortController().signal;
    try {
      const clients = await deps.clientsFor(state.profile, state.region, signal);
      for (const resource of remainingResources(state)) {
        const outcome = await removeConnectionResource(clients, state.connectionId, resource, {
          timing: deps.timing,
          signal,
          stackTotal: 0,
          onStackEvents: () => undefined,
        });
        state = dispatch(state, { type: 'resourceRemoved', resource, ...outcome });
      }
      dispatch(state, { type: 'completed' });
    } catch (error) {
      const appError = mapAwsError(error, { profile: state.profile });
      deps.logger.warn('setup.discardFailed', { code: appError.code });
      dispatch(deps.discards.load(state.connectionId) ?? state, {
        type: 'failed',
        error: appError.toData(),
      });
    }
  }

  function launch(state: DiscardState): void {
    if (running.has(state.connectionId)) return;
    const done = drive(state)
      .catch((error: unknown) => {
        // Only a failure to persist lands here.
        deps.logger.error('setup.discardStopped', { error: String(error) });
      })
      .finally(() => running.delete(state.connectionId));
    running.set(state.connectionId, done);
  }

  return {
    preview,
    async discard(request, confirmed) {
      const existing = deps.discards.load(request.connectionId);
      if (existing) {
        // Idempotent: a finished discard answers as it is, an interrupted or failed one goes on.
        if (existing.step === 'discarded' || running.has(request.connectionId)) return existing;
        const next =
          existing.step === 'failed' ? dispatch(existing, { type: 'resumed' }) : existing;
        launch(next);
        return next;
      }
      const found = await preview(request);
      const confirmedKeys = new Set(confirmed.map(resourceKey));
      if (found.resources.some((r) => !confirmedKeys.has(resourceKey(r)))) {
        throw new AppError(SetupErrorCodes.discardPreviewStale, {
          connectionId: request.connectionId,
        });
      }
      const state = startDiscard(found);
      deps.discards.save(state);
      deps.onChange(state);
      launch(state);
      return state;
    },
    get: (connectionId) => deps.discards.load(connectionId),
    list: () => deps.discards.list(),
    async settled(connectionId) {
      await running.get(connectionId);
      return deps.discards.load(connectionId);
    },
  };
}
