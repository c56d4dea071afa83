import { describe, expect, it } from 'vitest';
import { buildDiagnosticReport, renderReportHtml } from '../../../main/report/diagnosticReport';
import { createStoreJournal } from '../../../main/base/diagnosticsJournal';
import { createDiagnosticsRegistry } from '../../../main/base/diagnosticsRegistry';
import { registerFlowDiagnostics } from '../../../main/report/flowDiagnostics';
import type { StackEvent } from '../../../shared/flow/plan';
import type { SetupState } from '../../../shared/flow/state';
import { fakeEngine } from './fakeEngine';
import { stateOnDisk } from './journalOnDisk';
import { lambdaSg, passingReport, samplePlan } from '../../support/flowFixtures';
import { servicesOnDisk } from '../../support/servicesOnDisk';

const event = (n: number, status: string, reason?: string): StackEvent => ({
  eventId: `e-${n}`,
  timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
  logicalResourceId: `Resource${n}`,
  resourceType: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
  status,
  ...(reason === undefined ? {} : { reason }),
});

const ready: SetupState = {
  step: 'ready',
  plan: samplePlan,
  created: [],
  preflight: passingReport,
};
const failed: SetupState = {
  step: 'failed',
  plan: samplePlan,
  created: [lambdaSg],
  resumeStep: 'creatingStack',
  error: { code: 'setup.stackFailed', params: { resource: 'Resource2' } },
  stackFailure: {
    stackStatus: 'ROLLBACK_COMPLETE',
    logicalResourceId: 'Resource2',
    resourceType: 'AWS::Lambda::Function',
    reason: 'Role arn:aws:iam::123456789012:role/updater is invalid',
  },
};

async function sections(registry: ReturnType<typeof createDiagnosticsRegistry>) {
  const out: Record<string, unknown> = {};
  for (const [name, provider] of registry.sections()) out[name] = await provider();
  return out;
}

