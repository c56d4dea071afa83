import { AppError } from '../../shared/errors';
import type { SetupState } from '../../shared/flow/state';
import type { ConnectionSummary } from '../../shared/connections';
import { reduceGuided, startGuided, type GuidedEvent } from '../../shared/guided/guidedMachine';
import type { GuidedPhaseName, GuidedRecord } from '../../shared/guided/guidedRecord';
import type { SetupEngine } from '../engine/setupEngine';
import type { AppStore } from '../base/appStore';
import type { Logger } from '../base/logger';
import { checkConnectivity } from '../smooz/connectivityCheck';
import type { CrossChecker } from '../smooz/customerCrossCheck';
import type { SmoozConnection } from '../smooz/smoozApiClient';
import { SmoozErrorCodes } from '../smooz/smoozErrors';
import type { SmoozServices } from '../smooz/smoozServices';
import { GuidedErrorCodes } from './guidedErrors';
import type { GuidedStore } from './guidedStore';
import { connectionRequest, customerSide, idempotencyKey, type AfterStack } from './smoozRequest';
import { createListeners, type Subscribable } from '../base/listeners';

export interface GuidedServiceDeps {
  readonly engine: Pick<SetupEngine, 'get' | 'teardown' | 'settled' | 'acceptEndpoint'>;
  readonly smooz: Pick<SmoozServices, 'client' | 'tracker'>;
  readonly crossCheck: CrossChecker;
  readonly store: GuidedStore;
  readonly connections: Pick<AppStore, 'upsertConnection' | 'removeConnection'>;
  readonly logger: Logger;
  readonly now?: () => Date;
}

/**
 * The last stretch of the guided flow, kept thin: the engine made the stack, SMOOZ's client and
 * tracker do the API work; this hands one to the other, remembers where it is (so a restart
 * continues), and keeps the connection's line in the home list current.
 */
export interface GuidedService extends Subscribable<GuidedRecord> {
  finish(connectionId: string): Promise<GuidedRecord>;
  /**
   * Makes a finished setup the app's line for a SMOOZ connection that already exists (a
   * migration's new setup once SMOOZ has switched to it): SMOOZ's answer, no create. Idempotent.
   */
  link(connectionId: string, smoozConnectionId: string): Promise<GuidedRecord>;
  /** The record, refreshed from SMOOZ while the endpoint is still on its way. */
  get(connectionId: string): Promise<GuidedRecord | null>;
  list(): Promise<GuidedRecord[]>;
  recheck(connectionId: string): Promise<GuidedRecord>;
  /** Starts removing SMOOZ's endpoint, then the AWS side; answers at once, goes on in the background. */
  teardown(connectionId: string): Promise<GuidedRecord | null>;
  /** Waits for a teardown started here (tests, shutdown). */
  settled(connectionId: string): Promise<void>;
}

const LIST_STATUS: Readonly<Record<GuidedPhaseName, ConnectionSummary['status']>> = {
  creating: 'in-progress',
  tracking: 'in-progress',
  available: 'available',
  failed: 'failed',
  rejected: 'failed',
  deleting: 'deleting',
  deleted: 'deleting',
};

const STILL_MOVING = new Set<GuidedPhaseName>(['creating', 'tracking']);
/** Stopped steps that go back to where they were (acceptance among them). */
const RESUMABLE = new Set<SetupState['step']>(['failed', 'waitingForLogin', 'cancelled']);

