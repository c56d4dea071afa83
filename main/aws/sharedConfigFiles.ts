import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { getHomeDir, loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';

export interface AwsConfigPaths {
  readonly configFile: string;
  readonly credentialsFile: string;
}

/** Where the AWS CLI and SDKs look for the shared files, honouring the same variables they do. */
export function awsConfigPaths(env: NodeJS.ProcessEnv = process.env): AwsConfigPaths {
  return {
    configFile: env.AWS_CONFIG_FILE || join(getHomeDir(), '.aws', 'config'),
    credentialsFile: env.AWS_SHARED_CREDENTIALS_FILE || join(getHomeDir(), '.aws', 'credentials'),
  };
}

/** Profile names across both files, as the SDK's own loader parses them. */
export async function listProfileNames(paths: AwsConfigPaths): Promise<string[]> {
  const files = await loadSharedConfigFiles({
    configFilepath: paths.configFile,
    filepath: paths.credentialsFile,
    ignoreCache: true,
  });
  // The loader keys `[sso-session x]` and `[services x]` sections with a dotted prefix.
  const names = [...Object.keys(files.configFile), ...Object.keys(files.credentialsFile)].filter(
    (name) => !name.includes('.'),
  );
  return [...new Set(names)].sort();
}

export function describeConfigFiles(paths: AwsConfigPaths) {
  return {
    configFile: { path: paths.configFile, exists: existsSync(paths.configFile) },
    credentialsFile: { path: paths.credentialsFile, exists: existsSync(paths.credentialsFile) },
  };
}
