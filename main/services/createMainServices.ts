import type Conf from 'conf';
import { createAwsAccess } from '../aws/awsAccess';
import type { AwsConfigPaths } from '../aws/sharedConfigFiles';
import type { AppConfig } from '../config';
import { createAppStore } from './appStore';
import type { Logger } from './logger';
import type { MainServices } from './mainServices';
import type { RuntimeInfo } from './runtimeInfo';
import type { PersistedState } from './storeSchema';

/** What differs between the Electron app and a plain-Node host (tests, the browser demo). */
export interface HostEnvironment {
  readonly config: AppConfig;
  /** electron-store in the app, Conf in a temporary folder in tests. */
  readonly storeBacking: Conf<PersistedState>;
  readonly runtime: RuntimeInfo;
  readonly awsPaths: AwsConfigPaths;
  readonly logger: Logger;
  readonly openExternal: (url: string) => Promise<void>;
}

/** The one place services are assembled, so the app and the test bridge run the same graph. */
export function createMainServices(host: HostEnvironment): MainServices {
  return {
    config: host.config,
    store: createAppStore(host.storeBacking),
    runtime: host.runtime,
    awsPaths: host.awsPaths,
    logger: host.logger,
    openExternal: host.openExternal,
    awsAccess: createAwsAccess({ config: host.config, paths: host.awsPaths, env: process.env }),
  };
}
