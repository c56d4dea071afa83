import { AppError } from '../../shared/errors';
import type { SetupState } from '../../shared/flow/state';
import type { ConnectionSummary } from '../../shared/connections';
import type { GuidedPhaseName, GuidedRecord } from '../../shared/ipc/channels/guided';
import type { SetupEngine } from '../engine/setupEngine';
import type { AppStore } from '../services/appStore';
import type { Logger } from '../services/logger';
import { checkConnectivity } from '../smooz/connectivityCheck';
import type { CrossChecker } from '../smooz/customerCrossCheck';
import type { SmoozConnection } from '../smooz/smoozApiClient';
import { SmoozErrorCodes } from '../smooz/smoozErrors';
import type { SmoozServices } from '../smooz/smoozServices';
import { GuidedErrorCodes } from './guidedErrors';
import type { GuidedStore } from './guidedStore';
import { connectionRequest, customerSide, idempotencyKey, type AfterStack } from './smoozRequest';

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
export interface GuidedService {
  finish(connectionId: string, onChange: (record: GuidedRecord) => void): Promise<GuidedRecord>;
  /** The record, refreshed from SMOOZ while the endpoint is still on its way. */
  get(connectionId: string): Promise<GuidedRecord | null>;
  list(): Promise<GuidedRecord[]>;
  recheck(connectionId: string): Promise<GuidedRecord>;
  /** Starts removing SMOOZ's endpoint, then the AWS side; answers at once, goes on in the background. */
  teardown(
    connectionId: string,
    onChange: (record: GuidedRecord) => void,
  ): Promise<GuidedRecord | null>;
  /** Waits for a teardown started here (tests, shutdown). */
  settled(connectionId: string): Promise<void>;
}

