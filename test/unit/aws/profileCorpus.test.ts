import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsAccess } from '../../../main/aws/awsAccess';
import { awsConfigPaths, listProfileNames } from '../../../main/aws/sharedConfigFiles';
import { AppConfigSchema } from '../../../main/base/config';
import type { AwsProfile, AwsProfileListing } from '../../../shared/aws/profiles';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'aws-config');
const fixture = (name: string) => join(FIXTURES, name);
const config = AppConfigSchema.parse({ aws: {}, externalLinkHosts: [] });
const CORP_URL = 'https://d-9067c1a2b3.awsapps.com/start';
const NOT_LOGGED_IN = {
  state: 'missing',
  expiresAt: null,
  refreshable: false,
  sessionEndsAt: null,
};

async function listing(configFile: string, credentialsFile: string, env: NodeJS.ProcessEnv = {}) {
  const access = createAwsAccess({ config, paths: { configFile, credentialsFile }, env });
  return access.listProfiles();
}
const byName = (l: AwsProfileListing) => new Map(l.profiles.map((p) => [p.name, p] as const));
const profile = (l: AwsProfileListing, name: string): AwsProfile => {
  const found = byName(l).get(name);
  if (!found) throw new Error(`profile ${name} not listed`);
  return found;
};

describe('profiles from a corpus of real-world AWS config and credentials files', () => {
  const savedHome = process.env.HOME;
  let home: string;
  beforeAll(async () => {
    // The SSO token cache is read from the home folder: keep the developer's own out of the test.
    home = await mkdtemp(join(tmpdir(), 'smooz-corpus-home-'));
    process.env.HOME = home;
  });
  afterAll(async () => {
    process.env.HOME = savedHome;
    await rm(home, { recursive: true, force: true });
  });

  describe('sso-session and legacy SSO profiles', () => {
    let l: AwsProfileListing;
    beforeAll(async () => {
      l = await listing(fixture('sso-sessions.config'), fixture('none.credentials'));
    });

    it('lists every profile, the broken ones included, and no sso-session or services section', () => {
      expect(l.profiles.map((p) => p.name)).toEqual([
        'broken-session',
        'conflicting-region',
        'corp-admin',
        'corp-login',
        'corp-readonly',
        'default',
        'legacy-incomplete',
        'legacy-sso',
      ]);
      expect(l.ignoredSections).toEqual([]);
    });

    it('reads an sso-session profile with its session, start URL, account, role and region', () => {
      expect(profile(l, 'corp-admin')).toEqual({
        name: 'corp-admin',
        kind: 'sso',
        files: ['config'],
        region: 'ap-northeast-1',
        sso: {
          startUrl: CORP_URL,
          sessionName: 'corp',
          ssoRegion: 'ap-northeast-1',
          accountId: '111122223333',
          roleName: 'AdministratorAccess',
        },
        roleArn: null,
        sourceProfile: null,
        credentialSource: null,
        problem: null,
        login: NOT_LOGGED_IN,
      });
    });

    it('reads a legacy profile with sso_start_url in the profile and no session name', () => {
      expect(profile(l, 'legacy-sso')).toMatchObject({
        kind: 'ssoLegacy',
        sso: {
          startUrl: 'https://my-sso-portal.awsapps.com/start',
          sessionName: null,
          ssoRegion: 'us-east-1',
          accountId: '333344445555',
          roleName: 'PowerUserAccess',
        },
        problem: null,
        login: NOT_LOGGED_IN,
      });
    });

    it('lists broken SSO profiles with the reason', () => {
      expect(profile(l, 'corp-login').problem).toEqual({
        code: 'aws.profileIncomplete',
        params: { profile: 'corp-login', missing: 'sso_account_id, sso_role_name' },
      });
      // A login-only profile still knows its session, so the user can log in with it.
      expect(profile(l, 'corp-login').login).toEqual(NOT_LOGGED_IN);
      expect(profile(l, 'broken-session')).toMatchObject({
        problem: {
          code: 'aws.ssoSessionMissing',
          params: { profile: 'broken-session', session: 'does-not-exist' },
        },
        login: null,
      });
      expect(profile(l, 'legacy-incomplete').problem).toEqual({
        code: 'aws.profileIncomplete',
        params: { profile: 'legacy-incomplete', missing: 'sso_region' },
      });
      expect(profile(l, 'conflicting-region').problem).toEqual({
        code: 'aws.profileConflict',
        params: { profile: 'conflicting-region', setting: 'sso_region' },
      });
      expect(profile(l, 'default')).toMatchObject({
        kind: 'none',
        region: 'ap-northeast-1',
        problem: { code: 'aws.profileNoCredentials', params: { profile: 'default' } },
      });
    });

    it('lists the sso-session sections, an incomplete one with its problem', () => {
      expect(l.ssoSessions).toEqual([
        {
          name: 'corp',
          startUrl: CORP_URL,
          ssoRegion: 'ap-northeast-1',
          problem: null,
          login: NOT_LOGGED_IN,
        },
        {
          name: 'half',
          startUrl: 'https://half.awsapps.com/start',
          ssoRegion: null,
          problem: {
            code: 'aws.profileIncomplete',
            params: { profile: 'sso-session half', missing: 'sso_region' },
          },
          login: null,
        },
      ]);
    });
  });

  describe('files saved on Windows with a UTF-8 BOM and CRLF line endings', () => {
    it('really are BOM + CRLF files (so the comparison below proves something)', async () => {
      for (const name of ['windows-bom-crlf.config', 'windows-bom-crlf.credentials']) {
        const bytes = await readFile(fixture(name));
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        expect(bytes.toString('utf8')).toContain('\r\n');
        expect(bytes.toString('utf8').replace(/\r\n/g, '')).not.toContain('\n');
      }
    });

    it('give exactly the same profiles as their LF, BOM-less originals', async () => {
      const windows = await listing(
        fixture('windows-bom-crlf.config'),
        fixture('windows-bom-crlf.credentials'),
      );
      const unix = await listing(
        fixture('sso-sessions.config'),
        fixture('mixed-kinds.credentials'),
      );
      expect(windows.profiles).toEqual(unix.profiles);
      expect(windows.ssoSessions).toEqual(unix.ssoSessions);
      expect(profile(windows, 'base').kind).toBe('static');
    });
  });

  describe('every kind of credential source, and every way a chain breaks', () => {
    let l: AwsProfileListing;
    beforeAll(async () => {
      l = await listing(fixture('mixed-kinds.config'), fixture('mixed-kinds.credentials'));
    });
    const kindOf = (name: string) => profile(l, name).kind;
    const problemOf = (name: string) => profile(l, name).problem;

    it('tells the kinds apart in the SDK order', () => {
      expect(
        Object.fromEntries(
          [
            'base',
            'temporary',
            'deployer',
            'chained',
            'via-sso',
            'on-ec2',
            'from-env',
            'self-with-keys',
            'vault',
            'ci-oidc',
            'console',
            'corp-admin',
          ].map((name) => [name, kindOf(name)]),
        ),
      ).toEqual({
        base: 'static',
        temporary: 'static',
        deployer: 'assumeRole',
        chained: 'assumeRole',
        'via-sso': 'assumeRole',
        'on-ec2': 'assumeRole',
        'from-env': 'assumeRole',
        'self-with-keys': 'assumeRole',
        vault: 'credentialProcess',
        'ci-oidc': 'webIdentity',
        console: 'consoleLogin',
        'corp-admin': 'sso',
      });
      for (const name of ['base', 'deployer', 'chained', 'via-sso', 'on-ec2', 'from-env']) {
        expect(problemOf(name), name).toBeNull();
      }
      expect(problemOf('self-with-keys')).toBeNull();
    });

    it('merges a profile from both files, the credentials file winning, without reading secrets', () => {
      expect(profile(l, 'base')).toMatchObject({
        files: ['config', 'credentials'],
        region: 'ap-northeast-1',
      });
      expect(profile(l, 'vault')).toMatchObject({
        files: ['config', 'credentials'],
        region: 'us-east-2',
      });
      expect(JSON.stringify(l)).not.toMatch(/EXAMPLEKEY|EXAMPLETOKEN|AKIA|ASIA/);
    });

    it('shows role settings and, for a role on top of SSO, the login of that session', () => {
      expect(profile(l, 'deployer')).toMatchObject({
        roleArn: 'arn:aws:iam::123456789012:role/SmoozDeployer',
        sourceProfile: 'base',
        credentialSource: null,
        login: null,
      });
      expect(profile(l, 'on-ec2')).toMatchObject({ credentialSource: 'Ec2InstanceMetadata' });
      expect(profile(l, 'via-sso').login).toEqual(NOT_LOGGED_IN);
    });

    it('names the loop of source_profile settings, including a profile that names itself', () => {
      expect(problemOf('loop-a')).toEqual({
        code: 'aws.sourceProfileLoop',
        params: { profile: 'loop-a', chain: 'loop-a → loop-b → loop-a' },
      });
      expect(problemOf('loop-b')).toEqual({
        code: 'aws.sourceProfileLoop',
        params: { profile: 'loop-b', chain: 'loop-b → loop-a → loop-b' },
      });
      expect(problemOf('self-no-keys')).toEqual({
        code: 'aws.sourceProfileLoop',
        params: { profile: 'self-no-keys', chain: 'self-no-keys → self-no-keys' },
      });
    });

    it('names a missing source profile, a source without credentials and bad settings', () => {
      expect(problemOf('missing-source')).toEqual({
        code: 'aws.sourceProfileMissing',
        params: { profile: 'missing-source', sourceProfile: 'nobody' },
      });
      expect(problemOf('via-region-only')).toEqual({
        code: 'aws.profileNoCredentials',
        params: { profile: 'region-only' },
      });
      expect(problemOf('bad-source')).toEqual({
        code: 'aws.credentialSourceUnsupported',
        params: { profile: 'bad-source', source: 'Keychain' },
      });
      expect(problemOf('both-sources')).toEqual({
        code: 'aws.profileConflict',
        params: { profile: 'both-sources', setting: 'source_profile, credential_source' },
      });
      expect(problemOf('with-mfa')).toEqual({
        code: 'aws.mfaNotSupported',
        params: { profile: 'with-mfa' },
      });
      expect(problemOf('half-keys')).toEqual({
        code: 'aws.profileIncomplete',
        params: { profile: 'half-keys', missing: 'aws_secret_access_key' },
      });
    });

    it('reports a config section without the profile prefix instead of listing or hiding it', () => {
      expect(byName(l).has('forgot-prefix')).toBe(false);
      expect(l.ignoredSections).toEqual(['forgot-prefix']);
    });
  });

  describe('comments, tabs, inline comments and odd spacing', () => {
    let l: AwsProfileListing;
    beforeAll(async () => {
      l = await listing(fixture('odd-whitespace.config'), fixture('none.credentials'));
    });

    it('strips whitespace and comments the way the CLI does, keeping a # inside a value', () => {
      expect(profile(l, 'spaced')).toMatchObject({
        kind: 'ssoLegacy',
        region: 'eu-west-1',
        sso: {
          startUrl: 'https://spaced.awsapps.com/start',
          ssoRegion: 'eu-west-1',
          accountId: '555566667777',
          roleName: 'Admin#NotAComment',
        },
        problem: null,
      });
      expect(profile(l, 'default').region).toBe('ap-northeast-1');
    });

    it('keeps dotted profile names and nested sub-settings out of the way', () => {
      expect(kindOfIn(l, 'with.dots-and_underscores')).toBe('static');
      expect(profile(l, 'nested')).toMatchObject({
        kind: 'credentialProcess',
        region: 'us-east-1',
        problem: null,
      });
    });

    it('reports a header the SDKs cannot read (two spaces, trailing space)', () => {
      expect(byName(l).has('tabbed')).toBe(false);
      expect(l.ignoredSections).toEqual(['profile  tabbed ']);
    });
  });

  describe('environment variables', () => {
    it('AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE choose the files', async () => {
      const paths = awsConfigPaths({
        AWS_CONFIG_FILE: fixture('mixed-kinds.config'),
        AWS_SHARED_CREDENTIALS_FILE: fixture('mixed-kinds.credentials'),
      });
      expect(paths).toEqual({
        configFile: fixture('mixed-kinds.config'),
        credentialsFile: fixture('mixed-kinds.credentials'),
      });
      expect(await listProfileNames(paths)).toContain('temporary');
    });

    it('without them, the files are ~/.aws/config and ~/.aws/credentials', () => {
      expect(awsConfigPaths({})).toEqual({
        configFile: join(home, '.aws', 'config'),
        credentialsFile: join(home, '.aws', 'credentials'),
      });
    });

    it('AWS_PROFILE selects the profile and AWS_REGION is passed on; default otherwise', async () => {
      const files = [fixture('sso-sessions.config'), fixture('none.credentials')] as const;
      const withEnv = await listing(...files, {
        AWS_PROFILE: 'corp-readonly',
        AWS_REGION: 'eu-west-3',
      });
      expect(withEnv.selectedProfile).toBe('corp-readonly');
      expect(withEnv.regionFromEnvironment).toBe('eu-west-3');
      const without = await listing(...files);
      expect(without.selectedProfile).toBe('default');
      expect(without.regionFromEnvironment).toBeNull();
      const noDefault = await listing(fixture('mixed-kinds.config'), fixture('none.credentials'));
      expect(noDefault.selectedProfile).toBeNull();
    });

    it('AWS_REGION wins over the profile region, an explicit region over both', async () => {
      const paths = {
        configFile: fixture('mixed-kinds.config'),
        credentialsFile: fixture('mixed-kinds.credentials'),
      };
      const access = createAwsAccess({ config, paths, env: { AWS_REGION: 'eu-west-3' } });
      expect((await access.contextFor('base')).region).toBe('eu-west-3');
      expect((await access.contextFor('base', 'us-west-1')).region).toBe('us-west-1');
      const plain = createAwsAccess({ config, paths, env: {} });
      expect((await plain.contextFor('base')).region).toBe('ap-northeast-1');
    });
  });
});

function kindOfIn(l: AwsProfileListing, name: string) {
  return l.profiles.find((p) => p.name === name)?.kind;
}
