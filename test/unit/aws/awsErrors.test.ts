import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EC2ServiceException } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient, STSServiceException } from '@aws-sdk/client-sts';
import { fromIni, fromSSO } from '@aws-sdk/credential-providers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapAwsError, parseAccessDenied } from '../../../main/aws/awsErrors';
import { AppError } from '../../../shared/errors';
import { freePort } from '../../support/motoServer';

const serviceError = (
  Exception: typeof STSServiceException | typeof EC2ServiceException,
  name: string,
  message: string,
  status = 400,
) => new Exception({ name, $fault: 'client', $metadata: { httpStatusCode: status }, message });

describe('AWS failures become aws.* errors a customer engineer can act on', () => {
  it('AccessDenied names the action and the resource from IAM’s message', () => {
    const error = serviceError(
      EC2ServiceException,
      'UnauthorizedOperation',
      'You are not authorized to perform this operation. User: arn:aws:sts::123456789012:assumed-role/Dev/me ' +
        'is not authorized to perform: ec2:CreateSecurityGroup on resource: ' +
        'arn:aws:ec2:ap-northeast-1:123456789012:vpc/vpc-0abc1234 because no identity-based policy allows ' +
        'the ec2:CreateSecurityGroup action. Encoded authorization failure message: AbCd',
      403,
    );
    expect(mapAwsError(error).toData()).toEqual({
      code: 'aws.accessDenied',
      params: {
        action: 'ec2:CreateSecurityGroup',
        resource: 'arn:aws:ec2:ap-northeast-1:123456789012:vpc/vpc-0abc1234',
      },
    });
  });

  it('AccessDenied without details falls back to what the caller was doing', () => {
    const error = serviceError(STSServiceException, 'AccessDenied', 'Access Denied', 403);
    expect(mapAwsError(error, { action: 'sts:GetCallerIdentity', resource: '*' }).toData()).toEqual(
      { code: 'aws.accessDenied', params: { action: 'sts:GetCallerIdentity', resource: '*' } },
    );
  });

  it('reads AssumeRole denials, resource last in the sentence', () => {
    expect(
      parseAccessDenied(
        'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::444455556666:role/Deployer',
      ),
    ).toEqual({ action: 'sts:AssumeRole', resource: 'arn:aws:iam::444455556666:role/Deployer' });
  });

  it('a wrong clock is clock skew, not bad credentials', () => {
    for (const error of [
      serviceError(
        STSServiceException,
        'SignatureDoesNotMatch',
        'Signature expired: 20260101T000000Z is now earlier than 20260101T001500Z',
      ),
      serviceError(
        STSServiceException,
        'RequestTimeTooSkewed',
        'The difference between the request time and the current time is too large.',
      ),
      serviceError(EC2ServiceException, 'RequestExpired', 'Request has expired.'),
    ]) {
      expect(mapAwsError(error).code).toBe('aws.clockSkew');
    }
  });

  it('rejected keys, expired sessions and throttling have their own codes', () => {
    const ctx = { profile: 'dev' };
    expect(
      mapAwsError(
        serviceError(
          STSServiceException,
          'InvalidClientTokenId',
          'The security token included in the request is invalid.',
          403,
        ),
        ctx,
      ).toData(),
    ).toEqual({ code: 'aws.invalidCredentials', params: { profile: 'dev' } });
    expect(
      mapAwsError(
        serviceError(
          STSServiceException,
          'ExpiredToken',
          'The security token included in the request is expired',
        ),
        ctx,
      ).code,
    ).toBe('aws.expiredCredentials');
    expect(
      mapAwsError(
        serviceError(EC2ServiceException, 'RequestLimitExceeded', 'Request limit exceeded.', 503),
      ).code,
    ).toBe('aws.throttled');
  });

  it('any other service error keeps its name and message', () => {
    const error = serviceError(
      EC2ServiceException,
      'InvalidVpcID.NotFound',
      "The vpc ID 'vpc-1' does not exist",
    );
    expect(mapAwsError(error).toData()).toEqual({
      code: 'aws.serviceError',
      params: {
        errorName: 'InvalidVpcID.NotFound',
        status: 400,
        message: "The vpc ID 'vpc-1' does not exist",
      },
    });
  });

  it('an unreachable endpoint is "no network" (a real connection to a closed port)', async () => {
    const port = await freePort();
    const sts = new STSClient({
      region: 'ap-northeast-1',
      endpoint: `http://127.0.0.1:${port}`,
      maxAttempts: 1,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example' },
    });
    const error = await sts.send(new GetCallerIdentityCommand({})).catch((e: unknown) => e);
    expect(mapAwsError(error).code).toBe('aws.noNetwork');
  });

  it('an unknown host is "no network" too', () => {
    const dns = Object.assign(new Error('getaddrinfo ENOTFOUND sts.ap-northeast-1.amazonaws.com'), {
      code: 'ENOTFOUND',
      hostname: 'sts.ap-northeast-1.amazonaws.com',
    });
    expect(mapAwsError(dns).toData()).toEqual({
      code: 'aws.noNetwork',
      params: { host: 'sts.ap-northeast-1.amazonaws.com' },
    });
  });

  it('passes AppErrors through and never disguises a bug as an AWS problem', () => {
    const own = new AppError('aws.regionMissing', { profile: 'x' });
    expect(mapAwsError(own)).toBe(own);
    expect(mapAwsError(new TypeError('x is undefined')).code).toBe('internal');
  });

  describe('errors of the SDK’s own credential providers', () => {
    let home: string;
    const savedHome = process.env.HOME;
    const config = () => join(home, 'config');
    beforeAll(async () => {
      home = await mkdtemp(join(tmpdir(), 'smooz-provider-errors-'));
      process.env.HOME = home;
      await writeFile(
        config(),
        [
          '[profile a]',
          'role_arn = arn:aws:iam::123456789012:role/A',
          'source_profile = b',
          '[profile b]',
          'role_arn = arn:aws:iam::123456789012:role/B',
          'source_profile = a',
          '[profile failing-process]',
          'credential_process = node -e "process.exit(3)"',
          '[profile garbage-process]',
          `credential_process = node -e "console.log('not json')"`,
          '[profile sso]',
          'sso_session = corp',
          'sso_account_id = 111122223333',
          'sso_role_name = Admin',
          '[profile expired-sso]',
          'sso_session = old',
          'sso_account_id = 111122223333',
          'sso_role_name = Admin',
          '[sso-session corp]',
          'sso_start_url = https://corp.awsapps.com/start',
          'sso_region = ap-northeast-1',
          '[sso-session old]',
          'sso_start_url = https://old.awsapps.com/start',
          'sso_region = ap-northeast-1',
          '',
        ].join('\n'),
      );
      const { mkdir } = await import('node:fs/promises');
      const { createHash } = await import('node:crypto');
      await mkdir(join(home, '.aws', 'sso', 'cache'), { recursive: true });
      await writeFile(
        join(
          home,
          '.aws',
          'sso',
          'cache',
          `${createHash('sha1').update('old').digest('hex')}.json`,
        ),
        JSON.stringify({
          startUrl: 'https://old.awsapps.com/start',
          region: 'ap-northeast-1',
          accessToken: 'expired',
          expiresAt: '2020-01-01T00:00:00Z',
        }),
      );
    });
    afterAll(async () => {
      process.env.HOME = savedHome;
      await rm(home, { recursive: true, force: true });
    });
    const failure = (provider: () => Promise<unknown>) =>
      provider().then(
        () => new Error('resolved'),
        (e: unknown) => e,
      );
    const files = () => ({
      configFilepath: config(),
      filepath: join(home, 'none'),
      ignoreCache: true,
    });

    it('a source_profile cycle found by the SDK names the chain', async () => {
      const error = await failure(fromIni({ profile: 'a', ...files() }));
      expect(mapAwsError(error, { profile: 'a' }).toData()).toEqual({
        code: 'aws.sourceProfileLoop',
        params: { profile: 'a', chain: 'a → b → a' },
      });
    });

    it('a failing or garbled credential_process is reported as such', async () => {
      for (const profile of ['failing-process', 'garbage-process']) {
        const error = await failure(fromIni({ profile, ...files() }));
        expect(mapAwsError(error, { profile }).toData()).toEqual({
          code: 'aws.credentialProcessFailed',
          params: { profile },
        });
      }
    });

    it('an SSO profile with no cached token asks for a login', async () => {
      const error = await failure(fromSSO({ profile: 'sso', ...files() }));
      expect(mapAwsError(error, { profile: 'sso' }).code).toBe('aws.ssoTokenMissing');
    });

    it('an SSO profile whose token ran out asks for a new login', async () => {
      const error = await failure(fromSSO({ profile: 'expired-sso', ...files() }));
      expect(mapAwsError(error, { profile: 'expired-sso' }).code).toBe('aws.ssoTokenExpired');
    });
  });
});
