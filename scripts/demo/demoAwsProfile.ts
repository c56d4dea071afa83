import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AwsConfigPaths } from '../../main/aws/sharedConfigFiles';

export const DEMO_PROFILE = 'smooz-demo';
export const DEMO_REGION = 'ap-northeast-1';

/**
 * A throw-away AWS config for the demo: one static-credentials profile whose keys only the local
 * emulator accepts. The user's own ~/.aws is never read or written.
 */
export async function writeDemoAwsProfile(): Promise<AwsConfigPaths & { dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'smooz-demo-aws-'));
  const configFile = join(dir, 'config');
  const credentialsFile = join(dir, 'credentials');
  await writeFile(configFile, `[profile ${DEMO_PROFILE}]\nregion = ${DEMO_REGION}\n`);
  await writeFile(
    credentialsFile,
    `[${DEMO_PROFILE}]\naws_access_key_id = AKIADEMODEMODEMODEMO\naws_secret_access_key = demo-secret-for-the-local-emulator\n`,
  );
  return { dir, configFile, credentialsFile };
}
