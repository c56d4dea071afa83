import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import type { SmoozStatusEvent } from '../../../shared/ipc/channels/smooz';
import type { AppConfig } from '../../../main/base/config';
import { silentLogger } from '../../../main/base/logger';
import { storeOptions, type PersistedState } from '../../../main/app/storeSchema';
import type { SecretEncryptor } from '../../../main/smooz/secretEncryptor';
import { createSmoozServices, type SmoozServices } from '../../../main/smooz/smoozServices';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';

export const ADMIN_TOKEN = 'smooz-admin-token-0123456789abcdef';
export const MEMBER_TOKEN = 'smooz-member-token-0123456789abcdef';

export interface AppInstance {
  readonly smooz: SmoozServices;
  readonly events: SmoozStatusEvent[];
  readonly userDataDir: string;
  readonly config: AppConfig;
}

/**
 * The SMOOZ services as the app assembles them, on a state folder of their own; a second
 * instance on the same folder and encryptor is the same app after a restart.
 */
export async function startAppInstance(options: {
  motoEndpoint: string;
  smoozUrl: string;
  encryptor: SecretEncryptor;
  userDataDir?: string;
}): Promise<AppInstance> {
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'smooz-app-')));
  const config: AppConfig = {
    ...motoAppConfig(options.motoEndpoint),
    smooz: { apiBaseUrl: options.smoozUrl },
  };
  const events: SmoozStatusEvent[] = [];
  const smooz = createSmoozServices({
    config,
    storeBacking: new Conf<PersistedState>({ ...storeOptions('0.1.0'), cwd: userDataDir }),
    secretEncryptor: options.encryptor,
    logger: silentLogger,
    customerContext: async (side) => ({ ...motoContext, region: side.region }),
    clientOptions: { backoff: { baseDelayMs: 5, maxDelayMs: 20 }, timeoutMs: 10_000 },
    trackingPolicy: { initialDelayMs: 50, maxDelayMs: 200, factor: 1.5, timeLimitMs: 60_000 },
  });
  smooz.subscribe((event) => {
    events.push(event);
  });
  return { smooz, events, userDataDir, config };
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
