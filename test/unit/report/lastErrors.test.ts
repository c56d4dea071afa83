import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../main/ipc/createHandlers';
import { dispatch } from '../../../main/ipc/dispatch';
import type { HandlerTable } from '../../../main/ipc/handlers';
import { buildDiagnosticReport, renderReportHtml } from '../../../main/report/diagnosticReport';
import { AppError } from '../../../shared/errors';
import { servicesOnDisk } from '../../support/servicesOnDisk';

/** The app's services on a state folder; the same folder again is a restart. */
const services = async (dir?: string) => (await servicesOnDisk(dir)).services;

describe("the report's last errors hold what the user was told", () => {
  it('records a refusal answered to the page, with its channel and code', async () => {
    const app = await services();
    const result = await dispatch(
      createHandlers(app),
      'checklist:setStepDone',
      { step: 'prep.database', done: true },
      app.logger,
    );
    expect(result.ok).toBe(false);
    const report = (await buildDiagnosticReport(app)) as { lastErrors: unknown[] };
    expect(report.lastErrors).toEqual([
      expect.objectContaining({
        level: 'warn',
        message: 'ipc.failed',
        fields: expect.objectContaining({
          channel: 'checklist:setStepDone',
          code: 'checklist.stepIncomplete',
        }),
      }),
    ]);
  });

  it('keeps the parameters of a failure masked: an ARN in an AWS refusal does not reach the file', async () => {
    const app = await services();
    const handlers = {
      ...createHandlers(app),
      'aws:callerIdentity': async () => {
        throw new AppError('aws.accessDenied', {
          action: 'sts:GetCallerIdentity',
          resource: 'arn:aws:iam::123456789012:role/admin',
        });
      },
    } satisfies HandlerTable;
    await dispatch(
      handlers,
      'aws:callerIdentity',
      { profile: 'dev', region: 'ap-northeast-1' },
      app.logger,
    );
    const html = renderReportHtml(await buildDiagnosticReport(app));
    expect(html).toContain('aws.accessDenied');
    expect(html).toContain('sts:GetCallerIdentity');
    expect(html).not.toMatch(/123456789012|arn:aws/);
  });

  it('still holds what the user was told before a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'smooz-last-errors-'));
    const before = await services(dir);
    await dispatch(
      createHandlers(before),
      'checklist:setStepDone',
      { step: 'prep.database', done: true },
      before.logger,
    );
    const after = await services(dir);
    const report = (await buildDiagnosticReport(after)) as { lastErrors: unknown[] };
    expect(report.lastErrors).toEqual([
      expect.objectContaining({
        message: 'ipc.failed',
        fields: expect.objectContaining({ code: 'checklist.stepIncomplete' }),
      }),
    ]);
  });

  it('keeps logging when a field cannot be written to disk as it is (an Error, a cycle)', async () => {
    const app = await services();
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    app.logger.error('first', { error: new Error('socket hang up') });
    app.logger.warn('second', { cyclic });
    expect(app.diagnostics.recentErrors()).toEqual([
      expect.objectContaining({
        message: 'first',
        fields: { error: { name: 'Error', message: 'socket hang up' } },
      }),
      expect.objectContaining({
        message: 'second',
        fields: { unserializable: expect.stringMatching(/circular/i) },
      }),
    ]);
  });
});
