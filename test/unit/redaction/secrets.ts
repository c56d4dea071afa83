import fc from 'fast-check';
import type { SensitiveKind } from '../../../shared/redaction/kinds';

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

export interface Secret {
  readonly kind: SensitiveKind;
  readonly value: string;
}

export const secret: fc.Arbitrary<Secret> = fc.oneof(
  accountId.map((value) => ({ kind: 'accountId' as const, value })),
  hyphenatedAccountId.map((value) => ({ kind: 'accountId' as const, value })),
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

/** What must not survive redaction: the value itself, and for account ids its digits. */
export function leaks(output: string, s: Secret): boolean {
  if (output.includes(s.value)) return true;
  if (s.kind === 'accountId') return output.includes(s.value.replace(/-/g, ''));
  return false;
}
