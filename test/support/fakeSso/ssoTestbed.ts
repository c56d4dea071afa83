import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { createAwsClient } from '../../../main/aws/clientFactory';
import { motoAppConfig, motoContext } from '../awsTestConfig';
import { createAwsHome, type AwsHome } from '../awsProfileFiles';
import { createFakeBrowser, type FakeBrowser } from './fakeBrowser';
import { startFakeSsoOidc, type FakeSsoOidc } from './fakeSsoOidc';
import { startFakeSsoPortal, type FakeSsoPortal, type PortalAssignment } from './fakeSsoPortal';

export const SSO_TEST_ACCOUNTS: readonly PortalAssignment[] = [
  {
    accountId: '111122223333',
    accountName: 'Production',
    emailAddress: 'prod@example.com',
    roles: ['AdministratorAccess', 'ReadOnly'],
  },
  {
    accountId: '222233334444',
    accountName: 'Staging',
    emailAddress: 'stg@example.com',
    roles: ['ReadOnly'],
  },
  {
    accountId: '333344445555',
    accountName: 'Sandbox',
    emailAddress: 'sbx@example.com',
    roles: ['PowerUser'],
  },
];

/** The role session name the fake portal's credentials carry (as IAM Identity Center's do). */
export const SSO_TEST_USER = 'engineer@example.com';

export interface SsoTestbed {
  readonly aws: AwsHome;
  readonly oidc: FakeSsoOidc;
  readonly portal: FakeSsoPortal;
  readonly browser: FakeBrowser;
  close(): Promise<void>;
}

export interface SsoTestbedOptions {
  readonly assignments?: readonly PortalAssignment[];
  readonly roleSessionName?: string;
  /**
   * How long the portal says role credentials last; by default as long as moto's session. A
   * lifetime inside the SDK's refresh window makes every API call renew them through the login.
   */
  readonly credentialLifetimeMs?: number;
}

/**
 * A home folder, fake IAM Identity Center OIDC and portal servers, and a fake browser. The SDK
 * reaches the fakes only through its documented settings (AWS_ENDPOINT_URL_SSO_OIDC,
 * AWS_ENDPOINT_URL_SSO); role credentials are real moto STS sessions, so STS on moto knows them.
 */
/**
 * The seeded customer account (moto's default account) behind IAM Identity Center, its role
 * credentials expiring within the SDK's refresh window, as when they run out mid-flow.
 */
export const CUSTOMER_ON_MOTO: SsoTestbedOptions = {
  assignments: [
    {
      accountId: '123456789012',
      accountName: 'Customer',
      emailAddress: 'aws@customer.example',
      roles: ['AdministratorAccess'],
    },
  ],
  roleSessionName: 'engineer@customer.example',
  credentialLifetimeMs: 60_000,
};

export async function startSsoTestbed(
  motoEndpoint: string,
  options: SsoTestbedOptions = {},
): Promise<SsoTestbed> {
  const { credentialLifetimeMs } = options;
  const savedEnv = { ...process.env };
  const aws = await createAwsHome();
  const oidc = await startFakeSsoOidc();
  const sts = createAwsClient(STSClient, motoAppConfig(motoEndpoint), motoContext);
  const portal = await startFakeSsoPortal({
    pageSize: 2,
    assignments: options.assignments ?? SSO_TEST_ACCOUNTS,
    isValidAccessToken: (token) => oidc.isValidAccessToken(token),
    issueCredentials: async (accountId, roleName) => {
      const { Credentials } = await sts.send(
        new AssumeRoleCommand({
          RoleArn: `arn:aws:iam::${accountId}:role/AWSReservedSSO_${roleName}_0123456789abcdef`,
          RoleSessionName: options.roleSessionName ?? SSO_TEST_USER,
        }),
      );
      if (!Credentials?.AccessKeyId || !Credentials.SecretAccessKey || !Credentials.SessionToken) {
        throw new Error('moto returned no credentials');
      }
      return {
        accessKeyId: Credentials.AccessKeyId,
        secretAccessKey: Credentials.SecretAccessKey,
        sessionToken: Credentials.SessionToken,
        expiration:
          credentialLifetimeMs === undefined
            ? (Credentials.Expiration ?? new Date(Date.now() + 3600_000))
            : new Date(Date.now() + credentialLifetimeMs),
      };
    },
  });
  process.env.HOME = aws.home;
  process.env.USERPROFILE = aws.home;
  process.env.AWS_CONFIG_FILE = aws.paths.configFile;
  process.env.AWS_SHARED_CREDENTIALS_FILE = aws.paths.credentialsFile;
  process.env.AWS_ENDPOINT_URL_SSO_OIDC = oidc.endpoint;
  process.env.AWS_ENDPOINT_URL_SSO = portal.endpoint;
  return {
    aws,
    oidc,
    portal,
    browser: createFakeBrowser(oidc),
    async close() {
      process.env = savedEnv;
      await Promise.all([oidc.close(), portal.close()]);
      await aws.remove();
    },
  };
}