describe('the automated flow in the diagnostic report', () => {
  it('keeps the preflight results and the stack events after the flow has moved on and failed', async () => {
    const { journal } = stateOnDisk();
    const registry = createDiagnosticsRegistry(journal);
    const { engine, emit } = fakeEngine();
    registerFlowDiagnostics(registry, engine, journal);
    emit({ type: 'stateChanged', state: ready });
    const id = samplePlan.connectionId;
    emit({
      type: 'stackEvents',
      connectionId: id,
      events: [event(1, 'CREATE_IN_PROGRESS')],
      done: 0,
      total: 4,
    });
    emit({
      type: 'stackEvents',
      connectionId: id,
      events: [event(1, 'CREATE_IN_PROGRESS'), event(2, 'CREATE_FAILED', 'Role is invalid')],
      done: 1,
      total: 4,
    });
    emit({ type: 'stateChanged', state: failed });

    const out = await sections(registry);
    expect(out.flows).toEqual([
      expect.objectContaining({ step: 'failed', stackFailure: failed.stackFailure }),
    ]);
    expect(out.preflight).toEqual([
      { connectionId: id, connectionName: 'prod-db', ...passingReport },
    ]);
    expect(out.stackEvents).toEqual([
      {
        connectionId: id,
        connectionName: 'prod-db',
        events: [event(1, 'CREATE_IN_PROGRESS'), event(2, 'CREATE_FAILED', 'Role is invalid')],
      },
    ]);
  });

  it('keeps only the latest stack events of a long stack', async () => {
    const { journal } = stateOnDisk();
    const registry = createDiagnosticsRegistry(journal);
    const { engine, emit } = fakeEngine();
    registerFlowDiagnostics(registry, engine, journal);
    emit({ type: 'stateChanged', state: ready });
    const many = Array.from({ length: 150 }, (_, i) => event(i, 'CREATE_IN_PROGRESS'));
    emit({
      type: 'stackEvents',
      connectionId: samplePlan.connectionId,
      events: many,
      done: 0,
      total: 150,
    });
    const [entry] = (await sections(registry)).stackEvents as { events: StackEvent[] }[];
    expect(entry?.events).toHaveLength(100);
    expect(entry?.events.at(-1)?.eventId).toBe('e-149');
  });

  it('lists flows with nothing to report as flows only, not as empty preflight or stack sections', async () => {
    const { journal } = stateOnDisk();
    const registry = createDiagnosticsRegistry(journal);
    const { engine, emit } = fakeEngine();
    registerFlowDiagnostics(registry, engine, journal);
    emit({ type: 'stateChanged', state: { step: 'preflight', plan: samplePlan, created: [] } });
    const out = await sections(registry);
    expect(out.flows).toHaveLength(1);
    expect(out.preflight).toEqual([]);
    expect(out.stackEvents).toEqual([]);
  });

  it('still has the preflight results and stack events after a restart (same state file, new engine)', async () => {
    const disk = stateOnDisk();
    const before = fakeEngine();
    registerFlowDiagnostics(createDiagnosticsRegistry(disk.journal), before.engine, disk.journal);
    before.emit({ type: 'stateChanged', state: ready });
    before.emit({
      type: 'stackEvents',
      connectionId: samplePlan.connectionId,
      events: [event(1, 'CREATE_IN_PROGRESS'), event(2, 'CREATE_FAILED', 'Role is invalid')],
      done: 1,
      total: 4,
    });
    before.emit({ type: 'stateChanged', state: failed });

    const journal = disk.reopen();
    const registry = createDiagnosticsRegistry(journal);
    const after = fakeEngine();
    // The restarted engine has the persisted flow, and has not emitted anything yet.
    after.emit({ type: 'stateChanged', state: failed });
    registerFlowDiagnostics(registry, after.engine, journal);
    const out = await sections(registry);
    expect(out.preflight).toEqual([
      expect.objectContaining({ connectionId: samplePlan.connectionId, ...passingReport }),
    ]);
    expect(out.stackEvents).toEqual([
      expect.objectContaining({
        events: [event(1, 'CREATE_IN_PROGRESS'), event(2, 'CREATE_FAILED', 'Role is invalid')],
      }),
    ]);
  });

  it('forgets what it kept for a flow the engine no longer has', async () => {
    const disk = stateOnDisk();
    const { engine, emit } = fakeEngine();
    registerFlowDiagnostics(createDiagnosticsRegistry(disk.journal), engine, disk.journal);
    emit({ type: 'stateChanged', state: ready });
    const other = { ...samplePlan, connectionId: 'other-connection' };
    const gone = fakeEngine();
    gone.emit({ type: 'stateChanged', state: { ...ready, plan: other } });
    registerFlowDiagnostics(createDiagnosticsRegistry(disk.journal), gone.engine, disk.journal);
    gone.emit({ type: 'stateChanged', state: { ...ready, plan: other } });

    const saved = disk.backing.get('diagnosticsJournal').preflight as Record<string, unknown>;
    expect(Object.keys(saved)).toEqual(['other-connection']);
  });

  it('reaches the exported report redacted: no account id or ARN of the flow survives', async () => {
    const { services, storeBacking } = await servicesOnDisk();
    const { engine, emit } = fakeEngine();
    registerFlowDiagnostics(services.diagnostics, engine, createStoreJournal(storeBacking));
    emit({ type: 'stateChanged', state: ready });
    emit({ type: 'stateChanged', state: failed });
    const report = (await buildDiagnosticReport(services)) as Record<string, unknown>;
    expect(report.format).toBe('smooz-privatelink-diagnostic-report/1');
    expect(report.flows).toEqual([expect.objectContaining({ step: 'failed' })]);
    expect(report.preflight).toHaveLength(1);
    const html = renderReportHtml(report);
    expect(html).toContain('ROLLBACK_COMPLETE');
    // Readable without the app: where the flow stopped and why, as a table row.
    expect(html).toMatch(
      /<tr><td>prod-db<\/td><td>ap-northeast-1<\/td><td>failed<\/td><td>creatingStack<\/td><td>setup\.stackFailed<\/td><td>Resource2<\/td><td>Role •+ater is invalid<\/td><\/tr>/,
    );
    expect(html).toMatch(/<td>subnetInDatabaseAz<\/td><td>pass<\/td>/);
    expect(html).not.toMatch(/123456789012|210987654321|arn:aws|prod-db\.abc\.ap-northeast-1/);
  });
});
