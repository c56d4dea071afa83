import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../../shared/ipc/contract';
import { AppConfigSchema, DEFAULT_EXTERNAL_LINK_HOSTS } from '../../../main/config';
import { createHandlers } from '../../../main/ipc/createHandlers';
import { createMainServices } from '../../../main/services/createMainServices';
import { silentLogger } from '../../../main/services/logger';
import { currentRuntimeInfo } from '../../../main/services/runtimeInfo';
import { storeOptions, type PersistedState } from '../../../main/services/storeSchema';

async function services() {
  const dir = await mkdtemp(join(tmpdir(), 'smooz-handlers-'));
  return createMainServices({
    config: AppConfigSchema.parse({ aws: {}, externalLinkHosts: DEFAULT_EXTERNAL_LINK_HOSTS }),
    storeBacking: new Conf<PersistedState>({ ...storeOptions('0.1.0'), cwd: dir }),
    runtime: currentRuntimeInfo('0.1.0'),
    awsPaths: { configFile: join(dir, 'config'), credentialsFile: join(dir, 'credentials') },
    logger: silentLogger,
    openExternal: async () => {},
  });
}

describe('the handler table', () => {
  it('has a function for every channel of the contract and nothing else', async () => {
    const handlers = createHandlers(await services());
    expect(Object.keys(handlers).sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const name of CHANNEL_NAMES) expect(typeof handlers[name]).toBe('function');
  });
});
