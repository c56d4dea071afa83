import type { AppErrorData } from '../../shared/errors';
import { AwsErrorCodes } from '../../shared/aws/errorCodes';
import type { AwsProfileKind, SsoProfileSettings } from '../../shared/aws/profiles';
import type { IniSection, ParsedAwsFiles } from './sharedConfigFiles';

/** An SSO session as the token cache knows it. */
export interface SsoSessionRef {
  /** The cache key: the `[sso-session]` name, or the start URL for a legacy profile. */
  readonly key: string;
  readonly sessionName: string | null;
  readonly startUrl: string;
  readonly region: string;
}

/** How a session is named to the user: its `[sso-session]` name, else its start URL. */
export const sessionLabel = (session: SsoSessionRef): string =>
  session.sessionName ?? session.startUrl;

/** What the app knows about one profile from the files alone (no token cache, no network). */
export interface ProfileDescriptor {
  readonly name: string;
  readonly kind: AwsProfileKind;
  readonly files: ('config' | 'credentials')[];
  readonly region: string | null;
  readonly sso: SsoProfileSettings | null;
  readonly roleArn: string | null;
  readonly sourceProfile: string | null;
  readonly credentialSource: string | null;
  readonly problem: AppErrorData | null;
  /** The SSO session whose login this profile's credentials depend on, directly or via a chain. */
  readonly ssoSession: SsoSessionRef | null;
}

const SUPPORTED_CREDENTIAL_SOURCES = ['Environment', 'Ec2InstanceMetadata', 'EcsContainer'];

const has = (section: IniSection, key: string) => typeof section[key] === 'string';
const isStatic = (s: IniSection) => has(s, 'aws_access_key_id') && has(s, 'aws_secret_access_key');
const isSso = (s: IniSection) =>
  ['sso_start_url', 'sso_account_id', 'sso_session', 'sso_region', 'sso_role_name'].some((k) =>
    has(s, k),
  );

/** The SDK's own order (credential-provider-ini resolveProfileData): the first match decides. */
function kindOf(s: IniSection): AwsProfileKind {
  if (has(s, 'role_arn') && (has(s, 'source_profile') || has(s, 'credential_source'))) {
    return 'assumeRole';
  }
  if (isStatic(s)) return 'static';
  if (has(s, 'web_identity_token_file') && has(s, 'role_arn')) return 'webIdentity';
  if (has(s, 'credential_process')) return 'credentialProcess';
  if (isSso(s)) return has(s, 'sso_session') ? 'sso' : 'ssoLegacy';
  if (has(s, 'login_session')) return 'consoleLogin';
  return 'none';
}

const problem = (code: string, params: Record<string, string>): AppErrorData => ({ code, params });

interface SsoResolution {
  readonly settings: SsoProfileSettings;
  readonly session: SsoSessionRef | null;
  readonly problem: AppErrorData | null;
}

function resolveSso(
  name: string,
  s: IniSection,
  sessions: ParsedAwsFiles['ssoSessions'],
): SsoResolution {
  const sessionName = s.sso_session ?? null;
  const session = sessionName === null ? undefined : sessions[sessionName];
  const startUrl = session?.sso_start_url ?? s.sso_start_url ?? null;
  const ssoRegion = session?.sso_region ?? s.sso_region ?? null;
  const settings: SsoProfileSettings = {
    startUrl,
    sessionName,
    ssoRegion,
    accountId: s.sso_account_id ?? null,
    roleName: s.sso_role_name ?? null,
  };
  const fail = (p: AppErrorData): SsoResolution => ({ settings, session: null, problem: p });
  if (sessionName !== null && !session) {
    return fail(problem(AwsErrorCodes.ssoSessionMissing, { profile: name, session: sessionName }));
  }
  if (session && s.sso_start_url && s.sso_start_url !== session.sso_start_url) {
    return fail(
      problem(AwsErrorCodes.profileConflict, { profile: name, setting: 'sso_start_url' }),
    );
  }
  if (session && s.sso_region && s.sso_region !== session.sso_region) {
    return fail(problem(AwsErrorCodes.profileConflict, { profile: name, setting: 'sso_region' }));
  }
  const missing = [
    ['sso_start_url', startUrl],
    ['sso_region', ssoRegion],
  ]
    .filter(([, value]) => !value)
    .map(([key]) => key as string);
  if (missing.length > 0 || startUrl === null || ssoRegion === null) {
    return fail(
      problem(AwsErrorCodes.profileIncomplete, { profile: name, missing: missing.join(', ') }),
    );
  }
  const ref: SsoSessionRef = {
    key: sessionName ?? startUrl,
    sessionName,
    startUrl,
    region: ssoRegion,
  };
  // A profile with only the session still lets the user log in, but gives no credentials.
  const roleMissing = ['sso_account_id', 'sso_role_name'].filter((key) => !s[key]);
  const roleProblem =
    roleMissing.length > 0
      ? problem(AwsErrorCodes.profileIncomplete, { profile: name, missing: roleMissing.join(', ') })
      : null;
  return { settings, session: ref, problem: roleProblem };
}

