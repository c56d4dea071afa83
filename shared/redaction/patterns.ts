import { isIpv4, isIpv6 } from './ipv6';
import { maskSecret, maskTail } from './mask';
import { normalizedView } from './normalizedView';
import { FIELD_IN_TEXT, isReadableUnder, isSecretFieldName } from './secretFields';

/**
 * Free-text redaction: finds what identifies a customer or grants access in any string (log
 * lines, AWS error messages, report fields) and masks it. Rules match the NFKC form of the text
 * (full-width digits, compatibility dashes) and are applied in this order: a secret-named
 * field's value whatever it is first, then JWTs and ARNs (which contain account ids and dots),
 * and hostnames before tokens so a long label cannot split a hostname and leave its first label.
 */
interface Rule {
  readonly name: string;
  /** Global; with `group`, the group ends the match. */
  readonly pattern: RegExp;
  /** The capture group that is masked; the whole match when absent. */
  readonly group?: number;
  /** Extra check on a candidate; the regex finds candidates, this decides. */
  readonly accept?: (candidate: string, match: RegExpExecArray) => boolean;
  readonly mask?: (candidate: string) => string;
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

/** Hyphen, non-breaking hyphen, figure dash, en and em dash, horizontal bar, minus, space. */
const DIGIT_GROUP_SEPARATOR = '[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212 ]';

export const REDACTION_RULES: readonly Rule[] = [
  {
    name: 'secretField',
    pattern: FIELD_IN_TEXT,
    group: 2,
    accept: (value, match) => {
      const name = match[1] ?? '';
      return isSecretFieldName(name) && !isReadableUnder(name, value);
    },
    mask: maskSecret,
  },
  {
    name: 'jwt',
    pattern:
      /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*(?![A-Za-z0-9_-])/g,
  },
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
    // Three labels or more: customer endpoints are deep names, while two-label words in prose
    // ("state.json", "Node.js") are not. Public AWS and SMOOZ hosts stay readable.
    name: 'hostname',
    pattern:
      /(?<![A-Za-z0-9._-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})?\.){2,}[A-Za-z]{2,63}(?![A-Za-z0-9-])/g,
    accept: (match) => !PUBLIC_HOST.test(match),
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
    name: 'accountId',
    pattern: new RegExp(
      `(?<![0-9])(?:\\d{12}|\\d{4}${DIGIT_GROUP_SEPARATOR}\\d{4}${DIGIT_GROUP_SEPARATOR}\\d{4})(?![0-9])`,
      'g',
    ),
  },
];

const maskOf = (rule: Rule) => rule.mask ?? maskTail;

/**
 * Text already in NFKC form (nearly all of it) is redacted in place; a rule's capture group is
 * the end of its match, so the part before it is kept as it is.
 */
function applyToNormalized(text: string, rule: Rule): string {
  return text.replace(rule.pattern, (match: string, ...rest: unknown[]) => {
    const candidate = rule.group === undefined ? match : rest[rule.group - 1];
    if (typeof candidate !== 'string' || candidate === '') return match;
    const groups = [match, ...rest.slice(0, -2)] as unknown as RegExpExecArray;
    if (rule.accept !== undefined && !rule.accept(candidate, groups)) return match;
    return match.slice(0, match.length - candidate.length) + maskOf(rule)(candidate);
  });
}

/** Other text is matched in its NFKC form and masked where each match came from. */
function applyThroughView(text: string, rule: Rule): string {
  const view = normalizedView(text);
  const pattern = new RegExp(rule.pattern.source, `${rule.pattern.flags}d`);
  let result = '';
  let copied = 0;
  for (const match of view.text.matchAll(pattern)) {
    const group = rule.group ?? 0;
    const candidate = match[group];
    const range = match.indices?.[group];
    if (candidate === undefined || candidate === '' || range === undefined) continue;
    if (rule.accept !== undefined && !rule.accept(candidate, match)) continue;
    const start = view.originalIndex(range[0]);
    if (start < copied) continue;
    result += text.slice(copied, start) + maskOf(rule)(candidate);
    copied = view.originalIndex(range[1]);
  }
  return result + text.slice(copied);
}

/** Printable ASCII and the mask character are their own NFKC form; checking that is cheap. */
const PLAIN = /^[\t\n\r\x20-\x7e\u2022]*$/;
const isNormalized = (text: string) => PLAIN.test(text) || text.normalize('NFKC') === text;

/** Masks every sensitive value found in `text`, keeping the last four characters of most. */
export function redactText(text: string): string {
  return REDACTION_RULES.reduce(
    (current, rule) =>
      isNormalized(current) ? applyToNormalized(current, rule) : applyThroughView(current, rule),
    text,
  );
}
