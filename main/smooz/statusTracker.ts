import { AppError } from '../../shared/errors';
import type { SmoozStatusEvent } from '../../shared/ipc/channels/smooz';
import type { CrossCheck } from '../../shared/smooz/crossCheck';
import {
  IllegalTrackingTransitionError,
  isLive,
  reduceTracking,
  startTracking,
  type TrackingEvent,
} from '../../shared/smooz/trackingMachine';
import type { TrackedConnection, TrackingRecord } from '../../shared/smooz/trackingRecord';
import type { Logger } from '../base/logger';
import { sleep as abortableSleep } from '../base/backoff';
import type { CrossChecker } from './customerCrossCheck';
import type { SmoozApi } from './smoozApiClient';
import { SmoozErrorCodes } from './smoozErrors';
import type { TrackingStore } from './trackingStore';

export interface TrackingPolicy {
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  readonly factor: number;
  /** From the start of tracking (kept across restarts). */
  readonly timeLimitMs: number;
}

/** SMOOZ reports `pending` for about a minute; poll soon, then back off, give up after 15 min. */
export const DEFAULT_TRACKING_POLICY: TrackingPolicy = {
  initialDelayMs: 2_000,
  maxDelayMs: 30_000,
  factor: 1.5,
  timeLimitMs: 15 * 60_000,
};

export interface StatusTrackerOptions {
  readonly client: SmoozApi;
  readonly store: TrackingStore;
  readonly emit: (event: SmoozStatusEvent) => void;
  readonly crossCheck?: CrossChecker;
  readonly policy?: TrackingPolicy;
  readonly now?: () => Date;
  readonly logger?: Logger;
  /** Where the status history is kept across restarts, for the diagnostic report. */
  readonly history?: {
    load(): SmoozStatusEvent[];
    save(events: readonly SmoozStatusEvent[]): void;
  };
}

export interface StatusTracker {
  track(entry: TrackedConnection): void;
  /** Starts every persisted entry again (at start-up, or after a new token is set). */
  resume(): void;
  list(): { tracked: TrackedConnection; last?: SmoozStatusEvent }[];
  /** The latest status events of every connection, oldest first (for the diagnostic report). */
  history(): readonly SmoozStatusEvent[];
  /** Waits for a connection's tracking to end (tests, shutdown). */
  settled(connectionId: string): Promise<void>;
  stopAll(): Promise<void>;
}

const HISTORY_LENGTH = 50;
const TERMINAL_FOR_CREATE = new Set(['available', 'failed', 'rejected']);
const PAUSING = new Set<string>([
  SmoozErrorCodes.unauthorized,
  SmoozErrorCodes.adminRequired,
  SmoozErrorCodes.tokenMissing,
  SmoozErrorCodes.keychainUnavailable,
  SmoozErrorCodes.tokenUnreadable,
]);

/**
 * Polls SMOOZ with backoff until a connection settles, pushing every change as an event, so the
 * user never reloads anything. While SMOOZ says pending or available it also cross-checks from
 * the customer's side. Entries live in the app's state until they settle, so a restart resumes.
 */