interface ChainEnd {
  readonly problem: AppErrorData | null;
  readonly ssoSession: SsoSessionRef | null;
}

/**
 * Follows `source_profile` the way the SDK does: a source profile that holds static keys ends the
 * chain (so a profile may name itself as its own source), any other one is resolved in turn.
 */
function followChain(
  name: string,
  profiles: Readonly<Record<string, IniSection>>,
  sessions: ParsedAwsFiles['ssoSessions'],
): ChainEnd {
  const ok: ChainEnd = { problem: null, ssoSession: null };
  const fail = (p: AppErrorData): ChainEnd => ({ problem: p, ssoSession: null });
  const path = [name];
  const visited = new Set<string>();
  let currentName = name;
  let current = profiles[name] as IniSection;
  for (;;) {
    if (visited.size > 0 && isStatic(current)) return ok;
    const kind = kindOf(current);
    if (kind !== 'assumeRole') break;
    if (has(current, 'source_profile') && has(current, 'credential_source')) {
      return fail(
        problem(AwsErrorCodes.profileConflict, {
          profile: currentName,
          setting: 'source_profile, credential_source',
        }),
      );
    }
    if (has(current, 'mfa_serial')) {
      return fail(problem(AwsErrorCodes.mfaNotSupported, { profile: currentName }));
    }
    const source = current.source_profile;
    if (source === undefined) {
      const credentialSource = current.credential_source as string;
      return SUPPORTED_CREDENTIAL_SOURCES.includes(credentialSource)
        ? ok
        : fail(
            problem(AwsErrorCodes.credentialSourceUnsupported, {
              profile: currentName,
              source: credentialSource,
            }),
          );
    }
    path.push(source);
    if (visited.has(source)) {
      const repeat = path.findIndex((step, i) => path.indexOf(step) < i);
      const chain = path.slice(0, repeat + 1).join(' → ');
      return fail(problem(AwsErrorCodes.sourceProfileLoop, { profile: name, chain }));
    }
    const next = profiles[source];
    if (!next) {
      return fail(
        problem(AwsErrorCodes.sourceProfileMissing, {
          profile: currentName,
          sourceProfile: source,
        }),
      );
    }
    visited.add(source);
    currentName = source;
    current = next;
  }
  const kind = kindOf(current);
  if (kind === 'sso' || kind === 'ssoLegacy') {
    const sso = resolveSso(currentName, current, sessions);
    return { problem: sso.problem, ssoSession: sso.session };
  }
  return kind === 'none'
    ? fail(problem(AwsErrorCodes.profileNoCredentials, { profile: currentName }))
    : ok;
}

/** Every profile in both files, broken ones included, with what is wrong with them. */
export function describeProfiles(files: ParsedAwsFiles): ProfileDescriptor[] {
  const names = [
    ...new Set([...Object.keys(files.configProfiles), ...Object.keys(files.credentialsProfiles)]),
  ].sort();
  // The SDK merges a profile's sections from both files, the credentials file winning.
  const merged: Record<string, IniSection> = {};
  for (const name of names) {
    merged[name] = { ...files.configProfiles[name], ...files.credentialsProfiles[name] };
  }
  return names.map((name) => describeOne(name, merged, files));
}

function describeOne(
  name: string,
  profiles: Readonly<Record<string, IniSection>>,
  files: ParsedAwsFiles,
): ProfileDescriptor {
  const s = profiles[name] as IniSection;
  const kind = kindOf(s);
  const base = {
    name,
    kind,
    files: [
      ...(files.configProfiles[name] ? (['config'] as const) : []),
      ...(files.credentialsProfiles[name] ? (['credentials'] as const) : []),
    ],
    region: s.region ?? null,
    roleArn: s.role_arn ?? null,
    sourceProfile: s.source_profile ?? null,
    credentialSource: s.credential_source ?? null,
  };
  if (kind === 'sso' || kind === 'ssoLegacy') {
    const sso = resolveSso(name, s, files.ssoSessions);
    return { ...base, sso: sso.settings, problem: sso.problem, ssoSession: sso.session };
  }
  if (kind === 'assumeRole') {
    const end = followChain(name, profiles, files.ssoSessions);
    return { ...base, sso: null, problem: end.problem, ssoSession: end.ssoSession };
  }
  const partialKeys =
    has(s, 'aws_access_key_id') !== has(s, 'aws_secret_access_key') && kind === 'none';
  const none =
    kind !== 'none'
      ? null
      : partialKeys
        ? problem(AwsErrorCodes.profileIncomplete, {
            profile: name,
            missing: has(s, 'aws_access_key_id') ? 'aws_secret_access_key' : 'aws_access_key_id',
          })
        : problem(AwsErrorCodes.profileNoCredentials, { profile: name });
  return { ...base, sso: null, problem: none, ssoSession: null };
}
