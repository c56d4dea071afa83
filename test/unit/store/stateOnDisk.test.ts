import { chmod, readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDiagnosticsRegistry } from '../../../main/base/diagnosticsRegistry';
import { registerFlowDiagnostics } from '../../../main/report/flowDiagnostics';
import { samplePlan } from '../../support/flowFixtures';
import { servicesOnDisk } from '../../support/servicesOnDisk';
import { fakeEngine } from '../report/fakeEngine';
import { stateOnDisk } from '../report/journalOnDisk';

const ACCOUNT = '123456789012';
const ENDPOINT = 'orders-prod-2024.c9akciq32xyz.ap-northeast-1.rds.amazonaws.com';
const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe.skipIf(process.platform === 'win32')('the state file on disk', () => {
  it('is created readable and writable by its owner only, in a folder only the owner enters', async () => {
    const { services, storeBacking } = await servicesOnDisk();
    services.store.setPreferences({ language: 'en' });
    expect(await modeOf(storeBacking.path)).toBe(0o600);
    expect(await modeOf(dirname(storeBacking.path))).toBe(0o700);
  });

  it('is tightened to 0600 when an older version left it readable by others', async () => {
    const first = await servicesOnDisk();
    first.services.store.setPreferences({ language: 'en' });
    await chmod(first.storeBacking.path, 0o644);
    await servicesOnDisk(first.stateDir);
    expect(await modeOf(first.storeBacking.path)).toBe(0o600);
  });
});

describe('what reaches the state file from logs and errors', () => {
  it('holds logged warnings and errors redacted, not only the exported report', async () => {
    const { services, storeBacking } = await servicesOnDisk();
    services.logger.error(`cannot reach ${ENDPOINT}`, {
      account: ACCOUNT,
      password: 'hunter2',
      error: new Error(`role arn:aws:iam::${ACCOUNT}:role/admin denied`),
    });
    const onDisk = await readFile(storeBacking.path, 'utf8');
    expect(onDisk).toContain('recentErrors');
    expect(onDisk).not.toContain(ACCOUNT);
    expect(onDisk).not.toContain('orders-prod-2024');
    expect(onDisk).not.toContain('hunter2');
  });

  it('holds stack events and preflight results redacted, each event keeping its id', async () => {
    const { backing, journal } = stateOnDisk();
    const { engine, emit } = fakeEngine();
    const diagnostics = createDiagnosticsRegistry(journal);
    registerFlowDiagnostics(diagnostics, engine, journal);
    emit({
      type: 'stateChanged',
      state: {
        step: 'ready',
        plan: samplePlan,
        created: [],
        preflight: {
          checkedAt: '2026-01-01T00:00:00.000Z',
          checks: [
            { id: 'nameClash', status: 'fail', explanation: 'x', params: { names: ENDPOINT } },
          ],
        },
      },
    });
    emit({
      type: 'stackEvents',
      connectionId: samplePlan.connectionId,
      events: [
        {
          eventId: 'Updater-CREATE_FAILED-2026-01-01T00:00:00.000Z',
          timestamp: '2026-01-01T00:00:00.000Z',
          logicalResourceId: 'Updater',
          resourceType: 'AWS::Lambda::Function',
          status: 'CREATE_FAILED',
          reason: `role arn:aws:iam::${ACCOUNT}:role/x is invalid`,
        },
      ],
      done: 0,
      total: 1,
    });
    const onDisk = await readFile(backing.path, 'utf8');
    expect(onDisk).toContain('CREATE_FAILED');
    expect(onDisk).not.toContain(ACCOUNT);
    expect(onDisk).not.toContain('orders-prod-2024');
    // The id tells an event already seen from a new one after a restart: it stays as AWS sent it.
    expect(onDisk).toContain('Updater-CREATE_FAILED-2026-01-01T00:00:00.000Z');
  });
});
