import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAwsServices, type AwsServices } from '../../../main/aws/awsServices';
import { readSsoToken, writeSsoToken } from '../../../main/aws/sso/tokenCache';
import { motoAppConfig } from '../../support/awsTestConfig';
import { startSsoTestbed, type SsoTestbed } from '../../support/fakeSso/ssoTestbed';
import { VENV_PYTHON } from '../../support/motoServer';

const START_URL = 'https://cli-example.awsapps.com/start';
const LEGACY_URL = 'https://cli-legacy.awsapps.com/start';
const READER = join(import.meta.dirname, '..', '..', 'support', 'fakeSso', 'botocore_sso_token.py');
const run = promisify(execFile);
const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/** The AWS CLI's own token handling (botocore's SSOTokenProvider) on the same home folder. */
async function cliToken(...args: string[]): Promise<{ token: string; expiration: string }> {
  const { stdout } = await run(VENV_PYTHON, [READER, ...args], { env: process.env });
  return JSON.parse(stdout) as { token: string; expiration: string };
}

describe('one token cache for the app and the AWS CLI (botocore, the library the CLI is built on)', () => {
  let testbed: SsoTestbed;
  let services: AwsServices;
  const cacheFile = () => join(testbed.aws.home, '.aws', 'sso', 'cache', `${sha1('cli')}.json`);

  beforeAll(async () => {
    const moto = inject('motoEndpoint');
    testbed = await startSsoTestbed(moto);
    await testbed.aws.writeConfig(
      [
        '[sso-session cli]',
        `sso_start_url = ${START_URL}`,
        'sso_region = ap-northeast-1',
        'sso_registration_scopes = sso:account:access',
        '',
        '[profile cli-admin]',
        'sso_session = cli',
        'sso_account_id = 111122223333',
        'sso_role_name = AdministratorAccess',
        'region = ap-northeast-1',
        '',
      ].join('\n'),
    );
    services = createAwsServices({
      config: motoAppConfig(moto),
      paths: testbed.aws.paths,
      env: process.env,
      openExternal: (url) => testbed.browser.openExternal(url),
    });
  });
  afterAll(() => testbed.close());

  it('a login in the app is a login for the CLI', async () => {
    const started = services.ssoLogins.start(
      { key: 'cli', sessionName: 'cli', startUrl: START_URL, region: 'ap-northeast-1' },
      'authCode',
    );
    await services.ssoLogins.finished(started.loginId);
    const written = JSON.parse(await readFile(cacheFile(), 'utf8')) as Record<string, string>;
    const cli = await cliToken('cli-admin');
    expect(cli.token).toBe(written.accessToken);
    expect(Date.parse(cli.expiration)).toBe(Date.parse(written.expiresAt ?? ''));
  });

  it('a renewal by the CLI is read by the app, and its file is byte for byte what the app writes', async () => {
    const before = JSON.parse(await readFile(cacheFile(), 'utf8')) as Record<string, string>;
    // Ten minutes left: inside the CLI's 15-minute renewal window, outside the app's 5 minutes.
    const soon = `${new Date(Date.now() + 10 * 60 * 1000).toISOString().slice(0, 19)}Z`;
    await writeFile(cacheFile(), JSON.stringify({ ...before, expiresAt: soon }));

    const cli = await cliToken('cli-admin');
    expect(cli.token).not.toBe(before.accessToken);
    expect(testbed.oidc.calls.at(-1)?.body).toMatchObject({
      grantType: 'refresh_token',
      refreshToken: before.refreshToken,
    });

    const cliBytes = await readFile(cacheFile(), 'utf8');
    const read = await readSsoToken('cli');
    if (!read) throw new Error('the app could not read the file the CLI wrote');
    expect(read.accessToken).toBe(cli.token);
    await writeSsoToken('app-rewrite', read);
    const appBytes = await readFile(
      join(testbed.aws.home, '.aws', 'sso', 'cache', `${sha1('app-rewrite')}.json`),
      'utf8',
    );
    expect(appBytes).toBe(cliBytes);

    services.awsAccess.forgetCredentials();
    const identity = await services.awsAccess.callerIdentity('cli-admin');
    expect(identity.account).toBe('111122223333');
  });

  it('a legacy profile login is found by the CLI under the sha1 of its start URL', async () => {
    const started = services.ssoLogins.start(
      { key: LEGACY_URL, sessionName: null, startUrl: LEGACY_URL, region: 'us-east-1' },
      'authCode',
    );
    await services.ssoLogins.finished(started.loginId);
    const written = await readSsoToken(LEGACY_URL);
    const cli = await cliToken('--legacy', LEGACY_URL);
    expect(written?.accessToken).toBeTruthy();
    expect(cli).toEqual({ token: written?.accessToken, expiration: written?.expiresAt });
  });
});
