import { SMOOZ_TEMPLATE_VERSION } from '../../../shared/stack/templateVersion';
import { describe, expect, it } from 'vitest';
import { diagnose, overallSeverity, type Finding } from '../../../shared/lifecycle/diagnosis';
import type { FoundSetup, TriggerSnapshot } from '../../../shared/lifecycle/foundSetup';
import {
  database,
  loadBalancer,
  manualSetup,
  smooz,
  SMOOZ_ACCOUNT,
  targetGroup,
  updater,
} from '../../support/lifecycle/foundSetups';

const failoverRule: TriggerSnapshot = {
  ruleName: 'failover',
  enabled: true,
  kind: 'rdsEvent',
  eventCategories: ['failover'],
};

const context = { today: '2026-12-02', smoozAccountId: SMOOZ_ACCOUNT, currentTemplateVersion: 2 };
const ids = (setup: FoundSetup, today = context.today) =>
  diagnose(setup, { ...context, today }).map((f) => f.id);
const find = (setup: FoundSetup, id: Finding['id']) =>
  diagnose(setup, context).find((f) => f.id === id);

/** The current design: what the app's template makes today, with nothing to report. */
function currentDesign(): FoundSetup {
  const m = manualSetup();
  return manualSetup({
    origin: 'app',
    stack: { name: 's', status: 'CREATE_COMPLETE', templateVersion: 2, connectionId: 'c' },
    endpointService: {
      ...m.endpointService,
      zones: ['ap-northeast-1a', 'ap-northeast-1c'],
      allowedPrincipals: [`arn:aws:iam::${SMOOZ_ACCOUNT}:role/smooz-privatelink`],
    },
    loadBalancer: {
      ...loadBalancer,
      zones: [
        { name: 'ap-northeast-1a', subnetId: 'subnet-a' },
        { name: 'ap-northeast-1c', subnetId: 'subnet-c' },
      ],
      crossZone: true,
      subnetCidrs: ['10.20.1.0/24', '10.20.2.0/24'],
    },
    updater: {
      ...updater,
      runtime: 'nodejs24.x',
      egress: 'endpoints',
      triggers: [
        { ruleName: 'events', enabled: true, kind: 'rdsEvent' },
        { ruleName: 'schedule', enabled: true, kind: 'schedule', periodSeconds: 60 },
      ],
    },
  });
}

