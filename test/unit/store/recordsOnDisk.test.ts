import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { createGuidedStore } from '../../../main/guided/guidedStore';
import { storeOptions, type PersistedState } from '../../../main/app/storeSchema';
import { createTrackingStore } from '../../../main/smooz/trackingStore';

/** Records as version 0.1.0 wrote them, before the machines in shared/guided and shared/smooz. */
const tracked = {
  connectionId: 'conn-00000001',
  purpose: 'create',
  startedAt: '2026-11-01T00:00:00.000Z',
  customerSide: {
    region: 'ap-northeast-1',
    profile: 'dev',
    endpointServiceId: 'vpce-svc-0123456789abcdef0',
  },
};
const guided = {
  connectionId: 'c-1',
  phase: 'tracking',
  smoozConnectionId: 'conn-00000001',
  smoozStatus: 'pending',
  attempt: 1,
  history: [{ status: 'pending', at: '2026-11-01T00:00:01.000Z' }],
  startedAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:01.000Z',
};

async function openOldState() {
  const cwd = await mkdtemp(join(tmpdir(), 'smooz-records-'));
  await writeFile(
    join(cwd, 'state.json'),
    JSON.stringify({
      __internal__: { migrations: { version: '0.1.0' } },
      smoozTracking: [tracked],
      guidedRecords: { 'c-1': guided },
    }),
  );
  return new Conf<PersistedState>({ ...storeOptions('0.1.0'), cwd });
}

describe('records already on disk', () => {
  it('loads a tracked SMOOZ connection written without a state as being polled', async () => {
    expect(createTrackingStore(await openOldState()).list()).toEqual([
      { ...tracked, state: 'active' },
    ]);
  });

  it('loads a guided record as it was written', async () => {
    const store = createGuidedStore(await openOldState());
    expect(store.load('c-1')).toEqual(guided);
    expect(store.list()).toEqual([guided]);
  });
});
