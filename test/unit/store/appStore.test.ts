import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../main/base/appStore';
import { storeMigrations, storeOptions, type PersistedState } from '../../../main/app/storeSchema';

const openStore = (cwd: string, version = '0.1.0') =>
  new Conf<PersistedState>({ ...storeOptions(version), cwd });

const connection = {
  id: 'c-1',
  name: 'production-db',
  region: 'ap-northeast-1',
  awsAccountId: '123456789012',
  status: 'available' as const,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:05:00.000Z',
};

describe('the persisted app state', () => {
  it('starts with Japanese, support mode off and no connections', async () => {
    const store = createAppStore(openStore(await mkdtemp(join(tmpdir(), 'smooz-store-'))));
    expect(store.getPreferences()).toEqual({ language: 'ja', supportMode: false });
    expect(store.listConnections()).toEqual([]);
  });

  it('keeps preferences and connections across a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'smooz-store-'));
    const first = createAppStore(openStore(dir));
    first.setPreferences({ language: 'en' });
    first.upsertConnection(connection);
    first.upsertConnection({ ...connection, status: 'failed' });
    const second = createAppStore(openStore(dir));
    expect(second.getPreferences()).toEqual({ language: 'en', supportMode: false });
    expect(second.listConnections()).toEqual([{ ...connection, status: 'failed' }]);
  });

  it('refuses to write a preference outside the schema', async () => {
    const store = createAppStore(openStore(await mkdtemp(join(tmpdir(), 'smooz-store-'))));
    expect(() => store.setPreferences({ language: 'fr' as never })).toThrow();
    expect(store.getPreferences().language).toBe('ja');
  });

  it('skips a corrupted connection entry instead of failing the whole list', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'smooz-store-'));
    createAppStore(openStore(dir)).upsertConnection(connection);
    const file = join(dir, 'state.json');
    const raw = JSON.parse(await readFile(file, 'utf8')) as PersistedState;
    raw.connections.push({ id: 'broken' } as never);
    await writeFile(file, JSON.stringify(raw));
    expect(createAppStore(openStore(dir)).listConnections()).toEqual([connection]);
  });

  it('runs a registered migration once when a newer app version opens the store', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'smooz-store-'));
    openStore(dir, '0.1.0').set('preferences', { language: 'en', supportMode: true });
    let runs = 0;
    storeMigrations['0.2.0'] = (store) => {
      runs += 1;
      store.set('preferences', { ...store.get('preferences'), supportMode: false });
    };
    try {
      const migrated = openStore(dir, '0.2.0');
      expect(migrated.get('preferences')).toEqual({ language: 'en', supportMode: false });
      openStore(dir, '0.2.0');
      expect(runs).toBe(1);
    } finally {
      delete storeMigrations['0.2.0'];
    }
  });
});
