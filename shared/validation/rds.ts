import {
  checkPresence,
  choiceValidator,
  cleanInput,
  invalid,
  valid,
  type ValidationResult,
} from './result';

export const RDS_TYPES = ['instance', 'cluster'] as const;
export type RdsType = (typeof RDS_TYPES)[number];

export const validateRdsType = choiceValidator(RDS_TYPES, 'rdsType.invalid');

export type RdsEndpointKind = 'instance' | 'cluster' | 'cluster-ro' | 'cluster-custom' | 'proxy';

export interface ParsedRdsEndpoint {
  readonly kind: RdsEndpointKind;
  readonly identifier: string;
  readonly region: string;
}

/**
 * `<id>.<12-char account hash>.<region>.rds.amazonaws.com` for instances, with `cluster-`,
 * `cluster-ro-` or `cluster-custom-` before the hash for Aurora/Multi-AZ cluster endpoints.
 * The China regions put the service first: `<id>.<hash>.rds.cn-north-1.amazonaws.com.cn`.
 * Identifiers: 1–63 letters, digits and hyphens, starting with a letter.
 */
const ENDPOINT =
  /^([a-z][a-z0-9-]{0,62})\.(cluster-ro-|cluster-custom-|cluster-|proxy-)?([a-z0-9]{12})\.(?:(?!cn-)([a-z]{2}(?:-(?:gov|iso[a-z]?))?-[a-z]+-\d{1,2})\.rds\.amazonaws\.com|rds\.(cn-[a-z]+-\d{1,2})\.amazonaws\.com\.cn)$/;

/** A host name as typed or pasted: invisible characters, case and a trailing dot do not count. */
export const normalizeHost = (raw: string): string =>
  cleanInput(raw).toLowerCase().replace(/\.$/, '');

/** What an endpoint names, whether typed, pasted or carried from the checklist. */
export function parseRdsEndpoint(raw: string): ParsedRdsEndpoint | undefined {
  const match = ENDPOINT.exec(normalizeHost(raw));
  if (!match) return undefined;
  const [, identifier = '', marker] = match;
  const region = match[4] ?? match[5] ?? '';
  const kind: RdsEndpointKind =
    marker === undefined ? 'instance' : (marker.slice(0, -1) as RdsEndpointKind);
  return { kind, identifier, region };
}

/**
 * ③ RDS endpoint. The writer endpoint is what the NLB must follow: a reader or proxy endpoint
 * gets its own message, and a mismatch with ② (instance / cluster) is caught here, not by a
 * failed stack five minutes later.
 */
export function validateRdsEndpoint(raw: string, rdsType?: string): ValidationResult {
  const value = normalizeHost(raw);
  const missing = checkPresence(value, 253);
  if (missing) return missing;
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(value)) return invalid('rdsEndpoint.hasScheme');
  const withPort = /^(.*):(\d{1,5})$/.exec(value);
  if (withPort && parseRdsEndpoint(withPort[1] ?? '')) {
    return invalid('rdsEndpoint.hasPort', { port: withPort[2] ?? '' });
  }
  const parsed = parseRdsEndpoint(value);
  if (!parsed) return invalid('rdsEndpoint.pattern');
  if (parsed.kind === 'cluster-ro' || parsed.kind === 'cluster-custom') {
    return invalid('rdsEndpoint.readerEndpoint');
  }
  if (parsed.kind === 'proxy') return invalid('rdsEndpoint.proxyEndpoint');
  if (rdsType === 'cluster' && parsed.kind !== 'cluster') return invalid('rdsEndpoint.notCluster');
  if (rdsType === 'instance' && parsed.kind !== 'instance') {
    return invalid('rdsEndpoint.notInstance');
  }
  return valid(value);
}

export const PORT_MIN = 1;
export const PORT_MAX = 65535;

/** ④ RDS port: a whole number in the TCP range (full-width digits accepted and converted). */
export function validatePort(raw: string): ValidationResult {
  const value = cleanInput(raw).replace(/[０-９]/gu, (d) =>
    String.fromCharCode(d.charCodeAt(0) - 0xfee0),
  );
  if (value === '') return invalid('required');
  if (!/^\d{1,6}$/.test(value)) return invalid('port.notNumber');
  const port = Number(value);
  if (port < PORT_MIN || port > PORT_MAX) {
    return invalid('port.range', { min: PORT_MIN, max: PORT_MAX });
  }
  return valid(String(port));
}
