import { z } from 'zod';
import { StackEventSchema, type StackEvent } from '../../shared/flow/plan';
import { PreflightReportSchema, type PreflightReport } from '../../shared/flow/preflight';
import type { SetupState } from '../../shared/flow/state';
import { redactDeep } from '../../shared/redaction/deep';
import { redactText } from '../../shared/redaction/patterns';
import type { SetupEngine } from '../engine/setupEngine';
import type { DiagnosticsJournal } from '../base/diagnosticsJournal';
import type { DiagnosticsRegistry } from '../base/diagnosticsRegistry';

/** Stack events kept per connection: enough to show the failing stretch, not the whole history. */
const EVENTS_KEPT = 100;

/** A flow's state for support, without the preflight report (it has a section of its own). */
function flowSummary(state: SetupState): Record<string, unknown> {
  const { preflight: _preflight, ...rest } = state as SetupState & { preflight?: unknown };
  return rest;
}

/**
 * Preflight results and stack events carry AWS's error text (ARNs, account ids, endpoints):
 * they are redacted before they reach the disk. Of a stack event only AWS's reason is free
 * text; its id tells an event already seen from a new one after a restart and stays as it is.
 */
function redactForDisk<T>(section: 'preflight' | 'stackEvents', byConnection: Map<string, T>) {
  const redact = (value: T): unknown =>
    section === 'preflight'
      ? redactDeep(value)
      : (value as StackEvent[]).map((event) =>
          event.reason === undefined ? event : { ...event, reason: redactText(event.reason) },
        );
  // Keyed by connection id, which must stay as it is to be found again.
  return Object.fromEntries([...byConnection].map(([id, value]) => [id, redact(value)]));
}

/**
 * The automated flow's part of the diagnostic report, from live engine data: every flow's
 * persisted state (step, plan, what it created, the error and failing resource), the latest
 * preflight results of each, and the stack events seen while the stack was created or deleted.
 * Preflight results and stack events are remembered as the engine reports them, because a flow
 * that moved past preflight no longer carries its report and the flow's state holds no stack
 * events; the journal keeps both across restarts, for the flows the engine still has.
 */
export function registerFlowDiagnostics(
  diagnostics: Pick<DiagnosticsRegistry, 'register'>,
  engine: Pick<SetupEngine, 'list' | 'subscribe'>,
  journal: DiagnosticsJournal,
): void {
  const preflight = new Map<string, PreflightReport>(
    Object.entries(journal.read('preflight', z.record(z.string(), PreflightReportSchema), {})),
  );
  const stackEvents = new Map<string, StackEvent[]>(
    Object.entries(
      journal.read('stackEvents', z.record(z.string(), z.array(StackEventSchema)), {}),
    ),
  );
  const save = <T>(section: 'preflight' | 'stackEvents', source: Map<string, T>) => {
    const live = new Set(engine.list().map((state) => state.plan.connectionId));
    for (const id of source.keys()) if (!live.has(id)) source.delete(id);
    journal.save(section, redactForDisk(section, source));
  };

  engine.subscribe((event) => {
    if (event.type === 'stateChanged') {
      const state = event.state;
      if ('preflight' in state && state.preflight !== undefined) {
        preflight.set(state.plan.connectionId, state.preflight);
        save('preflight', preflight);
      }
      return;
    }
    if (event.type !== 'stackEvents') return;
    const known = stackEvents.get(event.connectionId) ?? [];
    const seen = new Set(known.map((e) => e.eventId));
    const added = event.events.filter((e) => !seen.has(e.eventId));
    if (added.length === 0) return;
    stackEvents.set(event.connectionId, [...known, ...added].slice(-EVENTS_KEPT));
    save('stackEvents', stackEvents);
  });

  const connectionsWith = <T>(
    source: ReadonlyMap<string, T>,
    current?: (s: SetupState) => T | undefined,
  ) =>
    engine.list().flatMap((state) => {
      const id = state.plan.connectionId;
      const value = current?.(state) ?? source.get(id);
      return value === undefined
        ? []
        : [{ connectionId: id, connectionName: state.plan.connectionName, value }];
    });

  diagnostics.register('flows', () => engine.list().map(flowSummary));
  diagnostics.register('preflight', () =>
    connectionsWith(preflight, (state) => ('preflight' in state ? state.preflight : undefined)).map(
      ({ value, ...who }) => ({ ...who, ...value }),
    ),
  );
  diagnostics.register('stackEvents', () =>
    connectionsWith(stackEvents).map(({ value, ...who }) => ({ ...who, events: value })),
  );
}
