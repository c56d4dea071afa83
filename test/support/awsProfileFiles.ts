import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AwsConfigPaths } from '../../main/aws/sharedConfigFiles';

export interface AwsHome {
  /** Stands in for the user's home: `.aws/sso/cache` lives below it. */
  readonly home: string;
  readonly paths: AwsConfigPaths;
  writeConfig(text: string): Promise<void>;
  writeCredentials(text: string): Promise<void>;
  remove(): Promise<void>;
}

/** A throwaway home folder with its own config and credentials files. */
export async function createAwsHome(): Promise<AwsHome> {
  const home = await mkdtemp(join(tmpdir(), 'smooz-aws-home-'));
  const paths = {
    configFile: join(home, 'aws-config'),
    credentialsFile: join(home, 'aws-credentials'),
  };
  return {
    home,
    paths,
    writeConfig: (text) => writeFile(paths.configFile, text),
    writeCredentials: (text) => writeFile(paths.credentialsFile, text),
    remove: () => rm(home, { recursive: true, force: true }),
  };
}
