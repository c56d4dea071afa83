import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveIntoFolder } from '../../../main/checklist/fileOutput';
import { createHandlers } from '../../../main/ipc/createHandlers';
import { AppError } from '../../../shared/errors';
import { derivedNameFields } from '../../../shared/naming/planNames';
import { DEFAULT_LAMBDA_FUNCTION_NAME } from '../../../shared/stack/templateParameters';
import { ROOT } from '../../support/projectRoot';
import { servicesOnDisk } from '../../support/servicesOnDisk';

async function app(dir?: string) {
  const stateDir = dir ?? (await mkdtemp(join(tmpdir(), 'smooz-checklist-')));
  const { services } = await servicesOnDisk(stateDir, {
    saveFile: saveIntoFolder(join(stateDir, 'saved')),
    templatesDir: join(ROOT, 'templates'),
  });
  return { handlers: createHandlers(services), stateDir };
}

describe('checklist handlers', () => {
  it('pre-fills ① with the name the automated flow derives, and keeps typed values, even invalid ones, across a restart', async () => {
    const first = await app();
    const snapshot = await first.handlers['checklist:get'](undefined);
    const namingId = snapshot.state.namingId ?? '';
    // The automated flow's planner sets exactly these fields for a connection of that id.
    const automated = derivedNameFields({ connectionId: namingId, connectionName: '' });
    expect(snapshot.state.values.lambdaFunctionName).toBe(automated.lambdaFunctionName);
    expect(snapshot.state.values.lambdaFunctionName).not.toBe(DEFAULT_LAMBDA_FUNCTION_NAME);
    await first.handlers['checklist:setValues']({
      rdsPort: '99999',
      vpcId: 'vpc-0a1b2c3d4e5f60718',
    });
    const second = await app(first.stateDir);
    const after = await second.handlers['checklist:get'](undefined);
    expect(after.state.values).toMatchObject({ rdsPort: '99999', vpcId: 'vpc-0a1b2c3d4e5f60718' });
    expect(after.state.values.lambdaFunctionName).toBe(automated.lambdaFunctionName);
  });

  it('re-derives the default ① when the connection name changes, but never a typed-over one', async () => {
    const { handlers } = await app();
    const { state } = await handlers['checklist:get'](undefined);
    const namingId = state.namingId ?? '';
    const named = await handlers['checklist:setValues']({ connectionName: 'Prod DB' });
    expect(named.values.lambdaFunctionName).toBe(
      derivedNameFields({ connectionId: namingId, connectionName: 'Prod DB' }).lambdaFunctionName,
    );
    await handlers['checklist:setValues']({ lambdaFunctionName: 'my-updater' });
    const renamed = await handlers['checklist:setValues']({ connectionName: 'Staging' });
    expect(renamed.values.lambdaFunctionName).toBe('my-updater');
  });

  it('refuses to check off a step with invalid values or unticked confirmations', async () => {
    const { handlers } = await app();
    await handlers['checklist:setValues']({
      subnetId: 'subnet-0fedcba9876543210',
      subnetCidr: '10.0.1.0/24',
    });
    await expect(
      handlers['checklist:setStepDone']({ step: 'prep.subnet', done: true }),
    ).rejects.toThrow(AppError);
    await handlers['checklist:setConfirmation']({
      step: 'prep.subnet',
      confirmation: 'sameAz',
      checked: true,
    });
    await handlers['checklist:setConfirmation']({
      step: 'prep.subnet',
      confirmation: 'natRoute',
      checked: true,
    });
    const state = await handlers['checklist:setStepDone']({ step: 'prep.subnet', done: true });
    expect(state.completed).toEqual(['prep.subnet']);
    expect(state.currentStep).toBe('sg.createLambdaSg');
    await expect(
      handlers['checklist:setConfirmation']({
        step: 'prep.subnet',
        confirmation: 'bogus',
        checked: true,
      }),
    ).rejects.toMatchObject({ code: 'checklist.unknownConfirmation' });
  });

  it('saves the bundled template byte for byte', async () => {
    const { handlers, stateDir } = await app();
    expect(await handlers['checklist:saveTemplate'](undefined)).toEqual({
      saved: true,
      fileName: 'smooz-privatelink.yaml',
    });
    const saved = await readFile(join(stateDir, 'saved', 'smooz-privatelink.yaml'));
    expect(saved.equals(await readFile(join(ROOT, 'templates', 'smooz-privatelink.yaml')))).toBe(
      true,
    );
  });

  it('says plainly when this host cannot print a PDF', async () => {
    const { handlers } = await app();
    await expect(
      handlers['checklist:exportDocument']({
        format: 'pdf',
        document: { language: 'ja', title: 'x', blocks: [] },
      }),
    ).rejects.toMatchObject({ code: 'checklist.pdfUnavailable' });
  });
});
