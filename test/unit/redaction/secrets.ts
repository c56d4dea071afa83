import fc from 'fast-check';
import type { SensitiveKind } from '../../../shared/redaction/kinds';
import { isReadableUnder } from '../../../shared/redaction/secretFields';

/** Generators for what must never be shown unmasked, each tagged with its display kind. */
const hex = (min: number, max: number) =>
  fc.stringMatching(new RegExp(`^[0-9a-f]{${min},${max}}$`));
const region = fc.constantFrom(
  'ap-northeast-1',
  'ap-northeast-3',
  'us-east-1',
  'eu-central-1',
  'us-gov-west-1',
);
const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,18}[a-z0-9]$/);

export const accountId = fc.stringMatching(/^[0-9]{12}$/);
export const hyphenatedAccountId = accountId.map(
  (id) => `${id.slice(0, 4)}-${id.slice(4, 8)}-${id.slice(8)}`,
);
/** As typed with a Japanese IME: full-width digits (１２３４…), sometimes grouped. */
export const fullWidthAccountId = fc
  .tuple(accountId, fc.constantFrom('', '－', '-', '　'))
  .map(([id, dash]) => {
    const wide = Array.from(id, (d) => String.fromCharCode(0xff10 + Number(d))).join('');
    return dash === ''
      ? wide
      : `${wide.slice(0, 4)}${dash}${wide.slice(4, 8)}${dash}${wide.slice(8)}`;
  });
/** Grouped with what word processors and IMEs put between digit groups. */
export const dashVariantAccountId = fc
  .tuple(accountId, fc.constantFrom('–', '－', '—', '‐', '‑', '−', '‒'))
  .map(([id, dash]) => `${id.slice(0, 4)}${dash}${id.slice(4, 8)}${dash}${id.slice(8)}`);

export const arn = fc.oneof(
  fc.tuple(accountId, label).map(([a, n]) => `arn:aws:iam::${a}:role/${n}`),
  fc
    .tuple(region, accountId, label, hex(16, 16))
    .map(([r, a, n, h]) => `arn:aws:elasticloadbalancing:${r}:${a}:targetgroup/${n}/${h}`),
  fc.tuple(region, accountId, label).map(([r, a, n]) => `arn:aws:lambda:${r}:${a}:function:${n}`),
  fc
    .tuple(region, accountId, label)
    .map(([r, a, n]) => `arn:aws:cloudformation:${r}:${a}:stack/${n}/${crypto.randomUUID()}`),
);

export const hostname = fc.oneof(
  fc
    .tuple(label, fc.stringMatching(/^[a-z0-9]{12}$/), region)
    .map(([n, h, r]) => `${n}.${h}.${r}.rds.amazonaws.com`),
  fc
    .tuple(label, fc.stringMatching(/^[a-z0-9]{12}$/), region)
    .map(([n, h, r]) => `${n}.cluster-${h}.${r}.rds.amazonaws.com`),
  fc
    .tuple(hex(17, 17), region)
    .map(([h, r]) => `vpce-${h}-abcd1234.vpce-svc-${h}.${r}.vpce.amazonaws.com`),
  fc
    .tuple(
      fc.array(label, { minLength: 2, maxLength: 4 }),
      fc.constantFrom('com', 'net', 'jp', 'internal', 'local'),
    )
    .map(([labels, tld]) => `${labels.join('.')}.${tld}`)
    .filter((h) => !/(^|\.)(aws\.amazon\.com|smooz\.jp)$/.test(h)),
);

/**
 * RDS endpoints whose first label is long and mixes letters and digits, as production names do
 * (`prod-orders-2024-primary`): the part a reader recognises, which must not stay visible.
 */
const longLabel = fc
  .stringMatching(/^[a-z][a-z0-9-]{18,40}[0-9]$/)
  .filter((l) => !l.includes('--'));
export const rdsEndpointLongName = fc.oneof(
  fc
    .tuple(longLabel, fc.stringMatching(/^[a-z0-9]{12}$/), region)
    .map(([n, h, r]) => `${n}.${h}.${r}.rds.amazonaws.com`),
  fc
    .tuple(label, fc.stringMatching(/^[a-z]{4}[0-9][a-z0-9]{7}$/), region)
    .map(([n, h, r]) => `${n}.cluster-ro-${h}.${r}.rds.amazonaws.com`),
);

export const endpointServiceName = fc
  .tuple(region, hex(17, 17))
  .map(([r, h]) => `com.amazonaws.vpce.${r}.vpce-svc-${h}`);

export const ipv4 = fc.ipV4();
export const ipv6 = fc.ipV6().filter((ip) => ip.replace(/[:.]/g, '').length >= 2);
export const accessKey = fc
  .tuple(fc.constantFrom('AKIA', 'ASIA'), fc.stringMatching(/^[A-Z0-9]{16}$/))
  .map(([p, r]) => p + r);
