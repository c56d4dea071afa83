import { z } from 'zod';
import { SMOOZ_TEMPLATE_VERSION } from '../stack/templateVersion';
import type { FoundSetup, IngressRuleSnapshot, TriggerSnapshot } from './foundSetup';
import { cidrContains, prefixOf } from './ipv4Cidr';
import { runtimeStanding } from './runtimes';

/**
 * What is wrong with a found setup, in plain words: one finding per problem, each with a severity
 * and the fix (the renderer words them: `lifecycle:findings.<id>.{title,detail,fix}` with
 * `params`). Pure: the same snapshot and day always give the same findings. The first finding is
 * always SMOOZ's connectivity test: is it working right now?
 */
export const SEVERITIES = ['error', 'warning', 'info', 'ok'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FINDING_IDS = [
  'connectivitySucceeded',
  'connectivityFailed',
  'connectivityNoSmoozConnection',
  'connectivityNotAvailable',
  'connectivityCouldNotRun',
  'runtimeUpdateBlocked',
  'runtimeCreateBlocked',
  'runtimeDeprecated',
  'runtimeEndingSoon',
  'runtimeUnknown',
  'noUpdater',
  'singleAzForMultiAzDatabase',
  'noCrossZone',
  'noTargets',
  'targetNotCurrentAddress',
  'databaseAddressUnknown',
  'targetUnhealthy',
  'noTrigger',
  'onlySlowTrigger',
  'noScheduleBackstop',
  'narrowRdsEvents',
  'egressThroughNat',
  'noEgress',
  'ingressOpenToInternet',
  'ingressWiderThanPort',
  'ingressWiderThanLoadBalancer',
  'openToWholeSmoozAccount',
  'openToEveryone',
  'mysqlHostBlocking',
  'templateVersionBehind',
  'handMade',
] as const;
export type FindingId = (typeof FINDING_IDS)[number];

export const FindingSchema = z.object({
  id: z.enum(FINDING_IDS),
  severity: z.enum(SEVERITIES),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type Finding = z.infer<typeof FindingSchema>;

export interface DiagnosisContext {
  /** `YYYY-MM-DD`, the day runtime dates are compared with. */
  readonly today: string;
  /** SMOOZ's AWS account (its settings), to recognise a grant to the whole account. */
  readonly smoozAccountId: string;
  readonly currentTemplateVersion?: number;
}

/** RDS event categories under which an address can move (shared/stack/rdsEvents.ts's reasoning). */
const ADDRESS_MOVING_CATEGORIES = ['failover', 'failure', 'maintenance', 'notification'];
/** A schedule slower than this leaves SMOOZ without the database for too long after a move. */
const SLOW_SCHEDULE_SECONDS = 300;
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, ok: 3 };

const finding = (id: FindingId, severity: Severity, params: Finding['params'] = {}): Finding => ({
  id,
  severity,
  params,
});

export function diagnose(setup: FoundSetup, context: DiagnosisContext): Finding[] {
  const rest = [
    ...updaterFindings(setup, context.today),
    ...placementFindings(setup),
    ...targetFindings(setup),
    ...ingressFindings(setup),
    ...principalFindings(setup, context.smoozAccountId),
    ...engineFindings(setup),
    ...versionFindings(setup, context.currentTemplateVersion ?? SMOOZ_TEMPLATE_VERSION),
  ].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return [connectivityFinding(setup), ...rest];
}

/** The worst severity among the findings (what the setup's badge shows). */
export function overallSeverity(findings: readonly Finding[]): Severity {
  return findings.reduce<Severity>(
    (worst, f) => (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[worst] ? f.severity : worst),
    'ok',
  );
}

function connectivityFinding(setup: FoundSetup): Finding {
  const { connectivity, smooz } = setup;
  if (connectivity.ran) {
    return connectivity.outcome === 'succeeded'
      ? finding('connectivitySucceeded', 'ok', { checked: connectivity.checked ?? 'query' })
      : finding('connectivityFailed', 'error', {
          brokenLink: connectivity.brokenLink ?? 'unknown',
        });
  }
  if (!smooz) return finding('connectivityNoSmoozConnection', 'warning');
  if (smooz.status !== 'available') {
    return finding('connectivityNotAvailable', 'warning', { status: smooz.status });
  }
  return finding('connectivityCouldNotRun', 'warning', {
    code: connectivity.error?.code ?? 'unknown',
  });
}

function updaterFindings(setup: FoundSetup, today: string): Finding[] {
  const { updater } = setup;
  if (!updater) return [finding('noUpdater', 'error')];
  const found: Finding[] = [];
  const runtime = updater.runtime ?? '';
  const standing = runtimeStanding(runtime, today);
  if (standing.stage === 'unknown') {
    found.push(finding('runtimeUnknown', 'warning', { runtime: runtime || '-' }));
  } else if (standing.stage !== 'supported') {
    const severity = {
      updateBlocked: 'error',
      createBlocked: 'error',
      deprecated: 'warning',
      endingSoon: 'info',
    } as const;
    const id = {
      updateBlocked: 'runtimeUpdateBlocked',
      createBlocked: 'runtimeCreateBlocked',
      deprecated: 'runtimeDeprecated',
      endingSoon: 'runtimeEndingSoon',
    } as const;
    found.push(
      finding(id[standing.stage], severity[standing.stage], {
        runtime,
        deprecated: standing.life.deprecated,
        createBlock: standing.life.createBlock,
        updateBlock: standing.life.updateBlock,
        successor: standing.life.successor,
      }),
    );
  }
  found.push(...triggerFindings(updater.triggers));
  if (updater.inVpc && updater.egress === 'nat') found.push(finding('egressThroughNat', 'warning'));
  if (updater.inVpc && updater.egress === 'none') found.push(finding('noEgress', 'error'));
  return found;
}

function triggerFindings(all: readonly TriggerSnapshot[]): Finding[] {
  const triggers = all.filter((t) => t.enabled);
  const events = triggers.filter((t) => t.kind === 'rdsEvent');
  const schedules = triggers.filter((t) => t.kind === 'schedule');
  if (events.length === 0 && schedules.length === 0) return [finding('noTrigger', 'error')];
  const fastest = Math.min(...schedules.map((s) => s.periodSeconds ?? Infinity));
  const found: Finding[] = [];
  if (events.length === 0 && fastest > SLOW_SCHEDULE_SECONDS) {
    found.push(finding('onlySlowTrigger', 'warning', { seconds: fastest }));
  }
  if (events.length > 0 && schedules.length === 0) {
    found.push(finding('noScheduleBackstop', 'warning'));
  }
  const categories = new Set(events.flatMap((e) => e.eventCategories ?? ADDRESS_MOVING_CATEGORIES));
  const missing = ADDRESS_MOVING_CATEGORIES.filter((c) => !categories.has(c));
  if (events.length > 0 && missing.length > 0) {
    found.push(finding('narrowRdsEvents', 'warning', { missing: missing.join(', ') }));
  }
  return found;
}

function placementFindings(setup: FoundSetup): Finding[] {
  const found: Finding[] = [];
  const zones = setup.loadBalancer?.zones.map((z) => z.name) ?? setup.endpointService.zones;
  if (setup.database?.multiAz && zones.length < 2) {
    found.push(finding('singleAzForMultiAzDatabase', 'error', { zones: zones.join(', ') }));
  }
  if (setup.loadBalancer && !setup.loadBalancer.crossZone) {
    found.push(finding('noCrossZone', 'warning'));
  }
  return found;
}

function targetFindings(setup: FoundSetup): Finding[] {
  const targets = setup.targetGroups.flatMap((g) => g.targets);
  if (targets.length === 0) return [finding('noTargets', 'error')];
  const found: Finding[] = [];
  const current = setup.database?.addresses;
  if (setup.database && !current) found.push(finding('databaseAddressUnknown', 'info'));
  if (current && !targets.some((t) => current.includes(t.address))) {
    found.push(
      finding('targetNotCurrentAddress', 'error', {
        registered: targets.map((t) => t.address).join(', '),
        current: current.join(', '),
      }),
    );
  }
  for (const t of targets.filter((t) => t.state !== 'healthy')) {
    found.push(
      finding('targetUnhealthy', 'error', {
        address: t.address,
        state: t.state,
        reason: t.reason ?? '-',
      }),
    );
  }
  return found;
}

function ingressFindings(setup: FoundSetup): Finding[] {
  const port = setup.database?.port;
  if (port === undefined) return [];
  const nlbCidrs = setup.loadBalancer?.subnetCidrs ?? [];
  const ports = (r: IngressRuleSnapshot) =>
    r.fromPort === r.toPort ? String(r.fromPort) : `${r.fromPort}-${r.toPort}`;
  const found: Finding[] = [];
  for (const rule of setup.databaseIngress) {
    const params = { group: rule.groupId, source: rule.source, ports: ports(rule), port };
    if (rule.source === '0.0.0.0/0' || rule.source === '::/0') {
      found.push(finding('ingressOpenToInternet', 'error', params));
      continue;
    }
    // Only the rules that admit this setup's own parts are its business; other rules are the
    // customer's (their application servers).
    const admitsSetup =
      setup.updater?.securityGroupIds.includes(rule.source) ||
      nlbCidrs.some((cidr) => cidrContains(rule.source, cidr));
    if (!admitsSetup) continue;
    if (rule.fromPort !== port || rule.toPort !== port) {
      found.push(finding('ingressWiderThanPort', 'warning', params));
    }
    if (
      nlbCidrs.some(
        (cidr) => cidrContains(rule.source, cidr) && prefixOf(rule.source) < prefixOf(cidr),
      )
    ) {
      found.push(finding('ingressWiderThanLoadBalancer', 'warning', params));
    }
  }
  return found;
}

function principalFindings(setup: FoundSetup, smoozAccountId: string): Finding[] {
  const found: Finding[] = [];
  for (const principal of setup.endpointService.allowedPrincipals) {
    if (principal === '*') found.push(finding('openToEveryone', 'error', { principal }));
    else if (principal === smoozAccountId || principal.endsWith(`::${smoozAccountId}:root`)) {
      found.push(finding('openToWholeSmoozAccount', 'warning', { principal }));
    }
  }
  return found;
}

function engineFindings(setup: FoundSetup): Finding[] {
  const engine = setup.database?.engine ?? '';
  const tcpChecked = setup.targetGroups.some((g) => g.healthCheckProtocol === 'TCP');
  return /mysql|mariadb/.test(engine) && tcpChecked
    ? [finding('mysqlHostBlocking', 'warning', { engine })]
    : [];
}

function versionFindings(setup: FoundSetup, current: number): Finding[] {
  if (setup.origin === 'handMade') return [finding('handMade', 'info', { current })];
  const version = setup.stack?.templateVersion ?? 1;
  return version < current
    ? [finding('templateVersionBehind', 'warning', { version, current })]
    : [];
}