const PHASE_OF: Readonly<Record<SmoozConnection['status'], GuidedPhaseName>> = {
  pending: 'tracking',
  available: 'available',
  failed: 'failed',
  rejected: 'rejected',
  deleting: 'deleting',
};

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

  const save = (record: GuidedRecord): GuidedRecord => {
    deps.store.save(record);
    try {
      listLine(deps.engine.get(record.connectionId), record);
    } catch (error) {
      deps.logger.warn('guided.listLineFailed', { error: String(error) });
    }
    return record;
  };

  /** Folds SMOOZ's answer into the record: status, its history, and the reason when it failed. */
  const withStatus = (record: GuidedRecord, connection: SmoozConnection): GuidedRecord => {
    const last = record.history.at(-1);
    const at = now();
    const { problem: _previous, ...rest } = record;
    return {
      ...rest,
      smoozConnectionId: connection.id,
      smoozStatus: connection.status,
      ...(connection.vpcEndpointId ? { vpcEndpointId: connection.vpcEndpointId } : {}),
      phase: PHASE_OF[connection.status],
      ...(connection.statusReason
        ? {
            problem: {
              code: 'guided.smoozStatusReason',
              params: {
                reason: connection.statusReason.code,
                message: connection.statusReason.message,
              },
            },
          }
        : {}),
      history:
        last?.status === connection.status
          ? record.history
          : [...record.history, { status: connection.status, at }],
      updatedAt: at,
    };
  };

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
    return {
      ...record,
      verification: {
        checkedAt: now(),
        smoozStatus: record.smoozStatus ?? null,
        crossCheck,
        ...(connectivity && 'result' in connectivity ? { connectivity: connectivity.result } : {}),
        ...(connectivity && 'error' in connectivity
          ? { connectivityError: connectivity.error }
          : {}),
      },
      updatedAt: now(),
    };
  };

  /** Asks SMOOZ where the endpoint is now; on `available`, checks it from the customer's side. */
  const refresh = async (record: GuidedRecord): Promise<GuidedRecord> => {
    if (record.smoozConnectionId === undefined) return record;
    try {
      const connection = await deps.smooz.client.getConnection(record.smoozConnectionId);
      let next = withStatus(record, connection);
      acceptReported(next);
      if (next.phase === 'available' && record.phase !== 'available') next = await verify(next);
      return next.smoozStatus === record.smoozStatus && next.verification === record.verification
        ? record
        : save(next);
    } catch (error) {
      if (error instanceof AppError) return { ...record, problem: error.toData() };
      throw error;
    }
  };

  async function finish(connectionId: string, onChange: (r: GuidedRecord) => void) {
    const state = completeFlow(connectionId);
    const existing = deps.store.load(connectionId);
    const retrying = existing?.phase === 'failed' || existing?.phase === 'rejected';
    if (existing?.smoozConnectionId !== undefined && !retrying) return refresh(existing);
    // A new attempt only after SMOOZ itself failed or rejected one; otherwise replay the same key.
    const attempt =
      existing === undefined
        ? 1
        : retrying && existing.smoozConnectionId !== undefined
          ? existing.attempt + 1
          : existing.attempt;
    // Persisted before the call: a crash here retries with the same key, never a second create.
    const {
      problem: _previous,
      smoozConnectionId: _old,
      ...base
    } = existing ?? {
      connectionId,
      history: [],
      startedAt: now(),
    };
    let record: GuidedRecord = save({ ...base, phase: 'creating', attempt, updatedAt: now() });
    onChange(record);
    try {
      const created = await deps.smooz.client.createConnection(
        connectionRequest(state),
        idempotencyKey(`${connectionId}-${attempt}`),
      );
      deps.smooz.tracker.track({
        connectionId: created.id,
        purpose: 'create',
        startedAt: now(),
        customerSide: customerSide(state),
      });
      record = save(withStatus(record, created));
      acceptReported(record);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      record = save({ ...record, phase: 'failed', problem: error.toData(), updatedAt: now() });
    }
    onChange(record);
    return record;
  }

  async function removeSmoozSide(record: GuidedRecord, onChange: (r: GuidedRecord) => void) {
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
      const stuck = save({
        ...record,
        problem: { code: SmoozErrorCodes.trackingTimedOut },
        updatedAt: now(),
      });
      onChange(stuck);
      return undefined;
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== SmoozErrorCodes.notFound) throw error;
    }
    const { problem: _p, ...rest } = record;
    const gone = save({
      ...rest,
      phase: 'deleted',
      history: [...record.history, { status: 'deleted', at: now() }],
      updatedAt: now(),
    });
    onChange(gone);
    return gone;
  }

  async function teardownInBackground(
    connectionId: string,
    record: GuidedRecord | undefined,
    onChange: (r: GuidedRecord) => void,
  ) {
    try {
      if (record !== undefined && record.phase !== 'deleted') {
        const removed = await removeSmoozSide(record, onChange);
        if (removed === undefined) return;
      }
      await deps.engine.teardown(connectionId);
      const end = await deps.engine.settled(connectionId);
      if (end.step === 'tornDown') deps.connections.removeConnection(connectionId);
    } catch (error) {
      deps.logger.error('guided.teardownFailed', { connectionId, error: String(error) });
      const latest = deps.store.load(connectionId);
      if (latest !== undefined && error instanceof AppError) {
        onChange(save({ ...latest, problem: error.toData(), updatedAt: now() }));
      }
    }
  }

  return {
    finish,
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
      return fresh.smoozConnectionId === undefined ? fresh : save(await verify(fresh));
    },
    async teardown(connectionId, onChange) {
      deps.engine.get(connectionId);
      const record = deps.store.load(connectionId);
      let shown: GuidedRecord | undefined = record;
      if (record?.smoozConnectionId !== undefined && record.phase !== 'deleted') {
        // A retry starts clean: the last attempt's problem would read as this one's failure.
        const { problem: _p, ...rest } = record;
        shown = save({ ...rest, phase: 'deleting', updatedAt: now() });
      }
      const work = teardownInBackground(connectionId, shown, onChange).finally(() =>
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
