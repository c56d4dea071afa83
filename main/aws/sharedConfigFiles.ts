import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getHomeDir, loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';

export interface AwsConfigPaths {
  readonly configFile: string;
  readonly credentialsFile: string;
}

export type IniSection = Readonly<Record<string, string>>;

/** The two files as the SDK's own loader reads them, split into what each section is for. */
export interface ParsedAwsFiles {
  /** `[default]` and `[profile x]` of the config file, keyed by profile name. */
  readonly configProfiles: Readonly<Record<string, IniSection>>;
  /** Every section of the credentials file (there, `[x]` is profile x). */
  readonly credentialsProfiles: Readonly<Record<string, IniSection>>;
  /** `[sso-session x]` sections, keyed by x. */
  readonly ssoSessions: Readonly<Record<string, IniSection>>;
  /**
   * Config file section headers the loader skips, as written (`[myprofile]` without the `profile`
   * prefix, `[profile  x]` with extra spaces): shown to the user instead of silently dropped.
   */
  readonly ignoredConfigSections: readonly string[];
}

/** Where the AWS CLI and SDKs look for the shared files, honouring the same variables they do. */
export function awsConfigPaths(env: NodeJS.ProcessEnv = process.env): AwsConfigPaths {
  return {
    configFile: env.AWS_CONFIG_FILE || join(getHomeDir(), '.aws', 'config'),
    credentialsFile: env.AWS_SHARED_CREDENTIALS_FILE || join(getHomeDir(), '.aws', 'credentials'),
  };
}

// The loader keys typed sections as `<type>.<name>` (a config file's `[profile x]` becomes `x`).
const SSO_SESSION_PREFIX = 'sso-session.';
const TYPED_SECTION_PREFIXES = [SSO_SESSION_PREFIX, 'services.'];

/**
 * Reads both files fresh (the loader otherwise caches file contents for the process lifetime). A
 * missing or unreadable file counts as empty, as it does for the CLI.
 */
export async function loadAwsFiles(paths: AwsConfigPaths): Promise<ParsedAwsFiles> {
  const files = await loadSharedConfigFiles({
    configFilepath: paths.configFile,
    filepath: paths.credentialsFile,
    ignoreCache: true,
  });
  const configProfiles: Record<string, IniSection> = {};
  const ssoSessions: Record<string, IniSection> = {};
  for (const [key, section] of Object.entries(files.configFile)) {
    if (key.startsWith(SSO_SESSION_PREFIX)) {
      ssoSessions[key.slice(SSO_SESSION_PREFIX.length)] = section as IniSection;
    } else if (!TYPED_SECTION_PREFIXES.some((prefix) => key.startsWith(prefix))) {
      configProfiles[key] = section as IniSection;
    }
  }
  const credentialsProfiles: Record<string, IniSection> = {};
  for (const [key, section] of Object.entries(files.credentialsFile)) {
    // `[profile x]` in the credentials file is not a profile the SDK can select.
    if (![...TYPED_SECTION_PREFIXES, 'profile.'].some((prefix) => key.startsWith(prefix))) {
      credentialsProfiles[key] = section as IniSection;
    }
  }
  const configText = await readFile(paths.configFile, 'utf8').catch(() => '');
  return {
    configProfiles,
    credentialsProfiles,
    ssoSessions,
    ignoredConfigSections: ignoredSections(configText),
  };
}

// The loader's own rule for a typed section header (@smithy/core config parseIni).
const TYPED_HEADER = /^([\w-]+)\s(["'])?([\w-@+.%:/]+)\2$/;
const KNOWN_TYPES = ['profile', 'sso-session', 'services'];

function ignoredSections(text: string): string[] {
  const ignored: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.split(/(^|\s)[;#]/)[0]?.trim() ?? '';
    if (!trimmed.startsWith('[') || !trimmed.endsWith(']')) continue;
    const header = trimmed.slice(1, -1);
    const typed = TYPED_HEADER.exec(header);
    if (header === 'default' || (typed && KNOWN_TYPES.includes(typed[1] ?? ''))) continue;
    ignored.push(header);
  }
  return ignored;
}

/** Profile names across both files, as the SDK's own loader parses them. */
export async function listProfileNames(paths: AwsConfigPaths): Promise<string[]> {
  const files = await loadAwsFiles(paths);
  const names = [...Object.keys(files.configProfiles), ...Object.keys(files.credentialsProfiles)];
  return [...new Set(names)].sort();
}

export function describeConfigFiles(paths: AwsConfigPaths) {
  return {
    configFile: { path: paths.configFile, exists: existsSync(paths.configFile) },
    credentialsFile: { path: paths.credentialsFile, exists: existsSync(paths.credentialsFile) },
  };
}
