import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAwsAccess, type AwsAccess } from '../../../main/aws/awsAccess';
import { createAwsClient } from '../../../main/aws/clientFactory';
import { AppError } from '../../../shared/errors';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';
import { createAwsHome, type AwsHome } from '../../support/awsProfileFiles';

describe('credentials from every kind of local profile, checked by STS on moto', () => {
  let aws: AwsHome;
  let access: AwsAccess;
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    aws = await createAwsHome();
    // A credential process that hands out a moto session for a role of its own.
    const sts = createAwsClient(STSClient, motoAppConfig(inject('motoEndpoint')), motoContext);
    const { Credentials } = await sts.send(
      new AssumeRoleCommand({
        RoleArn: 'arn:aws:iam::123456789012:role/FromCredentialProcess',
        RoleSessionName: 'vault',
      }),
    );
    const processScript = join(aws.home, 'credential-process.mjs');
    await writeFile(
      processScript,
      `console.log(${JSON.stringify(
        JSON.stringify({
          Version: 1,
          AccessKeyId: Credentials?.AccessKeyId,
          SecretAccessKey: Credentials?.SecretAccessKey,
          SessionToken: Credentials?.SessionToken,
          Expiration: Credentials?.Expiration?.toISOString(),
        }),
      )});\n`,
    );
    const tokenFile = join(aws.home, 'web-identity-token');
    await writeFile(tokenFile, 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOnNtb296In0.c2lnbmF0dXJl');
    // credential_source = Environment reads the standard variables.
    process.env.AWS_ACCESS_KEY_ID = 'AKIAENVIRONMENTEXAMPLE';
    process.env.AWS_SECRET_ACCESS_KEY = 'environment-secret';
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
        '[profile vault]',
        `credential_process = node ${processScript}`,
        'region = ap-northeast-1',
        '[profile ci]',
        'role_arn = arn:aws:iam::123456789012:role/WebIdentityRole',
        `web_identity_token_file = ${tokenFile}`,
        'role_session_name = github-actions',
        'region = ap-northeast-1',
        '[profile env-role]',
        'role_arn = arn:aws:iam::123456789012:role/FromEnvironment',
        'credential_source = Environment',
        'region = ap-northeast-1',
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
  afterAll(async () => {
    process.env = savedEnv;
    await aws.remove();
  });

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

  it('a credential_process profile uses what the process prints', async () => {
    const identity = await access.callerIdentity('vault');
    expect(identity.arn).toBe('arn:aws:sts::123456789012:assumed-role/FromCredentialProcess/vault');
  });

  it('a web identity profile exchanges its token file with AssumeRoleWithWebIdentity', async () => {
    const identity = await access.callerIdentity('ci');
    expect(identity.arn).toBe(
      'arn:aws:sts::123456789012:assumed-role/WebIdentityRole/github-actions',
    );
  });

  it('credential_source = Environment assumes the role with the environment keys', async () => {
    const identity = await access.callerIdentity('env-role');
    expect(identity.arn).toMatch(/^arn:aws:sts::123456789012:assumed-role\/FromEnvironment\//);
  });

  it('the secret key never leaves as part of the identity', async () => {
    const identity = await access.callerIdentity('base');
    expect(Object.keys(identity).sort()).toEqual(['account', 'arn', 'profile', 'region', 'userId']);
    expect(JSON.stringify(identity)).not.toContain('wJalrXUtnFEMI');
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
