import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  awsConfigPaths,
  describeConfigFiles,
  listProfileNames,
} from '../../main/aws/sharedConfigFiles';
import { isAllowedExternalUrl } from '../../main/app/externalLinks';

describe('diagnostics of the AWS shared files', () => {
  it('honours AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE', () => {
    expect(
      awsConfigPaths({ AWS_CONFIG_FILE: '/x/config', AWS_SHARED_CREDENTIALS_FILE: '/x/creds' }),
    ).toEqual({ configFile: '/x/config', credentialsFile: '/x/creds' });
  });

  it('counts each profile once across both files and leaves out sso-session sections', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'smooz-aws-'));
    const paths = { configFile: join(dir, 'config'), credentialsFile: join(dir, 'credentials') };
    await writeFile(
      paths.configFile,
      [
        '[default]',
        'region = ap-northeast-1',
        '[profile dev]',
        'sso_session = corp',
        '[sso-session corp]',
        'sso_start_url = https://corp.awsapps.com/start',
        '[profile prod]',
        'role_arn = arn:aws:iam::123456789012:role/admin',
        'source_profile = default',
      ].join('\n'),
    );
    await writeFile(
      paths.credentialsFile,
      '[default]\naws_access_key_id = AKIA\n[ci]\naws_access_key_id = AKIB\n',
    );
    expect(await listProfileNames(paths)).toEqual(['ci', 'default', 'dev', 'prod']);
    expect(describeConfigFiles(paths)).toEqual({
      configFile: { path: paths.configFile, exists: true },
      credentialsFile: { path: paths.credentialsFile, exists: true },
    });
  });

  it('reports missing files as missing with no profiles', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'smooz-aws-'));
    const paths = { configFile: join(dir, 'nope'), credentialsFile: join(dir, 'nope2') };
    expect(await listProfileNames(paths)).toEqual([]);
    expect(describeConfigFiles(paths).configFile.exists).toBe(false);
  });
});

describe('the external link allow-list', () => {
  const hosts = ['docs.aws.amazon.com', 'smooz.jp'];
  it.each([
    ['https://docs.aws.amazon.com/vpc/latest/privatelink/', true],
    ['https://www.smooz.jp/help', true],
    ['http://docs.aws.amazon.com/', false],
    ['https://docs.aws.amazon.com.evil.example/', false],
    ['https://evilsmooz.jp/', false],
    ['https://user:pass@smooz.jp/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url, hosts)).toBe(allowed);
  });
});
