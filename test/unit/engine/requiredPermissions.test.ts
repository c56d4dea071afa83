import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REQUIRED_ACTIONS, REQUIRED_PERMISSIONS } from '../../../main/engine/requiredPermissions';
import { ROOT } from '../../support/projectRoot';

const read = (...path: string[]) => readFileSync(join(ROOT, ...path), 'utf8');

/** purpose → actions, from the README's "Permissions for administrators" action table. */
function readmeTable(): Map<string, string[]> {
  const readme = read('README.md');
  const start = readme.indexOf('## Permissions for administrators');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const table = new Map<string, string[]>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const action = /^`([\w-]+:[\w*]+)`$/.exec(cells[1] ?? '')?.[1];
    if (!action) continue;
    for (const purpose of [...(cells[2] ?? '').matchAll(/`(\w+)`/g)].map((m) => m[1] ?? '')) {
      table.set(purpose, [...(table.get(purpose) ?? []), action]);
    }
  }
  return table;
}

const byPurpose = () => {
  const grouped = new Map<string, string[]>();
  for (const { action, purpose } of REQUIRED_PERMISSIONS) {
    grouped.set(purpose, [...(grouped.get(purpose) ?? []), action]);
  }
  return grouped;
};

const IAM_PREFIX: Record<string, string> = {
  'client-ec2': 'ec2',
  'client-rds': 'rds',
  'client-cloudformation': 'cloudformation',
  'client-iam': 'iam',
  'client-lambda': 'lambda',
  'client-service-quotas': 'servicequotas',
  'client-sts': 'sts',
  'client-elastic-load-balancing-v2': 'elasticloadbalancing',
};

/** `service:Operation` of every AWS SDK command a source file sends, itself or by a paginator. */
function commandsSentBy(path: string): string[] {
  const source = read(path);
  const prefixOf = new Map<string, string>();
  for (const m of source.matchAll(/import\s*{([^}]*)}\s*from\s*'@aws-sdk\/([\w-]+)'/g)) {
    for (const name of (m[1] ?? '').split(',').map((n) => n.trim())) {
      const operation = /^(\w+)Command$/.exec(name)?.[1] ?? /^paginate(\w+)$/.exec(name)?.[1];
      if (operation) prefixOf.set(operation, IAM_PREFIX[m[2] ?? ''] ?? `?${m[2]}`);
    }
  }
  return [...source.matchAll(/new (\w+)Command\(|paginate(\w+)\(/g)].map((m) => {
    const operation = m[1] ?? m[2] ?? '';
    return `${prefixOf.get(operation) ?? '?'}:${operation}`;
  });
}

const ENGINE_FILES = [
  'discovery.ts',
  'endpointAcceptance.ts',
  'endpoints.ts',
  'loadBalancerAddresses.ts',
  'mysqlHostBlocking.ts',
  'network.ts',
  'planner.ts',
  'preflight.ts',
  'securityGroups.ts',
  'stack.ts',
].map((f) => join('main', 'engine', f));
/** The in-place upgrade's own calls (change sets, following the update). */
const UPGRADE_FILES = ['changeSets.ts', 'upgrader.ts'].map((f) => join('main', 'lifecycle', f));
const CROSS_CHECK = join('main', 'smooz', 'customerCrossCheck.ts');

describe('the IAM permissions the setup flow needs', () => {
  it('the README table for administrators lists exactly the engine’s list, purpose by purpose', () => {
    const readme = readmeTable();
    const list = byPurpose();
    expect([...readme.keys()].sort()).toEqual([...list.keys()].sort());
    for (const [purpose, actions] of list) {
      expect(readme.get(purpose)?.slice().sort(), purpose).toEqual(actions.slice().sort());
    }
  });

  it('every AWS call the engine and the customer-side cross-check send is in the list, under a purpose of the app’s own calls', () => {
    const own = new Set<string>(
      REQUIRED_PERMISSIONS.filter((p) => p.purpose !== 'stackResources').map((p) => p.action),
    );
    const sent = [...ENGINE_FILES, ...UPGRADE_FILES, CROSS_CHECK].flatMap(commandsSentBy);
    expect(sent.length).toBeGreaterThan(20);
    expect(sent.filter((action) => !own.has(action))).toEqual([]);
  });

  it('lists no call of its own that the app never makes (tagging on create aside)', () => {
    const sent = new Set([...ENGINE_FILES, ...UPGRADE_FILES, CROSS_CHECK].flatMap(commandsSentBy));
    const unused = REQUIRED_PERMISSIONS.filter(
      (p) => p.purpose !== 'stackResources' && p.action !== 'ec2:CreateTags',
    ).filter((p) => !sent.has(p.action));
    expect(unused).toEqual([]);
  });

  it('names each action once for the simulation, never with a wildcard, and explains every purpose in both languages', () => {
    expect(new Set(REQUIRED_ACTIONS).size).toBe(REQUIRED_ACTIONS.length);
    expect(REQUIRED_ACTIONS.filter((a) => a.includes('*'))).toEqual([]);
    for (const lang of ['ja', 'en']) {
      const texts = (
        JSON.parse(read('renderer', 'src', 'locales', lang, 'setup.json')) as {
          permissions: Record<string, string>;
        }
      ).permissions;
      for (const purpose of byPurpose().keys())
        expect(texts[purpose], `${lang} ${purpose}`).toBeTruthy();
    }
  });
});