export function createStatusTracker(options: StatusTrackerOptions): StatusTracker {
  const policy = options.policy ?? DEFAULT_TRACKING_POLICY;
  const now = options.now ?? (() => new Date());
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  const lastEvents = new Map<string, SmoozStatusEvent>();
  const recent: SmoozStatusEvent[] = options.history?.load() ?? [];

  function emit(event: Omit<SmoozStatusEvent, 'at'>): void {
    const full: SmoozStatusEvent = { ...event, at: now().toISOString() };
    lastEvents.set(event.connectionId, full);
    recent.push(full);
    if (recent.length > HISTORY_LENGTH) recent.splice(0, recent.length - HISTORY_LENGTH);
    options.history?.save(recent);
    options.emit(full);
  }

  /** Stores a live record; an ended one leaves the store. */
  function persist(record: TrackingRecord): TrackingRecord {
    if (isLive(record)) options.store.put(record);
    else options.store.remove(record.connectionId);
    return record;
  }

  const dispatch = (record: TrackingRecord, event: TrackingEvent) =>
    persist(reduceTracking(record, event));

  async function run(entry: TrackingRecord, signal: AbortSignal): Promise<void> {
    const { connectionId } = entry;
    const deadline = Date.parse(entry.startedAt) + policy.timeLimitMs;
    let delay = policy.initialDelayMs;
    let lastSignature = '';
    const finish = (
      end: 'settled' | 'timedOut',
      event: Omit<SmoozStatusEvent, 'at' | 'connectionId'>,
    ) => {
      dispatch(entry, { type: end });
      emit({ connectionId, ...event });
    };

    while (!signal.aborted) {
      if (now().getTime() > deadline) {
        const last = lastEvents.get(connectionId);
        finish('timedOut', {
          ...(last?.status ? { status: last.status } : {}),
          tracking: 'timedOut',
          error: { code: SmoozErrorCodes.trackingTimedOut },
        });
        return;
      }
      try {
        const connection = await options.client.getConnection(connectionId);
        if (signal.aborted) return;
        const crossCheck =
          options.crossCheck && ['pending', 'available'].includes(connection.status)
            ? await options.crossCheck({
                customerSide: entry.customerSide,
                smoozStatus: connection.status,
                ...(connection.vpcEndpointId ? { vpcEndpointId: connection.vpcEndpointId } : {}),
              })
            : undefined;
        if (signal.aborted) return;
        const settled =
          entry.purpose === 'create' ? TERMINAL_FOR_CREATE.has(connection.status) : false;
        const event: Omit<SmoozStatusEvent, 'at'> = {
          connectionId,
          status: connection.status,
          ...(connection.statusReason ? { statusReason: connection.statusReason } : {}),
          ...(connection.vpcEndpointId ? { vpcEndpointId: connection.vpcEndpointId } : {}),
          tracking: settled ? 'finished' : 'active',
          ...(crossCheck ? { crossCheck } : {}),
        };
        if (settled) {
          finish('settled', event);
          return;
        }
        const signature = JSON.stringify([event.status, event.statusReason, summary(crossCheck)]);
        if (signature !== lastSignature) emit(event);
        lastSignature = signature;
      } catch (error) {
        if (signal.aborted) return;
        if (!(error instanceof AppError)) throw error;
        if (error.code === SmoozErrorCodes.notFound) {
          // A connection being deleted is gone when SMOOZ no longer knows it.
          finish(
            'settled',
            entry.purpose === 'delete'
              ? { status: 'deleted', tracking: 'finished' }
              : { tracking: 'finished', error: { code: SmoozErrorCodes.connectionGone } },
          );
          return;
        }
        if (PAUSING.has(error.code)) {
          // Kept in the store: tracking goes on once a working token is set.
          dispatch(entry, { type: 'paused', error: error.toData() });
          emit({ connectionId, tracking: 'paused', error: error.toData() });
          return;
        }
        options.logger?.warn('smooz.trackingPollFailed', { connectionId, code: error.code });
        emit({ connectionId, tracking: 'active', error: error.toData() });
        lastSignature = '';
      }
      try {
        await abortableSleep(Math.min(delay, Math.max(0, deadline - now().getTime()) + 1), signal);
      } catch {
        return;
      }
      delay = Math.min(policy.maxDelayMs, delay * policy.factor);
    }
  }

  function start(entry: TrackingRecord): void {
    if (running.has(entry.connectionId)) return;
    const controller = new AbortController();
    const done = run(entry, controller.signal)
      .catch((error: unknown) => {
        options.logger?.error('smooz.trackingFailed', {
          connectionId: entry.connectionId,
          error: String(error),
        });
      })
      .finally(() => running.delete(entry.connectionId));
    running.set(entry.connectionId, { controller, done });
  }

  return {
    track(entry) {
      const existing = options.store.list().find((r) => r.connectionId === entry.connectionId);
      let record: TrackingRecord;
      try {
        record = existing
          ? dispatch(existing, { type: 'tracked', entry })
          : persist(startTracking(entry));
      } catch (error) {
        if (!(error instanceof IllegalTrackingTransitionError)) throw error;
        // A deletion SMOOZ accepted goes on; watching it for a creation would never settle.
        options.logger?.warn('smooz.trackingRefused', { ...error.params });
        return;
      }
      const current = running.get(entry.connectionId);
      if (!current) return start(record);
      // A delete replaces the create's tracking: stop that loop, then watch the deletion.
      current.controller.abort();
      void current.done.then(() => start(record));
    },
    resume() {
      for (const record of options.store.list()) {
        start(record.state === 'paused' ? dispatch(record, { type: 'resumed' }) : record);
      }
    },
    list: () =>
      options.store.list().map(({ state: _state, error: _error, ...tracked }) => {
        const last = lastEvents.get(tracked.connectionId);
        return last ? { tracked, last } : { tracked };
      }),
    history: () => [...recent],
    settled: async (connectionId) => {
      await running.get(connectionId)?.done;
    },
    async stopAll() {
      const all = [...running.values()];
      for (const r of all) r.controller.abort();
      await Promise.all(all.map((r) => r.done));
    },
  };
}

/** What of a cross-check is worth an event: states and warnings, not the timestamp. */
function summary(check: CrossCheck | undefined): unknown {
  if (!check) return undefined;
  return [
    check.endpointConnection.state,
    check.targets.state,
    check.targets.healthy,
    check.warnings,
  ];
}
