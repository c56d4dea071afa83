import type * as iniLoader from '@smithy/shared-ini-file-loader';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAwsAccess } from '../../../main/aws/awsAccess';
import { AppConfigSchema } from '../../../main/base/config';
import { createAwsHome, type AwsHome } from '../../support/awsProfileFiles';

// The SDK's own loader, counted: it must still do every parse, only not the same one twice.
vi.mock('@smithy/shared-ini-file-loader', async (importOriginal) => {
  const actual = await importOriginal<typeof iniLoader>();
  return { ...actual, loadSharedConfigFiles: vi.fn(actual.loadSharedConfigFiles) };
});

const config = AppConfigSchema.parse({ aws: {}, externalLinkHosts: [] });
const keys = (name: string) =>
  `[profile ${name}]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = example/secret\n`;

describe('the AWS files are parsed by the SDK loader once per content', () => {
  const savedHome = process.env.HOME;
  let aws: AwsHome;
  beforeEach(async () => {
    aws = await createAwsHome();
    process.env.HOME = aws.home;
    vi.mocked(loadSharedConfigFiles).mockClear();
  });
  afterEach(async () => {
    process.env.HOME = savedHome;
    await aws.remove();
  });

  it('parses once for two listings at the same time and the credentials that follow', async () => {
    await aws.writeConfig(keys('dev'));
    const access = createAwsAccess({ config, paths: aws.paths, env: {} });
    const [first, second] = await Promise.all([access.listProfiles(), access.listProfiles()]);
    const context = await access.contextFor('dev', 'ap-northeast-1');
    expect(first.profiles.map((p) => p.name)).toEqual(['dev']);
    expect(second).toEqual(first);
    expect(context.region).toBe('ap-northeast-1');
    expect(loadSharedConfigFiles).toHaveBeenCalledTimes(1);
  });

  it('parses again after every change, also back to content parsed before', async () => {
    const access = createAwsAccess({ config, paths: aws.paths, env: {} });
    const names = async () => (await access.listProfiles()).profiles.map((p) => p.name);
    await aws.writeConfig(keys('dev'));
    expect(await names()).toEqual(['dev']);
    await aws.writeCredentials('[ci]\naws_access_key_id = AKIDEXAMPLE\n');
    expect(await names()).toEqual(['ci', 'dev']);
    await aws.writeConfig(keys('prd'));
    expect(await names()).toEqual(['ci', 'prd']);
    await aws.writeConfig(keys('dev'));
    expect(await names()).toEqual(['ci', 'dev']);
    expect(loadSharedConfigFiles).toHaveBeenCalledTimes(4);
  });
});