describe('diagnosis of a found setup (shared/lifecycle/diagnosis.ts)', () => {
  it('finds nothing wrong with the current design and says SMOOZ connects right now', () => {
    const findings = diagnose(currentDesign(), context);
    expect(findings).toEqual([
      { id: 'connectivitySucceeded', severity: 'ok', params: { checked: 'query' } },
    ]);
    expect(overallSeverity(findings)).toBe('ok');
  });

  it('lists every known problem of the manual’s design, connectivity first, errors before warnings', () => {
    const findings = diagnose(manualSetup(), context);
    expect(findings[0]?.id).toBe('connectivitySucceeded');
    expect(findings.map((f) => f.id).sort()).toEqual(
      [
        'connectivitySucceeded',
        'runtimeDeprecated',
        'singleAzForMultiAzDatabase',
        'noCrossZone',
        'noScheduleBackstop',
        'narrowRdsEvents',
        'egressThroughNat',
        'openToWholeSmoozAccount',
        'handMade',
      ].sort(),
    );
    const order = findings.slice(1).map((f) => f.severity);
    expect(order).toEqual(
      [...order].sort(
        (a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b),
      ),
    );
    expect(overallSeverity(findings)).toBe('error');
  });

  it.each([
    ['2026-12-02', 'python3.9', 'runtimeDeprecated', 'warning'],
    ['2027-02-01', 'python3.9', 'runtimeCreateBlocked', 'error'],
    ['2027-03-03', 'python3.9', 'runtimeUpdateBlocked', 'error'],
    ['2026-12-02', 'nodejs22.x', 'runtimeEndingSoon', 'info'],
    ['2027-05-01', 'nodejs24.x', 'runtimeEndingSoon', 'info'],
    ['2028-05-01', 'nodejs24.x', 'runtimeDeprecated', 'warning'],
    ['2026-12-02', 'python2.7', 'runtimeUnknown', 'warning'],
  ])('on %s an updater on %s gets %s (%s) with AWS’s dates', (today, runtime, id, severity) => {
    const setup = manualSetup({ updater: { ...updater, runtime } });
    const f = diagnose(setup, { ...context, today }).find((x) => x.id.startsWith('runtime'));
    expect(f).toMatchObject({ id, severity });
  });

  it('reports nothing for a runtime more than a year from its deprecation', () => {
    const setup = manualSetup({ updater: { ...updater, runtime: 'nodejs24.x' } });
    expect(ids(setup, '2026-12-02').filter((id) => id.startsWith('runtime'))).toEqual([]);
  });

  it('names the date a python3.9 updater can no longer be updated, and its successor', () => {
    expect(find(manualSetup(), 'runtimeDeprecated')?.params).toMatchObject({
      deprecated: '2025-12-15',
      createBlock: '2027-02-01',
      updateBlock: '2027-03-03',
      successor: 'python3.14',
    });
  });

  it('does not call a single AZ a problem for a single-AZ database', () => {
    const setup = manualSetup({ database: { ...database, multiAz: false } });
    expect(ids(setup)).not.toContain('singleAzForMultiAzDatabase');
  });

  type Case = [string, () => Partial<FoundSetup>, Finding['id'], Finding['severity']];
  const cases: Case[] = [
    [
      'a target that is not the database’s current address',
      () => ({ database: { ...database, addresses: ['10.20.2.77'] } }),
      'targetNotCurrentAddress',
      'error',
    ],
    [
      'a database whose address could not be resolved',
      () => {
        const { addresses: _a, ...unresolved } = database;
        return { database: unresolved };
      },
      'databaseAddressUnknown',
      'info',
    ],
    [
      'an unhealthy target',
      () => ({
        targetGroups: [
          {
            ...targetGroup,
            targets: [
              { address: '10.20.1.50', port: 5432, state: 'unhealthy', reason: 'Target.Timeout' },
            ],
          },
        ],
      }),
      'targetUnhealthy',
      'error',
    ],
    [
      'no registered target',
      () => ({ targetGroups: [{ ...targetGroup, targets: [] }] }),
      'noTargets',
      'error',
    ],
    [
      'no rule runs the updater',
      () => ({ updater: { ...updater, triggers: [] } }),
      'noTrigger',
      'error',
    ],
    [
      'only a disabled rule runs the updater',
      () => ({
        updater: { ...updater, triggers: [{ ...failoverRule, enabled: false }] },
      }),
      'noTrigger',
      'error',
    ],
    [
      'only a 15-minute schedule runs the updater',
      () => ({
        updater: {
          ...updater,
          triggers: [{ ruleName: 's', enabled: true, kind: 'schedule', periodSeconds: 900 }],
        },
      }),
      'onlySlowTrigger',
      'warning',
    ],
    [
      'an in-VPC updater with no way to the ELB API',
      () => ({ updater: { ...updater, egress: 'none' } }),
      'noEgress',
      'error',
    ],
    [
      'a database port open to the internet',
      () => ({
        databaseIngress: [
          ...manualSetup().databaseIngress,
          { groupId: 'sg-db', protocol: 'tcp', fromPort: 5432, toPort: 5432, source: '0.0.0.0/0' },
        ],
      }),
      'ingressOpenToInternet',
      'error',
    ],
    [
      'all ports from the updater’s group',
      () => ({
        databaseIngress: [
          { groupId: 'sg-db', protocol: '-1', fromPort: 0, toPort: 65535, source: 'sg-lambda' },
        ],
      }),
      'ingressWiderThanPort',
      'warning',
    ],
    [
      'the whole VPC admitted for the NLB',
      () => ({
        databaseIngress: [
          {
            groupId: 'sg-db',
            protocol: 'tcp',
            fromPort: 5432,
            toPort: 5432,
            source: '10.20.0.0/16',
          },
        ],
      }),
      'ingressWiderThanLoadBalancer',
      'warning',
    ],
    [
      'an endpoint service any account may connect to',
      () => ({ endpointService: { ...manualSetup().endpointService, allowedPrincipals: ['*'] } }),
      'openToEveryone',
      'error',
    ],
    [
      'a MySQL-family database behind TCP health checks',
      () => ({ database: { ...database, engine: 'aurora-mysql', port: 3306 } }),
      'mysqlHostBlocking',
      'warning',
    ],
    [
      'an app stack on an older template version',
      () => ({
        origin: 'app',
        stack: { name: 's', status: 'CREATE_COMPLETE', templateVersion: 1 },
      }),
      'templateVersionBehind',
      'warning',
    ],
    ['no updater function at all', () => ({ updater: undefined }), 'noUpdater', 'error'],
    [
      'a failed connectivity test',
      () => ({
        connectivity: {
          ran: true,
          outcome: 'failed',
          brokenLink: 'tcp-refused',
          checkedAt: '2026-12-02T03:00:00Z',
        },
      }),
      'connectivityFailed',
      'error',
    ],
    [
      'no SMOOZ connection using the service',
      () => ({ smooz: undefined, connectivity: { ran: false } }),
      'connectivityNoSmoozConnection',
      'warning',
    ],
    [
      'a SMOOZ connection still pending',
      () => ({ smooz: { ...smooz, status: 'pending' }, connectivity: { ran: false } }),
      'connectivityNotAvailable',
      'warning',
    ],
  ];
  it.each(cases)('finds %s', (_label, change, id, severity) => {
    expect(find(manualSetup(change()), id)).toMatchObject({ id, severity });
  });

  it('does not blame the customer’s own rules for other sources', () => {
    const setup = manualSetup({
      databaseIngress: [
        { groupId: 'sg-db', protocol: 'tcp', fromPort: 0, toPort: 65535, source: '10.20.50.0/24' },
      ],
    });
    expect(ids(setup)).not.toContain('ingressWiderThanPort');
    expect(ids(setup)).not.toContain('ingressWiderThanLoadBalancer');
  });

  it('accepts SMOOZ’s role as the only principal (the privilege design)', () => {
    const m = manualSetup();
    const setup = manualSetup({
      endpointService: {
        ...m.endpointService,
        allowedPrincipals: [`arn:aws:iam::${SMOOZ_ACCOUNT}:role/smooz-privatelink`],
      },
    });
    expect(ids(setup)).not.toContain('openToWholeSmoozAccount');
  });

  it('reports a setup the app made on template v2 (SMOOZ’s whole account) as behind and upgradable, one on the current template as neither', () => {
    const m = manualSetup();
    const v2 = manualSetup({
      origin: 'app',
      stack: { name: 's', status: 'CREATE_COMPLETE', templateVersion: 2 },
      endpointService: {
        ...m.endpointService,
        allowedPrincipals: [`arn:aws:iam::${SMOOZ_ACCOUNT}:root`],
      },
    });
    const now = { ...context, currentTemplateVersion: SMOOZ_TEMPLATE_VERSION };
    const idsNow = (setup: FoundSetup) => diagnose(setup, now).map((f) => f.id);
    expect(diagnose(v2, now).find((f) => f.id === 'templateVersionBehind')).toMatchObject({
      severity: 'warning',
      params: { version: 2, current: SMOOZ_TEMPLATE_VERSION },
    });
    expect(idsNow(v2)).toContain('openToWholeSmoozAccount');
    const current = manualSetup({
      origin: 'app',
      stack: { name: 's', status: 'CREATE_COMPLETE', templateVersion: SMOOZ_TEMPLATE_VERSION },
      endpointService: {
        ...m.endpointService,
        allowedPrincipals: [`arn:aws:iam::${SMOOZ_ACCOUNT}:role/smooz-privatelink`],
      },
    });
    expect(idsNow(current)).not.toContain('templateVersionBehind');
    expect(idsNow(current)).not.toContain('openToWholeSmoozAccount');
  });
});