export const secretKey = fc.stringMatching(/^[A-Za-z0-9/+]{40}$/);
/**
 * Random credentials, not words: a pure lower-case slug is a name and stays readable, and so is
 * the shape of the names the app derives (words ending in an 8-hex mark).
 */
export const token = fc.oneof(
  fc
    .stringMatching(/^[A-Za-z0-9_-]{32,64}$/)
    .filter((t) => !/^[a-z-]+$/.test(t))
    .filter((t) => !/^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+-[0-9a-f]{8}(?:-setup)?$/.test(t)),
  fc
    .tuple(
      fc.stringMatching(/^[A-Za-z0-9_-]{20,40}$/),
      fc.stringMatching(/^[A-Za-z0-9_-]{20,60}$/),
      fc.stringMatching(/^[A-Za-z0-9_-]{22,43}$/),
    )
    .map(([h, p, s]) => `eyJ${h}.${p}.${s}`),
);
/** JWT-shaped but short: each part too short for the long-token rule. */
export const shortJwt = fc
  .tuple(
    fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/),
    fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/),
    fc.stringMatching(/^[A-Za-z0-9_-]{0,12}$/),
  )
  .map(([h, p, s]) => `eyJ${h}.${p}.${s}`);

/** Names under which any value is a secret, as code, configs and HTTP headers spell them. */
export const secretFieldName = fc.constantFrom(
  'password',
  'Password',
  'db_password',
  'token',
  'apiToken',
  'access_token',
  'refreshToken',
  'x-api-key',
  'X-Api-Key',
  'apiKey',
  'client_secret',
  'authorization',
  'code',
  'authCode',
  'device_code',
  'cookie',
);
const fieldSeparator = fc.constantFrom('=', ': ', ':', ' = ', '": "', '=Bearer ');
/** A short value (a password, a one-time code): nothing but its name says it is a secret. */
const shortSecretValue = fc
  .stringMatching(/^[A-Za-z0-9!@#$%^*._~+/-]{1,16}$/)
  // An error code under a `code` name stays readable by design (see secretFields.ts).
  .filter((v) => !isReadableUnder('code', v));
export const secretField = fc.tuple(secretFieldName, fieldSeparator, shortSecretValue);

export interface Secret {
  readonly kind: SensitiveKind;
  readonly value: string;
  /**
   * How it appears in free text when that differs from the value: under a secret-named field
   * (`password=abc`). Such a value leaks when it still follows its name.
   */
  readonly text?: string;
}

/** The value as it appears in prose. */
export const textOf = (s: Secret): string => s.text ?? s.value;

export const secret: fc.Arbitrary<Secret> = fc.oneof(
  accountId.map((value) => ({ kind: 'accountId' as const, value })),
  hyphenatedAccountId.map((value) => ({ kind: 'accountId' as const, value })),
  fullWidthAccountId.map((value) => ({ kind: 'accountId' as const, value })),
  dashVariantAccountId.map((value) => ({ kind: 'accountId' as const, value })),
  rdsEndpointLongName.map((value) => ({ kind: 'hostname' as const, value })),
  shortJwt.map((value) => ({ kind: 'token' as const, value })),
  secretField.map(([name, separator, value]) => ({
    kind: 'token' as const,
    value,
    text: `${name}${separator}${value}`,
  })),
  arn.map((value) => ({ kind: 'arn' as const, value })),
  hostname.map((value) => ({ kind: 'hostname' as const, value })),
  endpointServiceName.map((value) => ({ kind: 'endpointServiceName' as const, value })),
  ipv4.map((value) => ({ kind: 'ip' as const, value })),
  ipv6.map((value) => ({ kind: 'ip' as const, value })),
  accessKey.map((value) => ({ kind: 'accessKey' as const, value })),
  secretKey.map((value) => ({ kind: 'token' as const, value })),
  token.map((value) => ({ kind: 'token' as const, value })),
);

/** Prose around a value, as in log lines and AWS error messages (separated by spaces). */
export const context = fc.constantFrom(
  ['エンドポイント:', 'に接続できません'],
  ['Could not reach', 'after 3 attempts'],
  ['(', ')'],
  ['value "', '" was rejected'],
  ['', ''],
  ['「', '」'],
);

/** An account id's twelve digits, however it was typed. */
export const accountDigits = (value: string): string =>
  value.normalize('NFKC').replace(/[^0-9]/g, '');

/**
 * What must not survive redaction: the value itself; for account ids their digits in any width;
 * for hostnames their first label (the database's name); for a secret-named field the value
 * still following its name.
 */
export function leaks(output: string, s: Secret): boolean {
  if (s.text !== undefined) return output.includes(s.text);
  if (output.includes(s.value)) return true;
  if (s.kind === 'accountId') return output.normalize('NFKC').includes(accountDigits(s.value));
  if (s.kind === 'hostname') {
    const first = (s.value.split('.')[0] ?? '').replace(/[^a-z0-9-]/g, '');
    return new RegExp(`(?<![A-Za-z0-9-])${first}\\.`).test(output);
  }
  return false;
}
