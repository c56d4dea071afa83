import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EC2ServiceException } from '@aws-sdk/client-ec2';
import { STSServiceException } from '@aws-sdk/client-sts';
import { createInstance, type i18n } from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsAccess } from '../../../main/aws/awsAccess';
import { mapAwsError } from '../../../main/aws/awsErrors';
import { AppConfigSchema } from '../../../main/base/config';
import { AppError } from '../../../shared/errors';

const LOCALES = join(import.meta.dirname, '..', '..', '..', 'renderer', 'src', 'locales');
const LANGUAGES = ['ja', 'en'] as const;
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/u;

/**
 * Every failure the issue names, produced by the code that produces it in the app (profile checks
 * before any call, or the mapper on a real SDK exception), then worded the way the renderer words
 * it (`aws:errors.<name>` with the error's params).
 */
describe('each AWS failure reaches the user as an actionable sentence in Japanese and English', () => {
  const savedHome = process.env.HOME;
  let home: string;
  let access: ReturnType<typeof createAwsAccess>;
  const translators = new Map<string, i18n>();

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'smooz-aws-messages-'));
    process.env.HOME = home;
    const configFile = join(home, 'config');
    await writeFile(
      configFile,
      [
        '[sso-session corp]',
        'sso_start_url = https://corp.awsapps.com/start',
        'sso_region = ap-northeast-1',
        '[profile never-logged-in]',
        'sso_session = corp',
        'sso_account_id = 111122223333',
        'sso_role_name = Admin',
        'region = ap-northeast-1',
        '[sso-session old]',
        'sso_start_url = https://old.awsapps.com/start',
        'sso_region = ap-northeast-1',
        '[profile login-ran-out]',
        'sso_session = old',
        'sso_account_id = 111122223333',
        'sso_role_name = Admin',
        'region = ap-northeast-1',
        '[profile loop-a]',
        'role_arn = arn:aws:iam::123456789012:role/A',
        'source_profile = loop-b',
        'region = ap-northeast-1',
        '[profile loop-b]',
        'role_arn = arn:aws:iam::123456789012:role/B',
        'source_profile = loop-a',
        '[profile orphan]',
        'role_arn = arn:aws:iam::123456789012:role/Orphan',
        'source_profile = deleted-profile',
        'region = ap-northeast-1',
        '',
      ].join('\n'),
    );
    const cache = join(home, '.aws', 'sso', 'cache');
    await mkdir(cache, { recursive: true });
    await writeFile(
      join(cache, `${createHash('sha1').update('old').digest('hex')}.json`),
      JSON.stringify({
        startUrl: 'https://old.awsapps.com/start',
        region: 'ap-northeast-1',
        accessToken: 'ran-out',
        expiresAt: '2020-01-01T00:00:00Z',
      }),
    );
    access = createAwsAccess({
      config: AppConfigSchema.parse({ aws: {}, externalLinkHosts: [] }),
      paths: { configFile, credentialsFile: join(home, 'none') },
      env: {},
    });
    for (const lng of LANGUAGES) {
      const aws = JSON.parse(await readFile(join(LOCALES, lng, 'aws.json'), 'utf8')) as object;
      const t = createInstance();
      await t.init({
        resources: { [lng]: { aws } },
        lng,
        fallbackLng: false,
        interpolation: { escapeValue: false },
      });
      translators.set(lng, t);
    }
  });
  afterAll(async () => {
    process.env.HOME = savedHome;
    await rm(home, { recursive: true, force: true });
  });

  const failureOf = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected a failure');
      },
      (error: unknown) => {
        if (!(error instanceof AppError)) throw error;
        return error;
      },
    );

  const sdkError = (Exception: typeof EC2ServiceException, name: string, message: string) =>
    new Exception({ name, $fault: 'client', $metadata: { httpStatusCode: 403 }, message });

  const cases: [string, () => Promise<AppError>, Record<string, string>][] = [
    [
      'missing SSO login',
      () => failureOf(access.contextFor('never-logged-in')),
      { code: 'aws.ssoTokenMissing', session: 'corp' },
    ],
    [
      'expired SSO login',
      () => failureOf(access.contextFor('login-ran-out')),
      { code: 'aws.ssoTokenExpired', session: 'old' },
    ],
    [
      'AccessDenied',
      async () =>
        mapAwsError(
          sdkError(
            EC2ServiceException,
            'UnauthorizedOperation',
            'You are not authorized to perform this operation. User: arn:aws:sts::123456789012:assumed-role/Dev/me is not authorized to perform: ec2:CreateSecurityGroup on resource: arn:aws:ec2:ap-northeast-1:123456789012:vpc/vpc-0abc1234 because no identity-based policy allows it.',
          ),
        ),
      {
        code: 'aws.accessDenied',
        action: 'ec2:CreateSecurityGroup',
        resource: 'arn:aws:ec2:ap-northeast-1:123456789012:vpc/vpc-0abc1234',
      },
    ],
    [
      'source_profile loop',
      () => failureOf(access.contextFor('loop-a')),
      { code: 'aws.sourceProfileLoop', chain: 'loop-a → loop-b → loop-a' },
    ],
    [
      'missing source_profile',
      () => failureOf(access.callerIdentity('orphan')),
      { code: 'aws.sourceProfileMissing', sourceProfile: 'deleted-profile' },
    ],
    [
      'no network',
      async () =>
        mapAwsError(
          Object.assign(new Error('getaddrinfo ENOTFOUND sts.ap-northeast-1.amazonaws.com'), {
            code: 'ENOTFOUND',
            hostname: 'sts.ap-northeast-1.amazonaws.com',
          }),
        ),
      { code: 'aws.noNetwork', host: 'sts.ap-northeast-1.amazonaws.com' },
    ],
    [
      'clock skew',
      async () =>
        mapAwsError(
          sdkError(
            STSServiceException,
            'SignatureDoesNotMatch',
            'Signature expired: 20260101T000000Z is now earlier than 20260101T001500Z',
          ),
        ),
      { code: 'aws.clockSkew' },
    ],
  ];

  it.each(cases)('%s', async (_name, produce, expected) => {
    const { code, ...shown } = expected;
    const error = await produce();
    expect(error.code).toBe(code);
    const texts = LANGUAGES.map((lng) => {
      const t = translators.get(lng);
      if (!t) throw new Error(lng);
      const key = `aws:errors.${error.code.slice('aws.'.length)}`;
      expect(t.exists(key), `${lng} ${key}`).toBe(true);
      return t.t(key, { ...error.params });
    });
    for (const text of texts) {
      expect(text).not.toMatch(/{{|}}/);
      // An empty parameter would leave a gap such as 「」 or two spaces in the sentence.
      expect(text).not.toMatch(/「」|""|\(\)|（）| {2}/);
      for (const value of Object.values(shown)) expect(text).toContain(value);
    }
    expect(texts[0]).toMatch(JAPANESE);
    expect(texts[1]).not.toMatch(JAPANESE);
  });
});
