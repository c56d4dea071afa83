import type { CreatedResource } from '../../shared/flow/resources';
import type { SetupEngine } from '../engine/setupEngine';

/** A connection's ledger (its setup flow's), which teardown removes exactly. */
export interface ConnectionLedger {
  created(connectionId: string): readonly CreatedResource[];
  /** Persisted before the caller goes on. */
  record(connectionId: string, resource: CreatedResource): void;
  /** A rule the connection gave up; persisted before the caller goes on. */
  retire(connectionId: string, rule: CreatedResource): void;
}

/** The engine's flows as the ledger an upgrade amends (their reducer refuses unfinished ones). */
export const engineLedger = (
  engine: Pick<SetupEngine, 'get' | 'recordResource' | 'retireRule'>,
): ConnectionLedger => ({
  created: (connectionId) => engine.get(connectionId).created,
  record: (connectionId, resource) => void engine.recordResource(connectionId, resource),
  retire: (connectionId, rule) => void engine.retireRule(connectionId, rule),
});
