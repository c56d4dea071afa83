import type { AwsAccess } from '../aws/awsAccess';
import type { AwsConfigPaths } from '../aws/sharedConfigFiles';
import type { AppConfig } from '../config';
import type { AppStore } from './appStore';
import type { Logger } from './logger';
import type { RuntimeInfo } from './runtimeInfo';

/**
 * Everything the handlers need, passed in rather than imported, so the same handler table runs in
 * Electron and in plain Node behind the test bridge.
 */
export interface MainServices {
  readonly config: AppConfig;
  readonly store: AppStore;
  readonly runtime: RuntimeInfo;
  readonly awsPaths: AwsConfigPaths;
  readonly logger: Logger;
  /** Opens a URL in the system browser; only called with allow-listed URLs. */
  readonly openExternal: (url: string) => Promise<void>;
  /** The user's local AWS profiles: listing, credentials for a profile, caller identity. */
  readonly awsAccess: AwsAccess;
}
