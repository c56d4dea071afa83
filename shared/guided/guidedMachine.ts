import { AppError, type AppErrorData } from '../errors';
import type { SmoozConnectionStatus } from '../smooz/apiShapes';
import type { GuidedPhaseName, GuidedRecord, Verification } from './guidedRecord';

/**
 * The guided flow's SMOOZ side, from the complete stack to a verified (or removed) connection:
 *
 *   (none) ─startGuided→ creating ─smoozAnswered→ tracking|available|failed|rejected|deleting
 *   creating ─createFailed→ failed            failed|rejected ─attemptStarted→ creating
 *   any phase SMOOZ answered in ─teardownStarted→ deleting ─smoozDeleted→ deleted
 *
 * Once SMOOZ answered, its status decides the phase (`smoozAnswered`) until the record is
 * `deleted`. `verified`, `problemNoted` (persisted) and `pollFailed` (shown, not persisted)
 * keep the phase.
 */
interface SmoozAnswer {
  readonly id: string;
  readonly status: SmoozConnectionStatus;
  readonly vpcEndpointId?: string | undefined;
  readonly statusReason?: { readonly code: string; readonly message: string } | undefined;
}

export type GuidedEvent =
  | { readonly type: 'attemptStarted'; readonly at: string }
  | { readonly type: 'smoozAnswered'; readonly connection: SmoozAnswer; readonly at: string }
  | { readonly type: 'createFailed'; readonly error: AppErrorData; readonly at: string }
  | { readonly type: 'verified'; readonly verification: Verification; readonly at: string }
  | { readonly type: 'problemNoted'; readonly error: AppErrorData; readonly at: string }
  | { readonly type: 'pollFailed'; readonly error: AppErrorData }
  | { readonly type: 'teardownStarted'; readonly at: string }
  | { readonly type: 'smoozDeleted'; readonly at: string };

const ILLEGAL_GUIDED_TRANSITION = 'guided.illegalTransition';

export class IllegalGuidedTransitionError extends AppError {
  constructor(phase: GuidedPhaseName, event: GuidedEvent['type']) {
    super(ILLEGAL_GUIDED_TRANSITION, { phase, event });
  }
}

const PHASE_OF: Readonly<Record<SmoozConnectionStatus, GuidedPhaseName>> = {
  pending: 'tracking',
  available: 'available',
  failed: 'failed',
  rejected: 'rejected',
  deleting: 'deleting',
};

/** A new record: the first create attempt, before SMOOZ is asked. */
export function startGuided(connectionId: string, at: string): GuidedRecord {
  return { connectionId, phase: 'creating', attempt: 1, history: [], startedAt: at, updatedAt: at };
}

function withAnswer(record: GuidedRecord, connection: SmoozAnswer, at: string): GuidedRecord {
  const { problem: _previous, ...rest } = record;
  const last = record.history.at(-1);
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
}

/** The guided record's only transition function: pure; throws for every illegal (phase, event). */
export function reduceGuided(record: GuidedRecord, event: GuidedEvent): GuidedRecord {
  const illegal = () => new IllegalGuidedTransitionError(record.phase, event.type);
  const answered = record.smoozConnectionId !== undefined;
  const { problem: _problem, ...clean } = record;
  switch (event.type) {
    case 'attemptStarted': {
      // Again after SMOOZ itself failed or rejected one; or the same attempt, whose answer never
      // came (a crash, a dropped reply, a refused call), replayed with the same key.
      const retrying = record.phase === 'failed' || record.phase === 'rejected';
      if (!retrying && (record.phase !== 'creating' || answered)) throw illegal();
      const { smoozConnectionId: _old, ...base } = clean;
      return {
        ...base,
        phase: 'creating',
        attempt: retrying && answered ? record.attempt + 1 : record.attempt,
        updatedAt: event.at,
      };
    }
    case 'smoozAnswered':
      if (record.phase === 'deleted') throw illegal();
      if (answered && event.connection.id !== record.smoozConnectionId) throw illegal();
      return withAnswer(record, event.connection, event.at);
    case 'createFailed':
      if (record.phase !== 'creating') throw illegal();
      return { ...record, phase: 'failed', problem: event.error, updatedAt: event.at };
    case 'verified':
      if (!answered) throw illegal();
      return { ...record, verification: event.verification, updatedAt: event.at };
    case 'problemNoted':
      return { ...record, problem: event.error, updatedAt: event.at };
    case 'pollFailed':
      if (!answered) throw illegal();
      return { ...record, problem: event.error };
    case 'teardownStarted':
      if (!answered || record.phase === 'deleted') throw illegal();
      return { ...clean, phase: 'deleting', updatedAt: event.at };
    case 'smoozDeleted':
      if (record.phase !== 'deleting') throw illegal();
      return {
        ...clean,
        phase: 'deleted',
        history: [...record.history, { status: 'deleted', at: event.at }],
        updatedAt: event.at,
      };
  }
}
