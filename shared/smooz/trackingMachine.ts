import { AppError, type AppErrorData } from '../errors';
import type { TrackedConnection, TrackingRecord, TrackingState } from './trackingRecord';

/**
 * The tracking of one SMOOZ connection's status:
 *
 *   (none) ─startTracking→ active ─settled→ finished
 *                          active ─timedOut→ timedOut
 *                          active ─paused→ paused ─resumed→ active
 *   active|paused ─tracked→ active   (tracked again: a delete replaces a create, never the reverse)
 *
 * Main persists each result before acting on it; `finished` and `timedOut` leave the store.
 */
export type TrackingEvent =
  | { readonly type: 'tracked'; readonly entry: TrackedConnection }
  | { readonly type: 'paused'; readonly error: AppErrorData }
  | { readonly type: 'resumed' }
  | { readonly type: 'settled' }
  | { readonly type: 'timedOut' };

const ILLEGAL_TRACKING_TRANSITION = 'smooz.illegalTrackingTransition';

export class IllegalTrackingTransitionError extends AppError {
  constructor(state: TrackingState, event: TrackingEvent['type']) {
    super(ILLEGAL_TRACKING_TRANSITION, { state, event });
  }
}

/** Whether the record is still on disk: polling, or waiting for a token. */
export const isLive = (record: TrackingRecord): boolean =>
  record.state === 'active' || record.state === 'paused';

export function startTracking(entry: TrackedConnection): TrackingRecord {
  return { ...entry, state: 'active' };
}

/** The tracking's only transition function: pure; throws for every illegal (state, event) pair. */
export function reduceTracking(record: TrackingRecord, event: TrackingEvent): TrackingRecord {
  const illegal = () => new IllegalTrackingTransitionError(record.state, event.type);
  const { error: _error, ...rest } = record;
  switch (event.type) {
    case 'tracked':
      if (!isLive(record) || event.entry.connectionId !== record.connectionId) throw illegal();
      // SMOOZ accepted the deletion: the connection can no longer become available.
      if (record.purpose === 'delete' && event.entry.purpose === 'create') throw illegal();
      return startTracking(event.entry);
    case 'paused':
      if (record.state !== 'active') throw illegal();
      return { ...record, state: 'paused', error: event.error };
    case 'resumed':
      if (record.state !== 'paused') throw illegal();
      return { ...rest, state: 'active' };
    case 'settled':
      if (record.state !== 'active') throw illegal();
      return { ...record, state: 'finished' };
    case 'timedOut':
      if (record.state !== 'active') throw illegal();
      return { ...record, state: 'timedOut' };
  }
}
