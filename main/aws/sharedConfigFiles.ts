import { isUtf8 } from 'node:buffer';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getHomeDir, loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { AwsErrorCodes } from '../../shared/aws/errorCodes';
import type { AppErrorData } from '../../shared/errors';

export interface AwsConfigPaths {
  readonly configFile: string;
  readonly credentialsFile: string;
}

export type IniSection = Readonly<Record<string, string>>;

/** The two files as the SDK's own loader reads them, split into what each section is for. */
export interface ParsedAwsFiles {
  /** `[default]` and `[profile x]` of the config file, by profile name. */
  readonly configProfiles: ReadonlyMap<string, IniSection>;
  /** Every section of the credentials file (there, `[x]` is profile x). */
  readonly credentialsProfiles: ReadonlyMap<string, IniSection>;
  /** `[sso-session x]` sections, keyed by x. */
  readonly ssoSessions: Readonly<Record<string, IniSection>>;
  /**
   * Config file section headers the loader skips, as written (`[myprofile]` without the `profile`
   * prefix, `[profile  x]` with extra spaces): shown to the user instead of silently dropped.
   */
  readonly ignoredConfigSections: readonly string[];
  /**
   * Why a file gives fewer profiles than it holds: it is a folder, unreadable, not UTF-8, has a
   * section the SDK refuses (it then drops the whole file) or a `[default]` hidden by
   * `[profile default]`. The loader itself swallows all of these.
   */
  readonly fileProblems: readonly AppErrorData[];
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
const SERVICES_PREFIX = 'services.';
// `[profile x]` in the credentials file is not a profile the SDK can select.
const NOT_CREDENTIALS_PROFILES = [SSO_SESSION_PREFIX, SERVICES_PREFIX, 'profile.'];

/** A file's bytes, or why it could not be read (`ENOENT`, `EISDIR`…). */
type FileRead = { readonly bytes: Buffer } | { readonly reason: string };

async function readBytes(file: string): Promise<FileRead> {
  try {
    return { bytes: await readFile(file) };
  } catch (error) {
    return { reason: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
}

const sameRead = (a: FileRead, b: FileRead): boolean =>
  'bytes' in a ? 'bytes' in b && a.bytes.equals(b.bytes) : 'reason' in b && a.reason === b.reason;

const sameReads = (a: readonly FileRead[], b: readonly FileRead[]): boolean =>
  a.every((read, n) => sameRead(read, b[n] as FileRead));

/**
 * The latest parse of the files (done or under way), with what was read from them. The profile
 * step lists the profiles (twice on one screen) and then uses one, each time reading the files
 * again; on a file of tens of thousands of profiles the SDK's parse is most of the time, and
 * comparing the bytes a tiny part of it.
 */
let latest:
  | {
      readonly paths: AwsConfigPaths;
      readonly reads: readonly FileRead[];
      readonly files: Promise<ParsedAwsFiles>;
    }
  | undefined;

/**
 * Reads both files fresh each time (the loader otherwise caches file contents for the process
 * lifetime), parsing them again only when their bytes changed. A missing file counts as empty, as
 * it does for the CLI; anything else that makes the loader skip a file or a section is in
 * `fileProblems`.
 */
export async function loadAwsFiles(paths: AwsConfigPaths): Promise<ParsedAwsFiles> {
  const reads = await readBoth(paths);
  const known = latest;
  if (
    known &&
    known.paths.configFile === paths.configFile &&
    known.paths.credentialsFile === paths.credentialsFile &&
    sameReads(reads, known.reads)
  ) {
    return known.files;
  }
  const parse = { paths, reads, files: parseFiles(paths, reads) };
  latest = parse;
  try {
    const files = await parse.files;
    // The loader read the files itself: keep its parse only if they did not change meanwhile.
    if (!sameReads(await readBoth(paths), reads) && latest === parse) latest = undefined;
    return files;
  } catch (error) {
    if (latest === parse) latest = undefined;
    throw error;
  }
}

async function parseFiles(
  paths: AwsConfigPaths,
  [configRead, credentialsRead]: readonly FileRead[],
): Promise<ParsedAwsFiles> {
  const loaded = await loadSharedConfigFiles({
    configFilepath: paths.configFile,
    filepath: paths.credentialsFile,
    ignoreCache: true,
  });
  const config = inspectFile(paths.configFile, 'config', configRead as FileRead);
  const credentials = inspectFile(
    paths.credentialsFile,
    'credentials',
    credentialsRead as FileRead,
  );
  const configProfiles = new Map<string, IniSection>();
  const ssoSessions: Record<string, IniSection> = {};
  for (const [key, section] of Object.entries(loaded.configFile)) {
    if (key.startsWith(SSO_SESSION_PREFIX)) {
      ssoSessions[key.slice(SSO_SESSION_PREFIX.length)] = section as IniSection;
    } else if (!key.startsWith(SERVICES_PREFIX)) {
      configProfiles.set(key, section as IniSection);
    }
  }
  const credentialsProfiles = new Map<string, IniSection>();
  for (const [key, section] of Object.entries(loaded.credentialsFile)) {
    if (!NOT_CREDENTIALS_PROFILES.some((prefix) => key.startsWith(prefix))) {
      credentialsProfiles.set(key, section as IniSection);
    }
  }
  return {
    configProfiles,
    credentialsProfiles,
    ssoSessions,
    ignoredConfigSections: config.ignored,
    fileProblems: [...config.problems, ...credentials.problems],
  };
}

const readBoth = (paths: AwsConfigPaths) =>
  Promise.all([readBytes(paths.configFile), readBytes(paths.credentialsFile)]);

interface FileInspection {
  readonly ignored: string[];
  readonly problems: AppErrorData[];
}

const fileProblem = (code: string, params: Record<string, string | number>): AppErrorData => ({
  code,
  params,
});

/** Reads a file the way the loader does (as UTF-8), noting what the loader would silently drop. */
function inspectFile(file: string, kind: 'config' | 'credentials', read: FileRead): FileInspection {
  const problems: AppErrorData[] = [];
  const none = (problem?: AppErrorData): FileInspection => ({
    ignored: [],
    problems: problem ? [problem] : [],
  });
  if ('reason' in read) {
    const { reason } = read;
    if (reason === 'ENOENT') return none();
    if (reason === 'EISDIR') return none(fileProblem(AwsErrorCodes.configFileIsFolder, { file }));
    return none(fileProblem(AwsErrorCodes.configFileUnreadable, { file, reason }));
  }
  const { bytes } = read;
  // PowerShell 5's `>` and Out-File write UTF-16 with a byte order mark; the SDK reads it as UTF-8
  // and finds no section at all, so decoding it here would list profiles the SDK cannot use.
  const utf16 = utf16Encoding(bytes);
  if (utf16) return none(fileProblem(AwsErrorCodes.configFileUtf16, { file, encoding: utf16 }));
  const badLine = firstNonUtf8Line(bytes);
  if (badLine !== undefined) {
    problems.push(fileProblem(AwsErrorCodes.configFileNotUtf8, { file, line: badLine }));
  }
  const headers = sectionHeaders(bytes.toString('utf8'));
  const rejected = headers.find(({ header }) => REJECTED_HEADERS.includes(header));
  if (rejected) {
    const { header: section, line } = rejected;
    problems.push(fileProblem(AwsErrorCodes.configSectionRejected, { file, section, line }));
  }
  if (kind === 'credentials') return { ignored: [], problems };
  const plainDefault = headers.find(({ header }) => header === 'default');
  const typedDefault = headers.some(({ header }) => {
    const typed = TYPED_HEADER.exec(header);
    return typed?.[1] === 'profile' && typed[3] === 'default';
  });
  if (plainDefault && typedDefault) {
    problems.push(
      fileProblem(AwsErrorCodes.configDefaultShadowed, { file, line: plainDefault.line }),
    );
  }
  const ignored = headers.flatMap(({ header }) => {
    const typed = TYPED_HEADER.exec(header);
    const known = header === 'default' || (typed && KNOWN_TYPES.includes(typed[1] ?? ''));
    return known || REJECTED_HEADERS.includes(header) ? [] : [header];
  });
  return { ignored, problems };
}

/** By the byte order mark, or without one by the zero byte of an ASCII first character. */
function utf16Encoding(bytes: Buffer): string | undefined {
  const [first, second] = [bytes[0], bytes[1]];
  if ((first === 0xff && second === 0xfe) || (first !== 0 && second === 0)) return 'UTF-16 LE';
  if ((first === 0xfe && second === 0xff) || (first === 0 && second !== 0)) return 'UTF-16 BE';
  return undefined;
}

/** The 1-based line holding the first byte sequence that is not UTF-8 (Shift_JIS, Latin-1…). */
function firstNonUtf8Line(bytes: Buffer): number | undefined {
  if (isUtf8(bytes)) return undefined;
  let line = 1;
  for (let start = 0; start < bytes.length; line += 1) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline === -1 ? bytes.length : newline;
    if (!isUtf8(bytes.subarray(start, end))) return line;
    start = end + 1;
  }
  return undefined;
}

// The loader's own rules (@smithy/core config parseIni): a typed section header, and the names
// it refuses with an error that makes loadSharedConfigFiles drop the whole file.
const TYPED_HEADER = /^([\w-]+)\s(["'])?([\w-@+.%:/]+)\2$/;
const KNOWN_TYPES = ['profile', 'sso-session', 'services'];
const REJECTED_HEADERS = ['__proto__', 'profile __proto__'];

/** Every `[section]` header, as written, with its 1-based line number. */
function sectionHeaders(text: string): { header: string; line: number }[] {
  const headers: { header: string; line: number }[] = [];
  let line = 1;
  let lineStart = 0;
  // Only lines with a `[` can be headers; a 5 MB file is mostly settings, so jump from one `[`
  // to the next, counting the line breaks passed.
  for (let bracket = text.indexOf('['); bracket !== -1;) {
    let lineEnd = text.indexOf('\n', lineStart);
    while (lineEnd !== -1 && lineEnd < bracket) {
      line += 1;
      lineStart = lineEnd + 1;
      lineEnd = text.indexOf('\n', lineStart);
    }
    if (lineEnd === -1) lineEnd = text.length;
    const trimmed =
      text
        .slice(lineStart, lineEnd)
        .split(/(^|\s)[;#]/)[0]
        ?.trim() ?? '';
    if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
      headers.push({ header: trimmed.slice(1, -1), line });
    }
    bracket = text.indexOf('[', lineEnd);
  }
  return headers;
}

/** Profile names across both files, as the SDK's own loader parses them. */
export async function listProfileNames(paths: AwsConfigPaths): Promise<string[]> {
  const files = await loadAwsFiles(paths);
  const names = [...files.configProfiles.keys(), ...files.credentialsProfiles.keys()];
  return [...new Set(names)].sort();
}

export function describeConfigFiles(paths: AwsConfigPaths) {
  return {
    configFile: { path: paths.configFile, exists: existsSync(paths.configFile) },
    credentialsFile: { path: paths.credentialsFile, exists: existsSync(paths.credentialsFile) },
  };
}
