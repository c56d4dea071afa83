import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cliTimestamp,
  readSsoToken,
  ssoLoginStatus,
  ssoTokenPath,
  writeSsoToken,
  type SsoCachedToken,
} from '../../../main/aws/sso/tokenCache';

const token: SsoCachedToken = {
  startUrl: 'https://d-9067c1a2b3.awsapps.com/start',
  region: 'ap-northeast-1',
  accessToken: 'aoaEXAMPLE',
  expiresAt: '2026-11-23T10:00:00Z',
  clientId: 'client-id',
  clientSecret: 'client-secret',
  registrationExpiresAt: '2027-02-21T09:00:00Z',
  refreshToken: 'aorEXAMPLE',
};

describe('the SSO token cache, shared with the AWS CLI and SDKs', () => {
  let home: string;
  const savedHome = process.env.HOME;
  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'smooz-token-cache-'));
    process.env.HOME = home;
  });
  afterAll(async () => {
    process.env.HOME = savedHome;
    await rm(home, { recursive: true, force: true });
  });

  it('lives at ~/.aws/sso/cache/<sha1 of the session name or start URL>.json', () => {
    const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
    expect(ssoTokenPath('corp')).toBe(join(home, '.aws', 'sso', 'cache', `${sha1('corp')}.json`));
    expect(ssoTokenPath(token.startUrl)).toBe(
      join(home, '.aws', 'sso', 'cache', `${sha1(token.startUrl)}.json`),
    );
  });

  it('writes the CLI’s layout byte for byte: its field order, its JSON spacing, private mode', async () => {
    await writeSsoToken('corp', token);
    expect(await readFile(ssoTokenPath('corp'), 'utf8')).toBe(
      '{"startUrl": "https://d-9067c1a2b3.awsapps.com/start", "region": "ap-northeast-1", ' +
        '"accessToken": "aoaEXAMPLE", "expiresAt": "2026-11-23T10:00:00Z", "clientId": "client-id", ' +
        '"clientSecret": "client-secret", "registrationExpiresAt": "2027-02-21T09:00:00Z", ' +
        '"refreshToken": "aorEXAMPLE"}',
    );
    expect((await stat(ssoTokenPath('corp'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(home, '.aws', 'sso', 'cache'))).mode & 0o777).toBe(0o700);
  });

  it('replaces a file whole and leaves no temporary file behind', async () => {
    await writeSsoToken('corp', { ...token, accessToken: 'second' });
    expect((await readSsoToken('corp'))?.accessToken).toBe('second');
    expect(await readdir(join(home, '.aws', 'sso', 'cache'))).toHaveLength(1);
  });

  it('reads files written by the SDKs too (ISO dates with milliseconds, pretty-printed)', async () => {
    await writeFile(
      ssoTokenPath('sdk'),
      JSON.stringify({ ...token, expiresAt: '2026-11-23T10:00:00.000Z' }, null, 2),
    );
    expect(await readSsoToken('sdk')).toEqual({ ...token, expiresAt: '2026-11-23T10:00:00.000Z' });
  });

  it('treats a missing, truncated or foreign file as no login', async () => {
    expect(await readSsoToken('never')).toBeNull();
    await writeFile(ssoTokenPath('broken'), '{"startUrl": "https://x", "accessTo');
    expect(await readSsoToken('broken')).toBeNull();
    await writeFile(ssoTokenPath('foreign'), JSON.stringify({ startUrl: 'x', region: 'y' }));
    expect(await readSsoToken('foreign')).toBeNull();
  });

  it('formats times as the CLI does: UTC, whole seconds, Z', () => {
    expect(cliTimestamp(new Date('2026-11-23T09:15:30.987Z'))).toBe('2026-11-23T09:15:30Z');
  });

  it('says whether a login is valid, expired or missing, and until when it renews itself', () => {
    const at = (iso: string) => new Date(iso);
    expect(ssoLoginStatus(token, at('2026-11-23T09:00:00Z'))).toEqual({
      state: 'valid',
      expiresAt: '2026-11-23T10:00:00.000Z',
      refreshable: true,
      sessionEndsAt: '2027-02-21T09:00:00.000Z',
    });
    expect(ssoLoginStatus(token, at('2026-11-23T10:00:01Z')).state).toBe('expired');
    expect(
      ssoLoginStatus({ ...token, refreshToken: undefined }, at('2026-11-23T09:00:00Z')),
    ).toMatchObject({
      refreshable: false,
      sessionEndsAt: null,
    });
    expect(ssoLoginStatus(token, at('2027-03-01T00:00:00Z'))).toMatchObject({
      state: 'expired',
      refreshable: false,
    });
    expect(ssoLoginStatus(null, at('2026-11-23T09:00:00Z'))).toEqual({
      state: 'missing',
      expiresAt: null,
      refreshable: false,
      sessionEndsAt: null,
    });
  });
});
