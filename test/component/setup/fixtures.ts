import type { AwsProfile, AwsProfileListing } from '../../../shared/aws/profiles';
import type { DatabaseRecord } from '../../../shared/flow/database';
import { samplePlan } from '../../support/flowFixtures';

/** An access-key profile as main lists it. */
export const profile = (name: string, over: Partial<AwsProfile> = {}): AwsProfile => ({
  name,
  kind: 'static',
  files: ['credentials'],
  region: 'ap-northeast-1',
  sso: null,
  roleArn: null,
  sourceProfile: null,
  credentialSource: null,
  problem: null,
  login: null,
  ...over,
});

export const listing = (profiles: AwsProfile[]): AwsProfileListing => ({
  profiles,
  ssoSessions: [],
  ignoredSections: [],
  fileProblems: [],
  selectedProfile: null,
  regionFromEnvironment: null,
  configFile: '/home/u/.aws/config',
  credentialsFile: '/home/u/.aws/credentials',
});

export const identity = {
  account: '123456789012',
  arn: 'arn:aws:iam::123456789012:user/dev',
  userId: 'AIDAEXAMPLE',
  region: 'ap-northeast-1',
  profile: 'dev',
};

/** The sample plan's database, as the region's list shows it. */
export const database: DatabaseRecord = samplePlan.database;

export const target = { profile: 'dev', region: 'ap-northeast-1', accountId: '123456789012' };
export const smoozDefaults = {
  smoozAccountId: '210987654321',
  smoozRoleArn: 'arn:aws:iam::210987654321:role/smooz-privatelink',
  resourceNamePrefix: 'smooz',
};
