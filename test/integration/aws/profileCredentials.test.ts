import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAwsAccess, type AwsAccess } from '../../../main/aws/awsAccess';
import { AppError } from '../../../shared/errors';
import { motoAppConfig } from '../../support/awsTestConfig';
import { createAwsHome, type AwsHome } from '../../support/awsProfileFiles';

describe('credentials from static, assume-role and credential_process profiles, checked by STS on moto', () => {
  let aws: AwsHome;
  let access: AwsAccess;

  beforeAll(async () => {
    aws = await createAwsHome();
    await aws.writeCredentials(
      [
        '[base]',
        'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
        'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        '',
      ].join('\n'),
    );
    await aws.writeConfig(
      [
        '[profile base]',
        'region = ap-northeast-1',
        '[profile deployer]',
        'role_arn = arn:aws:iam::123456789012:role/SmoozDeployer',
        'source_profile = base',
        'role_session_name = smooz-test',
        'region = ap-northeast-1',
        '[profile chained]',
        'role_arn = arn:aws:iam::123456789012:role/SmoozChained',
        'source_profile = deployer',
        '[profile from-env]',
        'role_arn = arn:aws:iam::123456789012:role/FromEnvironment',
        'credential_source = Environment',
        '[profile loop-a]',
        'role_arn = arn:aws:iam::123456789012:role/A',
        'source_profile = loop-b',
        '[profile loop-b]',
        'role_arn = arn:aws:iam::123456789012:role/B',
        'source_profile = loop-a',
        '',
      ].join('\n'),
    );
    access = createAwsAccess({
      config: motoAppConfig(inject('motoEndpoint')),
      paths: aws.paths,
      env: {},
    });
  });
  afterAll(() => aws.remove());

  it('a static profile signs STS calls with its own keys', async () => {
    const identity = await access.callerIdentity('base');
    expect(identity.account).toBe('123456789012');
    expect(identity.region).toBe('ap-northeast-1');
    expect(identity.profile).toBe('base');
  });

  it('an assume-role profile calls AssumeRole with the source profile and uses the role', async () => {
    const identity = await access.callerIdentity('deployer');
    expect(identity.arn).toBe('arn:aws:sts::123456789012:assumed-role/SmoozDeployer/smooz-test');
  });

  it('a role chained through another role ends in the last role, with the region given', async () => {
    const identity = await access.callerIdentity('chained', 'us-east-1');
    expect(identity.arn).toMatch(/^arn:aws:sts::123456789012:assumed-role\/SmoozChained\//);
    expect(identity.region).toBe('us-east-1');
  });

  it('a profile without a region fails with aws.regionMissing when none is given', async () => {
    await expect(access.callerIdentity('chained')).rejects.toMatchObject({
      code: 'aws.regionMissing',
    });
  });

  it('a source_profile loop is refused before any call, naming the chain', async () => {
    const error = await access.contextFor('loop-a', 'ap-northeast-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'aws.sourceProfileLoop',
      params: { profile: 'loop-a', chain: 'loop-a → loop-b → loop-a' },
    });
  });

  it('an unknown profile fails with aws.profileNotFound', async () => {
    await expect(access.contextFor('nope', 'ap-northeast-1')).rejects.toMatchObject({
      code: 'aws.profileNotFound',
      params: { profile: 'nope' },
    });
  });
});
