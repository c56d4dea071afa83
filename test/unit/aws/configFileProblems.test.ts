import { mkdir, rm, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAwsAccess } from '../../../main/aws/awsAccess';
import { AppConfigSchema } from '../../../main/base/config';
import type { AwsProfileListing } from '../../../shared/aws/profiles';
import { createAwsHome, type AwsHome } from '../../support/awsProfileFiles';
import { longChainConfig } from '../../support/longProfileChains';

const config = AppConfigSchema.parse({ aws: {}, externalLinkHosts: [] });
const KEYS = 'aws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = example/secret\n';
const PROFILES = `[profile dev]\n${KEYS}region = ap-northeast-1\n\n[profile prod]\n${KEYS}`;

describe('AWS config files the SDK cannot read, or reads differently than they look', () => {
  const savedHome = process.env.HOME;
  let aws: AwsHome;
  beforeEach(async () => {
    aws = await createAwsHome();
    // The SSO token cache is read from the home folder: keep the developer's own out of the test.
    process.env.HOME = aws.home;
  });
  afterEach(async () => {
    process.env.HOME = savedHome;
    await aws.remove();
  });

  const listing = (): Promise<AwsProfileListing> =>
    createAwsAccess({ config, paths: aws.paths, env: {} }).listProfiles();
  const names = (l: AwsProfileListing) => l.profiles.map((p) => p.name);

  it('reports a config file saved as UTF-16 by PowerShell, little- or big-endian, with or without BOM', async () => {
    const utf16le = Buffer.from(`\ufeff${PROFILES}`.replace(/\n/g, '\r\n'), 'utf16le');
    await writeFile(aws.paths.configFile, utf16le);
    expect((await listing()).fileProblems).toEqual([
      {
        code: 'aws.configFileUtf16',
        params: { file: aws.paths.configFile, encoding: 'UTF-16 LE' },
      },
    ]);
    await writeFile(aws.paths.configFile, Buffer.from(utf16le).swap16());
    const l = await listing();
    expect(l.fileProblems).toEqual([
      {
        code: 'aws.configFileUtf16',
        params: { file: aws.paths.configFile, encoding: 'UTF-16 BE' },
      },
    ]);
    // The SDK finds no profile in it, so none is offered as if it would work.
    expect(l.profiles).toEqual([]);
    // Without the byte order mark, the zero byte of the first character gives it away.
    await writeFile(aws.paths.configFile, utf16le.subarray(2));
    expect((await listing()).fileProblems).toMatchObject([
      { code: 'aws.configFileUtf16', params: { encoding: 'UTF-16 LE' } },
    ]);
  });

  it('reports a credentials file that is a folder, and still lists the config file', async () => {
    await mkdir(aws.paths.credentialsFile);
    await aws.writeConfig(PROFILES);
    const l = await listing();
    expect(names(l)).toEqual(['dev', 'prod']);
    expect(l.fileProblems).toEqual([
      { code: 'aws.configFileIsFolder', params: { file: aws.paths.credentialsFile } },
    ]);
  });

  it('names the line that is not UTF-8 (a Shift_JIS comment) and keeps the profiles', async () => {
    const shiftJisComment = Buffer.from([0x23, 0x20, 0x96, 0x7b, 0x94, 0xd4, 0x0a]); // "# 本番"
    await writeFile(
      aws.paths.configFile,
      Buffer.concat([Buffer.from('[profile dev]\n'), shiftJisComment, Buffer.from(KEYS)]),
    );
    const l = await listing();
    expect(names(l)).toEqual(['dev']);
    expect(l.fileProblems).toEqual([
      { code: 'aws.configFileNotUtf8', params: { file: aws.paths.configFile, line: 2 } },
    ]);
  });

  it('reports a section the SDK refuses, for which it drops the whole file', async () => {
    await aws.writeConfig(`${PROFILES}\n[profile __proto__]\nregion = us-east-1\n`);
    const l = await listing();
    expect(l.profiles).toEqual([]);
    expect(l.fileProblems).toEqual([
      {
        code: 'aws.configSectionRejected',
        params: { file: aws.paths.configFile, section: 'profile __proto__', line: 10 },
      },
    ]);
    expect(l.ignoredSections).toEqual([]);
  });

  it('reports a [default] hidden by [profile default], and lists what the SDK uses', async () => {
    await aws.writeConfig(
      `[default]\nregion = eu-west-1\n${KEYS}\n[profile default]\nregion = ap-northeast-1\n${KEYS}`,
    );
    const l = await listing();
    expect(l.profiles.find((p) => p.name === 'default')?.region).toBe('ap-northeast-1');
    expect(l.fileProblems).toEqual([
      { code: 'aws.configDefaultShadowed', params: { file: aws.paths.configFile, line: 1 } },
    ]);
  });

  it('says a role_arn has no source_profile or credential_source, also at the end of a chain', async () => {
    await aws.writeConfig(
      [
        '[profile bare-role]',
        'role_arn = arn:aws:iam::123456789012:role/Admin',
        '[profile on-top]',
        'role_arn = arn:aws:iam::123456789012:role/Deploy',
        'source_profile = bare-role',
      ].join('\n'),
    );
    const l = await listing();
    const problems = Object.fromEntries(l.profiles.map((p) => [p.name, p.problem]));
    expect(problems).toEqual({
      'bare-role': { code: 'aws.roleSourceMissing', params: { profile: 'bare-role' } },
      'on-top': { code: 'aws.roleSourceMissing', params: { profile: 'bare-role' } },
    });
    expect(l.fileProblems).toEqual([]);
  });

  it('lists what the files hold now: after an edit of the same size, a removal and a restore', async () => {
    await aws.writeConfig(PROFILES);
    expect(names(await listing())).toEqual(['dev', 'prod']);
    const edited = PROFILES.replace('[profile prod]', '[profile test]');
    expect(edited.length).toBe(PROFILES.length);
    await aws.writeConfig(edited);
    expect(names(await listing())).toEqual(['dev', 'test']);
    await rm(aws.paths.configFile);
    expect(names(await listing())).toEqual([]);
    await aws.writeConfig(edited);
    expect(names(await listing())).toEqual(['dev', 'test']);
  });

  it('names a source_profile that no file defines even when it is a built-in object name', async () => {
    await aws.writeConfig(
      ['constructor', 'toString', '__proto__']
        .map((source, n) =>
          [
            `[profile role-${n}]`,
            'role_arn = arn:aws:iam::123456789012:role/Deploy',
            `source_profile = ${source}`,
          ].join('\n'),
        )
        .join('\n'),
    );
    const l = await listing();
    expect(l.profiles.map((p) => p.problem)).toEqual([
      {
        code: 'aws.sourceProfileMissing',
        params: { profile: 'role-0', sourceProfile: 'constructor' },
      },
      {
        code: 'aws.sourceProfileMissing',
        params: { profile: 'role-1', sourceProfile: 'toString' },
      },
      {
        code: 'aws.sourceProfileMissing',
        params: { profile: 'role-2', sourceProfile: '__proto__' },
      },
    ]);
  });

  // No time is asserted (`npm run bench` measures it); the long timeout is for a busy machine.
  // Walking each chain again from every profile, as before, did not finish on this file.
  it(
    'resolves a 5 MB file of long source_profile chains, each profile to its chain end',
    {
      timeout: 60_000,
    },
    async () => {
      const chains = longChainConfig(5 * 1024 * 1024);
      expect(chains.text.length).toBeGreaterThan(5 * 1024 * 1024);
      await aws.writeConfig(chains.text);
      const l = await listing();
      expect(l.profiles).toHaveLength(4 * chains.length);
      const byName = new Map(l.profiles.map((p) => [p.name, p]));
      const last = chains.length - 1;
      expect(byName.get(`keys-${last}`)?.problem).toBeNull();
      expect(byName.get(`sso-${last}`)).toMatchObject({
        problem: null,
        login: { state: 'missing' },
      });
      expect(byName.get(`missing-${last}`)?.problem).toEqual({
        code: 'aws.sourceProfileMissing',
        params: { profile: 'missing-0', sourceProfile: 'nobody' },
      });
      const loop = byName.get('loop-5')?.problem;
      expect(loop?.code).toBe('aws.sourceProfileLoop');
      expect(loop?.params?.chain).toMatch(
        /^loop-5 → loop-4 → loop-3 → loop-2 → … → (loop-\d+)( → loop-\d+){2}$/,
      );
      for (const p of l.profiles) {
        const ending = p.name.slice(0, p.name.indexOf('-'));
        expect(p.problem === null, p.name).toBe(ending === 'keys' || ending === 'sso');
      }
    },
  );
});
