import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SmoozApi } from '../../../main/smooz/smoozApiClient';
import type { BridgeApp } from '../../support/bridgeApp';
import type { ManualDeployment } from '../../support/lifecycle/manualSetup';
import { message } from '../guided/messages';
import { shoot } from '../guided/shots';
import { openHandMadeApp, type HandMadeApp } from './handMadeApp';

const endpoint = inject('motoEndpoint');
let handMade: HandMadeApp;
let app: BridgeApp;
let page: Page;
let manual: ManualDeployment;
let smooz: SmoozApi;
let connectionId: string;

const ja = (key: string, params: Record<string, string | number> = {}) =>
  message('ja', 'lifecycle', key, params);

beforeAll(async () => {
  handMade = await openHandMadeApp(endpoint, inject('testWorldFile'));
  ({ app, page, manual, smooz, smoozConnectionId: connectionId } = handMade);
});

afterAll(async () => {
  await handMade?.close();
});

describe('home: move an adopted hand-made setup to the current design', () => {
  it('adopts it, then migrates it from the panel to available on the new path', async () => {
    const section = page.getByRole('region', { name: ja('title') });
    await section.getByRole('button', { name: ja('scan'), exact: true }).click();
    const card = section.getByRole('listitem', { name: '本番DB' });
    await card.waitFor({ timeout: 60_000 });
    await card.getByRole('button', { name: ja('adoptNamed', { name: '本番DB' }) }).click();
    await card.getByRole('button', { name: ja('adoptConfirm') }).click();
    const start = card.getByRole('button', { name: ja('migration.start'), exact: true });
    await start.waitFor({ timeout: 60_000 });
    await shoot(page, 'migration-offered-ja');
    await start.click();

    const panel = card.getByRole('region', { name: ja('migration.title') });
    await panel.waitFor({ timeout: 30_000 });
    await shoot(page, 'migration-running-ja');
    await panel.getByText(ja('migration.phase.done')).waitFor({ timeout: 300_000 });
    await shoot(page, 'migration-done-ja');
    expect(await panel.locator('.migration-step.done').count()).toBe(6);
    // The old setup is deleted: its card offers no adoption any more.
    expect(
      await card.getByRole('button', { name: ja('adoptNamed', { name: '本番DB' }) }).count(),
    ).toBe(0);

    // Home lists the new setup as the connection, available, with its own actions.
    const home = message('ja', 'guided', 'home.actionsNamed', { name: '本番DB' });
    await page.getByRole('group', { name: home }).waitFor({ timeout: 30_000 });
    await shoot(page, 'migration-home-connection-ja');

    const [migration] = app.services.migrator.list();
    const connection = await smooz.getConnection(connectionId);
    expect(connection).toMatchObject({
      status: 'available',
      endpointServiceName: migration?.newSetup?.endpointServiceName,
    });
    expect(connection.endpointServiceName).not.toBe(manual.endpointServiceName);
    expect(await smooz.testConnectivity(connectionId)).toMatchObject({ outcome: 'succeeded' });
  }, 420_000);
});
