import {
  MAX_LAMBDA_FUNCTION_NAME_LENGTH,
  SETUP_FUNCTION_SUFFIX,
} from '../stack/templateParameters';

/**
 * Every AWS name one connection uses, derived from its id, its name and SMOOZ's prefix. Two
 * connections never share a name in an account and region: each name ends with a suffix taken
 * from the connection id, so connection names that differ only in Japanese text, case or
 * punctuation (`本番DB接続` / `検証DB接続`, `Prod DB` / `prod-db`) still give different names.
 * The readable part in the middle is only there for people browsing the AWS console.
 */

/** The prefix when SMOOZ gives none; also the offline checklist's. */
export const DEFAULT_RESOURCE_NAME_PREFIX = 'smooz-privatelink';
/**
 * Letters, digits and inner hyphens, starting with a letter: valid at the start of every name
 * below. Not `sg-`: EC2 refuses security group names that start so.
 */
export const RESOURCE_NAME_PREFIX_PATTERN =
  /^(?![sS][gG](-|$))[A-Za-z]([A-Za-z0-9-]{0,18}[A-Za-z0-9])?$/;

/** AWS's limits on the names a connection uses. */
export const NAME_LIMITS = {
  stack: 128,
  /** Less `-setup`: the stack also creates `<updater>-setup`. */
  lambdaFunction: MAX_LAMBDA_FUNCTION_NAME_LENGTH,
  securityGroup: 255,
  logGroup: 512,
} as const;

export const NAME_PATTERNS = {
  stack: /^[A-Za-z][A-Za-z0-9-]*$/,
  lambdaFunction: /^[A-Za-z0-9_-]+$/,
  /** EC2 allows more in VPC groups; the app uses the ASCII subset every API accepts. */
  securityGroup: /^[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]+$/,
  logGroup: /^[A-Za-z0-9_\-/.#]+$/,
} as const;

export interface NamingInput {
  readonly connectionId: string;
  readonly connectionName: string;
  /** SMOOZ's `resourceNamePrefix`; DEFAULT_RESOURCE_NAME_PREFIX when absent or unusable. */
  readonly prefix?: string | undefined;
}

export interface ConnectionNames {
  readonly stackName: string;
  /** ① LambdaFunctionName: the target-group updater. */
  readonly lambdaFunctionName: string;
  /** Created by the stack from ①: the custom-resource helper. */
  readonly setupFunctionName: string;
  readonly lambdaSecurityGroupName: string;
  /** Only created with the one-click egress fix (interface endpoints). */
  readonly endpointsSecurityGroupName: string;
  readonly updaterLogGroupName: string;
  readonly setupLogGroupName: string;
}

/** 32-bit FNV-1a over the id's UTF-16 units: stable across runs, machines and processes. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The connection id's short stable mark: 8 lowercase hex digits. */
export const connectionSuffix = (connectionId: string): string =>
  fnv1a(connectionId).toString(16).padStart(8, '0');

/** The ASCII letters and digits of a connection name, lowercased and hyphen-joined ('' if none). */
export function asciiSlug(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const cut = (slug: string, budget: number): string =>
  budget <= 0 ? '' : slug.slice(0, budget).replace(/-+$/, '');

/** `<prefix>-<role>-<slug>-<suffix>` within `limit` characters; the slug gives way first. */
function compose(prefix: string, role: string, slug: string, suffix: string, limit: number) {
  const fixed = [prefix, role, suffix].filter((p) => p !== '');
  const budget = limit - fixed.join('-').length - 1;
  const middle = cut(slug, budget);
  return [prefix, role, middle, suffix].filter((p) => p !== '').join('-');
}

export const usablePrefix = (prefix: string | undefined): string =>
  prefix !== undefined && RESOURCE_NAME_PREFIX_PATTERN.test(prefix)
    ? prefix
    : DEFAULT_RESOURCE_NAME_PREFIX;

/** The names that follow from ① (the template derives them the same way). */
export const namesOfLambda = (lambdaFunctionName: string) => ({
  setupFunctionName: `${lambdaFunctionName}${SETUP_FUNCTION_SUFFIX}`,
  updaterLogGroupName: `/aws/lambda/${lambdaFunctionName}`,
  setupLogGroupName: `/aws/lambda/${lambdaFunctionName}${SETUP_FUNCTION_SUFFIX}`,
});

/** Every name of one connection. Pure; the renderer calls it to show and re-derive names. */
export function deriveConnectionNames(input: NamingInput): ConnectionNames {
  const prefix = usablePrefix(input.prefix);
  const slug = asciiSlug(input.connectionName);
  const suffix = connectionSuffix(input.connectionId);
  const lambdaFunctionName = compose(prefix, 'updater', slug, suffix, NAME_LIMITS.lambdaFunction);
  return {
    stackName: compose(prefix, '', slug, suffix, NAME_LIMITS.stack),
    lambdaFunctionName,
    ...namesOfLambda(lambdaFunctionName),
    lambdaSecurityGroupName: compose(prefix, 'lambda', slug, suffix, NAME_LIMITS.securityGroup),
    endpointsSecurityGroupName: compose(
      prefix,
      'endpoints',
      slug,
      suffix,
      NAME_LIMITS.securityGroup,
    ),
  };
}