export function createGuidedService(deps: GuidedServiceDeps): GuidedService {
  const now = () => (deps.now ?? (() => new Date()))().toISOString();
  const teardowns = new Map<string, Promise<void>>();
  const changes = createListeners<GuidedRecord>((error) =>
    deps.logger.warn('guided.listenerFailed', { error: String(error) }),
  );

  const completeFlow = (connectionId: string): AfterStack => {
    const state = deps.engine.get(connectionId);
    const acceptance =
      state.step === 'acceptingEndpoint' ||
      (RESUMABLE.has(state.step) &&
        'resumeStep' in state &&
        state.resumeStep === 'acceptingEndpoint');
    if ((state.step !== 'complete' && !acceptance) || state.outputs === undefined) {
      throw new AppError(GuidedErrorCodes.notComplete, { step: state.step });
    }
    return { plan: state.plan, outputs: state.outputs };
  };

  /** SMOOZ named its endpoint: the engine accepts it (and only it) on the customer's side. */
  const acceptReported = (record: GuidedRecord): void => {
    if (record.vpcEndpointId === undefined) return;
    deps.engine.acceptEndpoint(record.connectionId, record.vpcEndpointId).catch((error) => {
      deps.logger.warn('guided.acceptFailed', { error: String(error) });
    });
  };

  const listLine = (state: SetupState, record: GuidedRecord) =>
    deps.connections.upsertConnection({
      id: record.connectionId,
      name: state.plan.connectionName,
      region: state.plan.region,
      awsAccountId: state.plan.accountId,
      ...(state.outputs ? { endpointServiceName: state.outputs.endpointServiceName } : {}),
      status: LIST_STATUS[record.phase],
      createdAt: record.startedAt,
      updatedAt: record.updatedAt,
    });

  /** Every change goes through the machine, and is on disk before anything acts on it. */
  const save = (record: GuidedRecord): GuidedRecord => {
    deps.store.save(record);
    try {
      listLine(deps.engine.get(record.connectionId), record);
    } catch (error) {
      deps.logger.warn('guided.listLineFailed', { error: String(error) });
    }
    return record;
  };

  const dispatch = (record: GuidedRecord, event: GuidedEvent): GuidedRecord =>
    save(reduceGuided(record, event));

  /** Folds SMOOZ's answer into the record: status, its history, and the reason when it failed. */
  const withStatus = (record: GuidedRecord, connection: SmoozConnection): GuidedRecord =>
    reduceGuided(record, { type: 'smoozAnswered', connection, at: now() });

  const verify = async (record: GuidedRecord): Promise<GuidedRecord> => {
    const state = completeFlow(record.connectionId);
    const crossCheck = await deps.crossCheck({
      customerSide: customerSide(state),
      smoozStatus: record.smoozStatus ?? 'pending',
      ...(record.vpcEndpointId ? { vpcEndpointId: record.vpcEndpointId } : {}),
    });
    // SMOOZ can log in only once its side is `available`; before that the test would be refused.
    const connectivity =
      record.smoozStatus === 'available' && record.smoozConnectionId !== undefined
        ? await checkConnectivity(deps.smooz.client, record.smoozConnectionId)
        : undefined;
    return reduceGuided(record, {
      type: 'verified',
      verification: {
        checkedAt: now(),
        smoozStatus: record.smoozStatus ?? null,
        crossCheck,
        ...(connectivity && 'result' in connectivity ? { connectivity: connectivity.result } : {}),
        ...(connectivity && 'error' in connectivity
          ? { connectivityError: connectivity.error }
          : {}),
      },
      at: now(),
    });
  };

  /** Asks SMOOZ where the endpoint is now; on `available`, checks it from the customer's side. */
  const refresh = async (record: GuidedRecord): Promise<GuidedRecord> => {
    if (record.smoozConnectionId === undefined) return record;
    try {
      const connection = await deps.smooz.client.getConnection(record.smoozConnectionId);
      const next = withStatus(record, connection);
      acceptReported(next);
      if (next.smoozStatus === record.smoozStatus) return record;
      // Stored with its verification (read-only checks): if they cannot run, the next look
      // still finds the record moving and tries again.
      return save(
        next.phase === 'available' && record.phase !== 'available' ? await verify(next) : next,
      );
    } catch (error) {
      // Shown with the record, not stored: the next look asks SMOOZ again.
      if (error instanceof AppError)
        return reduceGuided(record, { type: 'pollFailed', error: error.toData() });
      throw error;
    }
  };

  async function finish(connectionId: string) {
    const state = completeFlow(connectionId);
    const existing = deps.store.load(connectionId);
    const retrying = existing?.phase === 'failed' || existing?.phase === 'rejected';
    if (existing?.smoozConnectionId !== undefined && !retrying) return refresh(existing);
    // Persisted before the call: a crash here retries with the same key, never a second create.
    let record = save(
      existing === undefined
        ? startGuided(connectionId, now())
        : reduceGuided(existing, { type: 'attemptStarted', at: now() }),
    );
    changes.emit(record);
    try {
      const created = await deps.smooz.client.createConnection(
        connectionRequest(state),
        idempotencyKey(`${connectionId}-${record.attempt}`),
      );
      deps.smooz.tracker.track({
        connectionId: created.id,
        purpose: 'create',
        startedAt: now(),
        customerSide: customerSide(state),
      });
      record = dispatch(record, { type: 'smoozAnswered', connection: created, at: now() });
      acceptReported(record);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      record = dispatch(record, { type: 'createFailed', error: error.toData(), at: now() });
    }
    changes.emit(record);
    return record;
  }

  async function link(connectionId: string, smoozConnectionId: string) {
    const existing = deps.store.load(connectionId);
    if (existing !== undefined) return existing;
    const connection = await deps.smooz.client.getConnection(smoozConnectionId);
    const record = dispatch(startGuided(connectionId, now()), {
      type: 'smoozAnswered',
      connection,
      at: now(),
    });
    changes.emit(record);
    return record;
  }

  async function removeSmoozSide(record: GuidedRecord) {
    const smoozId = record.smoozConnectionId;
    if (smoozId === undefined) return record;
    const state = completeFlow(record.connectionId);
    try {
      await deps.smooz.client.deleteConnection(smoozId);
      deps.smooz.tracker.track({
        connectionId: smoozId,
        purpose: 'delete',
        startedAt: now(),
        customerSide: customerSide(state),
      });
      await deps.smooz.tracker.settled(smoozId);
      await deps.smooz.client.getConnection(smoozId);
      // Still known to SMOOZ after tracking ended (time limit): leave the AWS side in place.
      const stuck = dispatch(record, {
        type: 'problemNoted',
        error: { code: SmoozErrorCodes.trackingTimedOut },
        at: now(),
      });
      changes.emit(stuck);
      return undefined;
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== SmoozErrorCodes.notFound) throw error;
    }
    const gone = dispatch(record, { type: 'smoozDeleted', at: now() });
    changes.emit(gone);
    return gone;
  }

  async function teardownInBackground(connectionId: string, record: GuidedRecord | undefined) {
    try {
      if (record !== undefined && record.phase !== 'deleted') {
        const removed = await removeSmoozSide(record);
        if (removed === undefined) return;
      }
      await deps.engine.teardown(connectionId);
      const end = await deps.engine.settled(connectionId);
      if (end.step === 'tornDown') deps.connections.removeConnection(connectionId);
    } catch (error) {
      deps.logger.error('guided.teardownFailed', { connectionId, error: String(error) });
      const latest = deps.store.load(connectionId);
      if (latest !== undefined && error instanceof AppError) {
        changes.emit(dispatch(latest, { type: 'problemNoted', error: error.toData(), at: now() }));
      }
    }
  }

  return {
    subscribe: changes.subscribe,
    finish,
    link,
    async get(connectionId) {
      const record = deps.store.load(connectionId);
      if (record === undefined) return null;
      return STILL_MOVING.has(record.phase) ? refresh(record) : record;
    },
    async list() {
      return Promise.all(
        deps.store.list().map((r) => (STILL_MOVING.has(r.phase) ? refresh(r) : r)),
      );
    },
    async recheck(connectionId) {
      const record = deps.store.load(connectionId);
      if (record === undefined) throw new AppError(GuidedErrorCodes.notFound);
      const fresh = await refresh(record);
      const checked = fresh.smoozConnectionId === undefined ? fresh : save(await verify(fresh));
      changes.emit(checked);
      return checked;
    },
    async teardown(connectionId) {
      deps.engine.get(connectionId);
      const record = deps.store.load(connectionId);
      let shown: GuidedRecord | undefined = record;
      if (record?.smoozConnectionId !== undefined && record.phase !== 'deleted') {
        // A retry starts clean (the machine drops the last attempt's problem).
        shown = dispatch(record, { type: 'teardownStarted', at: now() });
      }
      const work = teardownInBackground(connectionId, shown).finally(() =>
        teardowns.delete(connectionId),
      );
      teardowns.set(connectionId, work);
      return shown ?? null;
    },
    async settled(connectionId) {
      await teardowns.get(connectionId);
    },
  };
}
