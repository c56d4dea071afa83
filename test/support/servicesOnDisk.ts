import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { AppConfigSchema, DEFAULT_EXTERNAL_LINK_HOSTS } from '../../main/base/config';
import { createMainServices, type HostEnvironment } from '../../main/app/createMainServices';
import { silentLogger } from '../../main/base/logger';
import { currentRuntimeInfo } from '../../main/base/runtimeInfo';
import { storeOptions, type PersistedState } from '../../main/app/storeSchema';

/**
 * The app's services as main assembles them, on a state folder (a new one unless `dir` is given:
 * the same folder again is a restart), with empty AWS files and no AWS or SMOOZ reachable.
 */
export async function servicesOnDisk(dir?: string, host: Partial<HostEnvironment> = {}) {
  const stateDir = dir ?? (await mkdtemp(join(tmpdir(), 'smooz-services-')));
  const storeBacking = new Conf<PersistedState>({ ...storeOptions('0.1.0'), cwd: stateDir });
  const services = createMainServices({
    config: AppConfigSchema.parse({ aws: {}, externalLinkHosts: DEFAULT_EXTERNAL_LINK_HOSTS }),
    storeBacking,
    runtime: currentRuntimeInfo('0.1.0'),
    awsPaths: {
      configFile: join(stateDir, 'config'),
      credentialsFile: join(stateDir, 'credentials'),
    },
    logger: silentLogger,
    openExternal: async () => {},
    ...host,
  });
  return { services, storeBacking, stateDir };
}
