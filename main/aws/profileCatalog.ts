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

/** Where following `source_profile` from a profile ends: credentials, a problem, or a loop. */
type SourceEnd = ChainEnd | { readonly loop: readonly string[] };

type ChainStep = { readonly end: SourceEnd } | { readonly next: string };

const OK: ChainEnd = { problem: null, ssoSession: null };
const failed = (p: AppErrorData): ChainEnd => ({ problem: p, ssoSession: null });

/** A profile with neither credentials nor a way to get them; `role_arn` alone gets its own words. */
const noCredentials = (name: string, s: IniSection): AppErrorData =>
  has(s, 'role_arn')
    ? problem(AwsErrorCodes.roleSourceMissing, { profile: name })
    : problem(AwsErrorCodes.profileNoCredentials, { profile: name });

// Loops are named by the profiles on them; a long one by its start and its end.
const CHAIN_SHOWN = 8;

/**
 * Follows `source_profile` the way the SDK does: a source profile that holds static keys ends the
 * chain (so a profile may name itself as its own source), any other one is resolved in turn. Each
 * profile's end is worked out once and shared by every chain through it, so a file of long chains
 * is described in time linear in its size.
 */
function chainResolver(
  profiles: Readonly<Record<string, IniSection>>,
  sessions: ParsedAwsFiles['ssoSessions'],
) {
  const ends = new Map<string, SourceEnd>();

  /** One link: the checks at this profile, then its source (or the end of the chain). */
  function step(name: string, s: IniSection): ChainStep {
    const kind = kindOf(s);
    if (kind === 'sso' || kind === 'ssoLegacy') {
      const sso = resolveSso(name, s, sessions);
      return { end: { problem: sso.problem, ssoSession: sso.session } };
    }
    if (kind === 'none') return { end: failed(noCredentials(name, s)) };
    if (kind !== 'assumeRole') return { end: OK };
    if (has(s, 'source_profile') && has(s, 'credential_source')) {
      const setting = 'source_profile, credential_source';
      return { end: failed(problem(AwsErrorCodes.profileConflict, { profile: name, setting })) };
    }
    if (has(s, 'mfa_serial')) {
      return { end: failed(problem(AwsErrorCodes.mfaNotSupported, { profile: name })) };
    }
    const source = s.source_profile;
    if (source === undefined) {
      const credentialSource = s.credential_source as string;
      return SUPPORTED_CREDENTIAL_SOURCES.includes(credentialSource)
        ? { end: OK }
        : {
            end: failed(
              problem(AwsErrorCodes.credentialSourceUnsupported, {
                profile: name,
                source: credentialSource,
              }),
            ),
          };
    }
    if (!profiles[source]) {
      const params = { profile: name, sourceProfile: source };
      return { end: failed(problem(AwsErrorCodes.sourceProfileMissing, params)) };
    }
    return { next: source };
  }

  /** The end of the chain from a profile reached as someone's source. */
  function fromSource(first: string): SourceEnd {
    // Most calls land on a chain already walked: no bookkeeping for those.
    const shared = ends.get(first);
    if (shared) return shared;
    const walked: string[] = [];
    const onWalk = new Map<string, number>();
    let name = first;
    let end: SourceEnd;
    for (;;) {
      const known = ends.get(name);
      if (known) {
        end = known;
        break;
      }
      const index = onWalk.get(name);
      if (index !== undefined) {
        end = { loop: [...walked.slice(index), name] };
        break;
      }
      const s = profiles[name] as IniSection;
      const next: ChainStep = isStatic(s) ? { end: OK } : step(name, s);
      if ('end' in next) {
        end = next.end;
        ends.set(name, end);
        break;
      }
      onWalk.set(name, walked.length);
      walked.push(name);
      name = next.next;
    }
    for (const each of walked) ends.set(each, end);
    return end;
  }

  /** The loop as seen from `start`: in full when short, else its first and last profiles. */
  function loopChain(start: string, loop: readonly string[]): string {
    const head = [start];
    for (let name = start; head.length <= CHAIN_SHOWN;) {
      name = profiles[name]?.source_profile as string;
      const repeated = head.includes(name);
      head.push(name);
      if (repeated) return head.join(' → ');
    }
    return [...head.slice(0, 4), '…', ...loop.slice(-3)].join(' → ');
  }

  /** The end of the chain from an assume-role profile picked by the user. */
  return (name: string): ChainEnd => {
    const first = step(name, profiles[name] as IniSection);
    const end = 'end' in first ? first.end : fromSource(first.next);
    if (!('loop' in end)) return end;
    const chain = loopChain(name, end.loop);
    return failed(problem(AwsErrorCodes.sourceProfileLoop, { profile: name, chain }));
  };
}

/** Every profile in both files, broken ones included, with what is wrong with them. */
export function describeProfiles(files: ParsedAwsFiles): ProfileDescriptor[] {
  const { names, describe } = catalogue(files);
  return names.map(describe);
}

/** One profile, resolving only its own chain (a file may hold tens of thousands). */
export function describeProfile(
  files: ParsedAwsFiles,
  name: string,
): ProfileDescriptor | undefined {
  const { names, describe } = catalogue(files);
  return names.includes(name) ? describe(name) : undefined;
}

function catalogue(files: ParsedAwsFiles) {
  const names = [
    ...new Set([...Object.keys(files.configProfiles), ...Object.keys(files.credentialsProfiles)]),
  ].sort();
  // The SDK merges a profile's sections from both files, the credentials file winning.
  const merged: Record<string, IniSection> = {};
  for (const name of names) {
    const [fromConfig, fromCredentials] = [
      files.configProfiles[name],
      files.credentialsProfiles[name],
    ];
    merged[name] =
      fromConfig && fromCredentials
        ? { ...fromConfig, ...fromCredentials }
        : ((fromConfig ?? fromCredentials) as IniSection);
  }
  const chainEnd = chainResolver(merged, files.ssoSessions);
  return { names, describe: (name: string) => describeOne(name, merged, files, chainEnd) };
}

function describeOne(
  name: string,
  profiles: Readonly<Record<string, IniSection>>,
  files: ParsedAwsFiles,
  chainEnd: (name: string) => ChainEnd,
): ProfileDescriptor {
  const s = profiles[name] as IniSection;
  const kind = kindOf(s);
  const sso =
    kind === 'sso' || kind === 'ssoLegacy' ? resolveSso(name, s, files.ssoSessions) : null;
  const end = kind === 'assumeRole' ? chainEnd(name) : null;
  return {
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
    sso: sso?.settings ?? null,
    problem: sso ? sso.problem : end ? end.problem : kind === 'none' ? unusable(name, s) : null,
    ssoSession: sso?.session ?? end?.ssoSession ?? null,
  };
}

/** Why a profile with none of the credential settings gives none. */
function unusable(name: string, s: IniSection): AppErrorData {
  if (has(s, 'aws_access_key_id') === has(s, 'aws_secret_access_key'))
    return noCredentials(name, s);
  return problem(AwsErrorCodes.profileIncomplete, {
    profile: name,
    missing: has(s, 'aws_access_key_id') ? 'aws_secret_access_key' : 'aws_access_key_id',
  });
}
