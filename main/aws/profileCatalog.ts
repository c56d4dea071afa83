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
type SourceEnd = ChainEnd | { readonly loop: readonly Profile[] };

type ChainStep = { readonly end: SourceEnd } | { readonly next: Profile };

/**
 * One profile's settings as the SDK merges them from both files (the credentials file winning),
 * with what following its `source_profile` found. Chains link these records rather than look names
 * up again: on tens of thousands of profiles the lookups were most of the time.
 */
interface Profile {
  readonly name: string;
  section: IniSection;
  inConfig: boolean;
  inCredentials: boolean;
  /** Its source profile, once a step has looked it up. */
  source?: Profile | undefined;
  /** Where its chain ends when it is reached as a source, once worked out. */
  end?: SourceEnd;
  /** What the listing says about it, once worked out. */
  descriptor?: ProfileDescriptor;
  /** Its kind, once worked out: a chain asks for it again at every link. */
  kind?: AwsProfileKind;
}

const kindOfProfile = (profile: Profile): AwsProfileKind =>
  (profile.kind ??= kindOf(profile.section));

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
  profiles: ReadonlyMap<string, Profile>,
  sessions: ParsedAwsFiles['ssoSessions'],
) {
  /** One link: the checks at this profile, then its source (or the end of the chain). */
  function step(profile: Profile): ChainStep {
    const { name, section: s } = profile;
    const kind = kindOfProfile(profile);
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
    profile.source ??= profiles.get(source);
    if (!profile.source) {
      const params = { profile: name, sourceProfile: source };
      return { end: failed(problem(AwsErrorCodes.sourceProfileMissing, params)) };
    }
    return { next: profile.source };
  }

  /** The end of the chain from a profile reached as someone's source. */
  function fromSource(first: Profile): SourceEnd {
    // Most calls land on a chain already walked: no bookkeeping for those.
    if (first.end) return first.end;
    const walked: Profile[] = [];
    const onWalk = new Map<Profile, number>();
    let profile = first;
    let end: SourceEnd;
    for (;;) {
      if (profile.end) {
        end = profile.end;
        break;
      }
      const index = onWalk.get(profile);
      if (index !== undefined) {
        end = { loop: [...walked.slice(index), profile] };
        break;
      }
      const next: ChainStep = isStatic(profile.section) ? { end: OK } : step(profile);
      if ('end' in next) {
        end = next.end;
        profile.end = end;
        break;
      }
      onWalk.set(profile, walked.length);
      walked.push(profile);
      profile = next.next;
    }
    for (const each of walked) each.end = end;
    return end;
  }

  /** The loop as seen from `start`: in full when short, else its first and last profiles. */
  function loopChain(start: Profile, loop: readonly Profile[]): string {
    const head = [start];
    for (let profile = start; head.length <= CHAIN_SHOWN;) {
      // Every profile up to and on the loop has been stepped, so its source is known.
      profile = profile.source as Profile;
      const repeated = head.includes(profile);
      head.push(profile);
      if (repeated) return head.map(({ name }) => name).join(' → ');
    }
    return [...head.slice(0, 4), '…', ...loop.slice(-3)]
      .map((link) => (typeof link === 'string' ? link : link.name))
      .join(' → ');
  }

  /** The end of the chain from an assume-role profile picked by the user. */
  return (profile: Profile): ChainEnd => {
    const first = step(profile);
    const end = 'end' in first ? first.end : fromSource(first.next);
    if (!('loop' in end)) return end;
    const chain = loopChain(profile, end.loop);
    return failed(problem(AwsErrorCodes.sourceProfileLoop, { profile: profile.name, chain }));
  };
}

/** Every profile in both files, broken ones included, with what is wrong with them. */
export function describeProfiles(files: ParsedAwsFiles): ProfileDescriptor[] {
  const { profiles, describe } = catalogue(files);
  // By UTF-16 code units, as the default sort orders the names.
  const byName = (a: Profile, b: Profile) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return [...profiles.values()].sort(byName).map(describe);
}

/** One profile, resolving only its own chain (a file may hold tens of thousands). */
export function describeProfile(
  files: ParsedAwsFiles,
  name: string,
): ProfileDescriptor | undefined {
  const { profiles, describe } = catalogue(files);
  const profile = profiles.get(name);
  return profile ? describe(profile) : undefined;
}

interface Catalogue {
  readonly profiles: ReadonlyMap<string, Profile>;
  readonly describe: (profile: Profile) => ProfileDescriptor;
}

// Unchanged files are parsed once (loadAwsFiles), so their chains are also resolved once.
const catalogues = new WeakMap<ParsedAwsFiles, Catalogue>();

function catalogue(files: ParsedAwsFiles): Catalogue {
  let known = catalogues.get(files);
  if (!known) {
    const profiles = mergedProfiles(files);
    known = { profiles, describe: describer(files, profiles) };
    catalogues.set(files, known);
  }
  return known;
}

function mergedProfiles(files: ParsedAwsFiles): Map<string, Profile> {
  const profiles = new Map<string, Profile>();
  for (const [name, section] of files.configProfiles) {
    profiles.set(name, { name, section, inConfig: true, inCredentials: false });
  }
  for (const [name, section] of files.credentialsProfiles) {
    const fromConfig = profiles.get(name);
    if (fromConfig) {
      fromConfig.section = { ...fromConfig.section, ...section };
      fromConfig.inCredentials = true;
    } else {
      profiles.set(name, { name, section, inConfig: false, inCredentials: true });
    }
  }
  return profiles;
}

function describer(files: ParsedAwsFiles, profiles: ReadonlyMap<string, Profile>) {
  const chainEnd = chainResolver(profiles, files.ssoSessions);
  return (profile: Profile): ProfileDescriptor => (profile.descriptor ??= describeOne(profile));

  function describeOne(profile: Profile): ProfileDescriptor {
    const { name, section: s } = profile;
    const kind = kindOfProfile(profile);
    const sso =
      kind === 'sso' || kind === 'ssoLegacy' ? resolveSso(name, s, files.ssoSessions) : null;
    const end = kind === 'assumeRole' ? chainEnd(profile) : null;
    return {
      name,
      kind,
      files: [
        ...(profile.inConfig ? (['config'] as const) : []),
        ...(profile.inCredentials ? (['credentials'] as const) : []),
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
