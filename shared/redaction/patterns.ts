import { isIpv4, isIpv6 } from './ipv6';
import { maskTail } from './mask';

/**
 * Free-text redaction: finds what identifies a customer or grants access in any string (log
 * lines, AWS error messages, report fields) and masks it. Applied in this order, because an ARN
 * contains an account id and a hostname may contain something that looks like a token.
 */
interface Rule {
  readonly name: string;
  readonly pattern: RegExp;
  /** Extra check on a candidate; the regex finds candidates, this decides. */
  readonly accept?: (match: string) => boolean;
}

const WORD = 'A-Za-z0-9';
/** AWS resource ids are not secrets, and the checklist must keep them readable. */
const RESOURCE_ID_PREFIX =
  '(?!(?:vpc|subnet|sg|sgr|vpce|vpce-svc|nat|rtb|igw|eni|acl|tgw|pl|lt|ami|i|vol|snap)-[0-9a-f]{8,17}(?![0-9a-f]))';

/**
 * The shape of every AWS name the app derives for a connection (shared/naming): hyphen-joined
 * words ending in the connection id's 8-hex mark (log groups and the `-setup` twin around it).
 * A name, not a credential: readable everywhere.
 */
const DERIVED_NAME =
  /^(?:\/aws\/lambda\/)?[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+-[0-9a-f]{8}(?:-setup)?$/;

/** Documentation and console hosts that name no customer. */
const PUBLIC_HOST = /(?:^|\.)(?:aws\.amazon\.com|smooz\.jp)$/i;

export const REDACTION_RULES: readonly Rule[] = [
  { name: 'arn', pattern: /arn:aws[a-z-]*:[^\s"'<>`,;)\]}]+/gi },
  {
    name: 'accessKey',
    pattern:
      /(?<![A-Z0-9])(?:AKIA|ASIA|AIDA|AROA|ANPA|ANVA|AGPA|ABIA|ACCA|AIPA|APKA)[A-Z0-9]{16}(?![A-Z0-9])/g,
  },
  {
    name: 'ipv6',
    pattern: /(?<![0-9A-Za-z:.])[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*(?![0-9A-Za-z:])/g,
    accept: (match) => isIpv6(match.replace(/\.$/, '')),
  },
  {
    name: 'ipv4',
    pattern: /(?<![0-9.])\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?(?![0-9])/g,
    accept: (match) => isIpv4(match.replace(/\/\d+$/, '')),
  },
  {
    name: 'token',
    pattern: new RegExp(
      `(?<![${WORD}_+/=-])${RESOURCE_ID_PREFIX}[${WORD}_+/=-]{20,}(?![${WORD}_+/=-])`,
      'g',
    ),
    // Random strings mix classes; a long lower-case slug (a function or stack name) is a name,
    // and so is every name the app derives, whatever screen or message shows it.
    accept: (match) =>
      !DERIVED_NAME.test(match) &&
      ((/[0-9]/.test(match) && /[A-Za-z]/.test(match)) ||
        (match.length >= 32 && !/^[a-z-]+$/.test(match))),
  },
  {
    // Three labels or more: customer endpoints are deep names, while two-label words in prose
    // ("state.json", "Node.js") are not. Public AWS and SMOOZ hosts stay readable.
    name: 'hostname',
    pattern:
      /(?<![A-Za-z0-9._-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})?\.){2,}[A-Za-z]{2,63}(?![A-Za-z0-9-])/g,
    accept: (match) => !PUBLIC_HOST.test(match),
  },
  {
    name: 'accountId',
    pattern: /(?<![0-9])(?:\d{12}|\d{4}[-‐ ]\d{4}[-‐ ]\d{4})(?![0-9])/g,
  },
];

/** Masks every sensitive value found in `text`, keeping the last four characters of each. */
export function redactText(text: string): string {
  let result = text;
  for (const rule of REDACTION_RULES) {
    result = result.replace(rule.pattern, (match) =>
      rule.accept === undefined || rule.accept(match) ? maskTail(match) : match,
    );
  }
  return result;
}
