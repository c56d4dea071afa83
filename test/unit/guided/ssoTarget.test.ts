import { describe, expect, it } from 'vitest';
import type { AwsProfile, AwsProfileListing } from '../../../shared/aws/profiles';
import { ssoRolePickName } from '../../../shared/aws/sso';
import { loginTargetOf, watchedSessionOf } from '../../../renderer/src/setup/ssoTarget';

const profile = (name: string, sso: AwsProfile['sso']): AwsProfile => ({
  name,
  kind: sso ? (sso.sessionName ? 'sso' : 'ssoLegacy') : 'static',
  files: ['config'],
  region: null,
  sso,
  roleArn: null,
  sourceProfile: null,
  credentialSource: null,
  problem: null,
  login: null,
});

const ssoSettings = (sessionName: string | null, startUrl: string) => ({
  startUrl,
  sessionName,
  ssoRegion: 'ap-northeast-1',
  accountId: '111122223333',
  roleName: 'Admin',
});

const listing: AwsProfileListing = {
  profiles: [
    profile('with-session', ssoSettings('company', 'https://company.awsapps.com/start')),
    profile('legacy', ssoSettings(null, 'https://legacy.awsapps.com/start')),
    profile('keys', null),
  ],
  ssoSessions: [],
  ignoredSections: [],
  fileProblems: [],
  selectedProfile: null,
  regionFromEnvironment: null,
  configFile: '/home/u/.aws/config',
  credentialsFile: '/home/u/.aws/credentials',
};

const pick = ssoRolePickName({
  ssoSession: 'company',
  accountId: '222233334444',
  roleName: 'ReadOnly',
});

describe('the SSO session behind the name a guided flow uses', () => {
  it('logs an account and role picked from a session in to that session, a profile through itself', () => {
    expect(loginTargetOf(pick)).toEqual({ ssoSession: 'company' });
    expect(loginTargetOf('with-session')).toEqual({ profile: 'with-session' });
  });

  it('watches a pick through its session and names notices by the session', () => {
    expect(watchedSessionOf(pick, listing)).toEqual({
      target: { ssoSession: 'company' },
      session: 'company',
    });
  });

  it('watches an SSO profile under its sso-session name, a legacy one under its start URL', () => {
    expect(watchedSessionOf('with-session', listing)).toEqual({
      target: { profile: 'with-session' },
      session: 'company',
    });
    expect(watchedSessionOf('legacy', listing)).toEqual({
      target: { profile: 'legacy' },
      session: 'https://legacy.awsapps.com/start',
    });
  });

  it('watches nothing for a profile without SSO or one that is not listed', () => {
    expect(watchedSessionOf('keys', listing)).toBeNull();
    expect(watchedSessionOf('gone', listing)).toBeNull();
  });
});
