import {
  AssumeRoleCommand,
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import { fromIni, fromSSO } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { AppError } from '../../shared/errors';
import { AwsErrorCodes } from '../../shared/aws/errorCodes';
import type {
  AwsProfile,
  AwsProfileListing,
  CallerIdentity,
  SsoLoginStatus,
  SsoSessionSummary,
} from '../../shared/aws/profiles';
import { parseSsoRolePick } from '../../shared/aws/sso';
import type { AppConfig } from '../base/config';
import { mapAwsError } from './awsErrors';
import { createAwsClient, type AwsClientContext } from './clientFactory';
import {
  describeProfile,
  describeProfiles,
  sessionLabel,
  type ProfileDescriptor,
  type SsoSessionRef,
} from './profileCatalog';
import { loadAwsFiles, type AwsConfigPaths, type ParsedAwsFiles } from './sharedConfigFiles';
import { sessionFromSection } from './ssoSessions';
import { readSsoToken, ssoLoginStatus } from './sso/tokenCache';
import { ssoRoleCredentials } from './sso/ssoRoleCredentials';
import { freshSsoToken } from './sso/tokenRefresh';

/**
 * The app's access to AWS through the user's own local profiles. Credentials stay inside the
 * returned context (for `createAwsClient`); they are never written anywhere or sent to the renderer.
 * Every method throws `AppError` with an `aws.*` code.
 */
export interface AwsAccess {
  /** Every profile of the shared files, broken ones with their problem, SSO ones with their login. */
  listProfiles(): Promise<AwsProfileListing>;
  /**
   * Region and credentials for a profile, or for an account and role picked from an SSO session's
   * listing (`ssoRolePickName`). The region is the one given, else `AWS_REGION`, else the
   * profile's. Checks the SSO login first (renewing it silently when it can), so a missing or expired
   * login fails here with `aws.ssoTokenMissing` / `aws.ssoTokenExpired` rather than mid-operation.
   */
  contextFor(profile: string, region?: string): Promise<AwsClientContext>;
  /** STS GetCallerIdentity with that profile: the account and identity in use. */
  callerIdentity(profile: string, region?: string): Promise<CallerIdentity>;
  /** Drops remembered credentials, e.g. after a new SSO login. */
  forgetCredentials(): void;
}

export interface AwsAccessOptions {
  readonly config: AppConfig;
  readonly paths: AwsConfigPaths;
  /** Where AWS_PROFILE and AWS_REGION are read from. */
  readonly env: NodeJS.ProcessEnv;
  readonly now?: () => Date;
}

// Temporary credentials are renewed this long before they expire.
const CREDENTIAL_RENEWAL_MS = 5 * 60 * 1000;

export function createAwsAccess(options: AwsAccessOptions): AwsAccess {
  const { config, paths, env } = options;
  const now = options.now ?? (() => new Date());
  const remembered = new Map<string, Promise<AwsCredentialIdentity>>();

  async function descriptorFor(profile: string): Promise<ProfileDescriptor> {
    const files = await loadAwsFiles(paths);
    const descriptor = describeProfile(files, profile) ?? rolePickDescriptor(profile, files);
    if (!descriptor) throw new AppError(AwsErrorCodes.profileNotFound, { profile });
    if (descriptor.problem) throw new AppError(descriptor.problem.code, descriptor.problem.params);
    return descriptor;
  }

  async function ensureSsoLogin(profile: string, session: SsoSessionRef): Promise<void> {
    const cached = await readSsoToken(session.key);
    const label = sessionLabel(session);
    if (!cached) throw new AppError(AwsErrorCodes.ssoTokenMissing, { profile, session: label });
    const token = await freshSsoToken(session, now).catch((error: unknown) => {
      throw mapAwsError(error, { profile });
    });
    if (!token) throw new AppError(AwsErrorCodes.ssoTokenExpired, { profile, session: label });
  }

  /** The SDK's own profile resolution; only the STS calls it makes go through our client factory. */
  function sdkProvider(
    descriptor: ProfileDescriptor,
    region: string,
  ): AwsCredentialIdentityProvider {
    const profile = descriptor.name;
    const pick = descriptor.files.length === 0 ? parseSsoRolePick(profile) : null;
    if (pick && descriptor.ssoSession) {
      return ssoRoleCredentials(descriptor.ssoSession, pick.accountId, pick.roleName, now);
    }
    const files = { profile, filepath: paths.credentialsFile, configFilepath: paths.configFile };
    // fromIni hands SSO profiles to fromSSO without the file paths; calling it directly keeps them.
    if (descriptor.kind === 'sso' || descriptor.kind === 'ssoLegacy') {
      return fromSSO({ ...files, ignoreCache: true });
    }
    const sts = (credentials: AwsClientContext['credentials']) =>
      createAwsClient(STSClient, config, { region, credentials });
    return fromIni({
      ...files,
      ignoreCache: true,
      roleAssumer: async (sourceCredentials, params) => {
        const { Credentials } = await sts(sourceCredentials).send(new AssumeRoleCommand(params));
        return temporaryCredentials(Credentials);
      },
      roleAssumerWithWebIdentity: async (params) => {
        // AssumeRoleWithWebIdentity is an unsigned call: the token file is the credential.
        const unsigned = async (): Promise<AwsCredentialIdentity> => {
          throw new AppError(AwsErrorCodes.credentialsUnavailable, { profile });
        };
        const { Credentials } = await sts(unsigned).send(
          new AssumeRoleWithWebIdentityCommand(params),
        );
        return temporaryCredentials(Credentials);
      },
    });
  }

  function credentialsFor(
    descriptor: ProfileDescriptor,
    region: string,
  ): AwsCredentialIdentityProvider {
    const profile = descriptor.name;
    const provider = sdkProvider(descriptor, region);
    return async () => {
      const key = `${profile}\u0000${region}`;
      let pending = remembered.get(key);
      if (pending) {
        const held = await pending.catch(() => undefined);
        const expiry = held?.expiration?.getTime();
        if (!held || (expiry !== undefined && expiry - now().getTime() < CREDENTIAL_RENEWAL_MS)) {
          pending = undefined;
        }
      }
      if (!pending) {
        const session = descriptor.ssoSession;
        pending = (async () => {
          // Mid-operation renewals go through the same login check (and silent token refresh).
          if (session) await ensureSsoLogin(profile, session);
          return provider();
        })().catch((error: unknown) => {
          remembered.delete(key);
          const mapped = mapAwsError(error, { profile });
          if (session && mapped.code.startsWith('aws.ssoToken') && !mapped.params.session) {
            throw new AppError(
              mapped.code,
              { ...mapped.params, session: sessionLabel(session) },
              error,
            );
          }
          throw mapped;
        });
        remembered.set(key, pending);
      }
      return pending;
    };
  }

  async function contextFor(profile: string, region?: string): Promise<AwsClientContext> {
    const descriptor = await descriptorFor(profile);
    const resolvedRegion = region || env.AWS_REGION || descriptor.region;
    if (!resolvedRegion) throw new AppError(AwsErrorCodes.regionMissing, { profile });
    if (descriptor.ssoSession) await ensureSsoLogin(profile, descriptor.ssoSession);
    return { region: resolvedRegion, credentials: credentialsFor(descriptor, resolvedRegion) };
  }

  return {
    async listProfiles() {
      const files = await loadAwsFiles(paths);
      const descriptors = describeProfiles(files);
      const logins = new Map<string, SsoLoginStatus>();
      const loginOf = async (key: string) => {
        let status = logins.get(key);
        if (!status) {
          status = ssoLoginStatus(await readSsoToken(key), now());
          logins.set(key, status);
        }
        return status;
      };
      // Each session's token is read once, however many profiles (or chains) lead to it.
      for (const key of new Set(descriptors.flatMap((d) => d.ssoSession?.key ?? []))) {
        await loginOf(key);
      }
      // Field by field: copying with rest and spread costs more than the chains on a large file.
      const profiles = descriptors.map((d): AwsProfile => ({
        name: d.name,
        kind: d.kind,
        files: d.files,
        region: d.region,
        sso: d.sso,
        roleArn: d.roleArn,
        sourceProfile: d.sourceProfile,
        credentialSource: d.credentialSource,
        problem: d.problem,
        login: d.ssoSession ? (logins.get(d.ssoSession.key) ?? null) : null,
      }));
      const ssoSessions: SsoSessionSummary[] = [];
      for (const [name, section] of Object.entries(files.ssoSessions).sort(([a], [b]) =>
        a.localeCompare(b),
      )) {
        const { ref, problem } = sessionFromSection(name, section);
        ssoSessions.push({
          name,
          startUrl: section.sso_start_url ?? null,
          ssoRegion: section.sso_region ?? null,
          problem,
          login: ref ? await loginOf(ref.key) : null,
        });
      }
      const selected =
        env.AWS_PROFILE || (profiles.some((p) => p.name === 'default') ? 'default' : null);
      return {
        profiles,
        ssoSessions,
        ignoredSections: [...files.ignoredConfigSections],
        fileProblems: [...files.fileProblems],
        selectedProfile: selected,
        regionFromEnvironment: env.AWS_REGION || null,
        configFile: paths.configFile,
        credentialsFile: paths.credentialsFile,
      };
    },
    contextFor,
    async callerIdentity(profile, region) {
      const context = await contextFor(profile, region);
      const sts = createAwsClient(STSClient, config, context);
      try {
        const identity = await sts.send(new GetCallerIdentityCommand({}));
        return {
          account: identity.Account ?? '',
          arn: identity.Arn ?? '',
          userId: identity.UserId ?? '',
          region: context.region,
          profile,
        };
      } catch (error) {
        throw mapAwsError(error, { profile, action: 'sts:GetCallerIdentity', resource: '*' });
      }
    },
    forgetCredentials() {
      remembered.clear();
    },
  };
}

/** An account and role picked from a `[sso-session]` listing, used like an SSO profile. */
function rolePickDescriptor(name: string, files: ParsedAwsFiles): ProfileDescriptor | undefined {
  const pick = parseSsoRolePick(name);
  if (!pick) return undefined;
  const section = files.ssoSessions[pick.ssoSession];
  if (!section) {
    throw new AppError(AwsErrorCodes.ssoSessionMissing, {
      profile: name,
      session: pick.ssoSession,
    });
  }
  const { ref, problem } = sessionFromSection(pick.ssoSession, section);
  if (!ref) {
    throw new AppError(problem?.code ?? AwsErrorCodes.profileIncomplete, problem?.params ?? {});
  }
  return {
    name,
    kind: 'sso',
    files: [],
    region: null,
    sso: {
      startUrl: ref.startUrl,
      sessionName: ref.sessionName,
      ssoRegion: ref.region,
      accountId: pick.accountId,
      roleName: pick.roleName,
    },
    roleArn: null,
    sourceProfile: null,
    credentialSource: null,
    problem: null,
    ssoSession: ref,
  };
}

interface StsCredentials {
  AccessKeyId?: string | undefined;
  SecretAccessKey?: string | undefined;
  SessionToken?: string | undefined;
  Expiration?: Date | undefined;
}

function temporaryCredentials(credentials: StsCredentials | undefined): AwsCredentialIdentity {
  if (!credentials?.AccessKeyId || !credentials.SecretAccessKey) {
    throw new AppError(AwsErrorCodes.credentialsUnavailable, {});
  }
  return {
    accessKeyId: credentials.AccessKeyId,
    secretAccessKey: credentials.SecretAccessKey,
    ...(credentials.SessionToken === undefined ? {} : { sessionToken: credentials.SessionToken }),
    ...(credentials.Expiration === undefined ? {} : { expiration: credentials.Expiration }),
  };
}
