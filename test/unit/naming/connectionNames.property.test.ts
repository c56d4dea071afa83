import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deriveConnectionNames,
  NAME_LIMITS,
  NAME_PATTERNS,
  RESOURCE_NAME_PREFIX_PATTERN,
  type ConnectionNames,
} from '../../../shared/naming/connectionNames';
import { SETUP_FUNCTION_SUFFIX } from '../../../shared/stack/templateParameters';

/** Which AWS rule each derived name must satisfy. */
const RULES: Record<keyof ConnectionNames, { limit: number; pattern: RegExp }> = {
  stackName: { limit: NAME_LIMITS.stack, pattern: NAME_PATTERNS.stack },
  lambdaFunctionName: { limit: NAME_LIMITS.lambdaFunction, pattern: NAME_PATTERNS.lambdaFunction },
  setupFunctionName: {
    limit: NAME_LIMITS.lambdaFunction + SETUP_FUNCTION_SUFFIX.length,
    pattern: NAME_PATTERNS.lambdaFunction,
  },
  lambdaSecurityGroupName: {
    limit: NAME_LIMITS.securityGroup,
    pattern: NAME_PATTERNS.securityGroup,
  },
  endpointsSecurityGroupName: {
    limit: NAME_LIMITS.securityGroup,
    pattern: NAME_PATTERNS.securityGroup,
  },
  updaterLogGroupName: { limit: NAME_LIMITS.logGroup, pattern: NAME_PATTERNS.logGroup },
  setupLogGroupName: { limit: NAME_LIMITS.logGroup, pattern: NAME_PATTERNS.logGroup },
};

/** Connection names as people type them: Japanese, emoji, mixed case, punctuation, spaces. */
const connectionName = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 64 }),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 64 }),
  fc
    .tuple(
      fc.constantFrom('本番', '検証', '開発', 'Prod', 'prod', 'PROD', 'Staging', '🚀', 'データ'),
      fc.constantFrom(' ', '-', '_', '・', '', '.', '　'),
      fc.constantFrom('DB', 'db', 'Db', 'DB接続', 'データベース', '😀', 'MySQL', 'x'.repeat(60)),
    )
    .map(([a, sep, b]) => `${a}${sep}${b}`),
);
const prefix = fc.option(
  fc.oneof(
    fc
      .stringMatching(/^[A-Za-z]([A-Za-z0-9-]{0,18}[A-Za-z0-9])?$/)
      .filter((p) => RESOURCE_NAME_PREFIX_PATTERN.test(p)),
    // Unusable prefixes fall back to the default rather than making an invalid name.
    fc.constantFrom('sg-x', '', '-bad', 'ünï', 'a'.repeat(40)),
  ),
  { nil: undefined },
);
const connection = fc.record({ connectionId: fc.uuid(), connectionName, prefix });

const allNames = (names: ConnectionNames) => Object.values(names);

describe('per-connection AWS names (shared/naming)', () => {
  it('are valid for their AWS service and within its length limit, whatever the connection name', () => {
    fc.assert(
      fc.property(connection, (input) => {
        const names = deriveConnectionNames(input);
        for (const [key, rule] of Object.entries(RULES)) {
          const name = names[key as keyof ConnectionNames];
          expect(name.length, key).toBeLessThanOrEqual(rule.limit);
          expect(name, key).toMatch(rule.pattern);
        }
        expect(names.lambdaSecurityGroupName.toLowerCase().startsWith('sg-')).toBe(false);
        expect(names.endpointsSecurityGroupName.toLowerCase().startsWith('sg-')).toBe(false);
        expect(names.setupFunctionName).toBe(`${names.lambdaFunctionName}${SETUP_FUNCTION_SUFFIX}`);
      }),
      { numRuns: 500 },
    );
  });

  it('never give two connections the same name, even when their names differ only in non-ASCII text, case or punctuation', () => {
    fc.assert(
      fc.property(connection, connection, fc.boolean(), (a, b, samePrefix) => {
        fc.pre(a.connectionId !== b.connectionId);
        const first = allNames(deriveConnectionNames(a));
        const second = allNames(deriveConnectionNames(samePrefix ? { ...b, prefix: a.prefix } : b));
        for (const name of second) expect(first).not.toContain(name);
      }),
      { numRuns: 500 },
    );
  });

  it('give one connection a different name for each resource of a kind (two groups, two functions)', () => {
    fc.assert(
      fc.property(connection, (input) => {
        const names = allNames(deriveConnectionNames(input));
        expect(new Set(names).size).toBe(names.length);
      }),
    );
  });

  it('tell apart the connections of the issue’s examples, and keep a connection’s names stable', () => {
    const pairs = [
      ['本番DB接続', '検証DB接続'],
      ['Prod DB', 'prod-db'],
    ] as const;
    for (const [one, other] of pairs) {
      const a = deriveConnectionNames({ connectionId: 'id-a', connectionName: one });
      const b = deriveConnectionNames({ connectionId: 'id-b', connectionName: other });
      for (const name of allNames(b)) expect(allNames(a)).not.toContain(name);
      expect(deriveConnectionNames({ connectionId: 'id-a', connectionName: one })).toEqual(a);
    }
    const prod = deriveConnectionNames({ connectionId: 'id-a', connectionName: 'Prod DB' });
    expect(prod.stackName).toMatch(/^smooz-privatelink-prod-db-[0-9a-f]{8}$/);
    const jp = deriveConnectionNames({
      connectionId: 'id-a',
      connectionName: '本番',
      prefix: 'acme',
    });
    expect(jp.lambdaFunctionName).toMatch(/^acme-updater-[0-9a-f]{8}$/);
  });
});
