import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import ja from '../../../renderer/src/locales/ja/validation.json';
import en from '../../../renderer/src/locales/en/validation.json';
import { VALUE_KEYS, VALUE_SPECS, type ChecklistValues } from '../../../shared/steps/values';
import * as awsIds from '../../../shared/validation/awsIds';
import { VALIDATION_MESSAGE_KEYS } from '../../../shared/validation/messageKeys';
import * as names from '../../../shared/validation/names';
import * as rds from '../../../shared/validation/rds';
import type { ValidationResult } from '../../../shared/validation/result';

/** Every exported `validate…` function, called with a string as a text field would. */
const VALIDATORS: [string, (raw: string) => ValidationResult][] = Object.entries({
  ...awsIds,
  ...rds,
  ...names,
}).flatMap(([name, fn]) =>
  name.startsWith('validate') && typeof fn === 'function'
    ? [[name, (raw: string) => (fn as (r: string) => ValidationResult)(raw)]]
    : [],
);

const lookup = (catalogue: unknown, key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>(
      (node, part) => (node as Record<string, unknown> | undefined)?.[part],
      catalogue,
    );

/** The message a user would see, with its {{placeholders}} filled from the params. */
function render(catalogue: unknown, result: Extract<ValidationResult, { ok: false }>): string {
  const template = lookup(catalogue, result.message.key);
  expect(typeof template, `missing text for ${result.message.key}`).toBe('string');
  return (template as string).replace(/\{\{(\w+)\}\}/g, (_m, name: string) => {
    const value = result.message.params?.[name];
    expect(value, `${result.message.key} needs param ${name}`).toBeDefined();
    return String(value);
  });
}

function checkResult(result: ValidationResult): void {
  if (result.ok) {
    expect(typeof result.value).toBe('string');
    return;
  }
  expect(VALIDATION_MESSAGE_KEYS).toContain(result.message.key);
  expect(render(ja, result).length).toBeGreaterThan(0);
  expect(render(en, result).length).toBeGreaterThan(0);
}

/** Strings near the valid forms (ids, endpoints, numbers) as well as arbitrary Unicode. */
const nearValid = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.stringMatching(/^(vpc|subnet|sg|db|cluster)-[0-9a-fA-Fz]{0,20}$/),
  fc.stringMatching(/^[0-9０-９ -]{0,20}$/),
  fc.stringMatching(
    /^[a-z0-9-]{1,20}\.(cluster-|cluster-ro-)?[a-z0-9]{10,13}\.[a-z]{2}-[a-z]+-\d\.rds\.amazonaws\.com(:\d{1,5})?$/,
  ),
  fc.stringMatching(
    /^[a-z0-9-]{1,20}\.(cluster-|cluster-ro-)?[a-z0-9]{10,13}\.rds\.cn-[a-z]+-\d\.amazonaws\.com\.cn$/,
  ),
  fc.stringMatching(/^com\.amazonaws\.vpce\.[a-z]{2}-[a-z]+-\d\.vpce-svc-[0-9a-f]{15,18}$/),
  fc.stringMatching(/^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\/\d{1,2}$/),
  fc.stringMatching(/^[a-z]{2,5}\d-az\d{1,2}(,[a-z]{2}-[a-z]+-\d[a-z])?$/),
  fc.integer({ min: -100000, max: 100000 }).map(String),
);

/** The same, with zero-width and bidi control characters slipped in as copy and paste does. */
const pasted = fc
  .tuple(
    nearValid,
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom('\u200b', '\u200d', '\u2060', '\ufeff', '\u200e', '\u202e', '\u2066'),
      ),
      { maxLength: 3 },
    ),
  )
  .map(([text, inserts]) =>
    inserts.reduce((acc, [at, char]) => {
      const i = at % (acc.length + 1);
      return acc.slice(0, i) + char + acc.slice(i);
    }, text),
  );
const anyInput = fc.oneof(nearValid, pasted);

describe('every validator, fed thousands of generated inputs', () => {
  it('covers the validators of every checklist value', () => {
    expect(VALIDATORS.length).toBeGreaterThanOrEqual(20);
    expect(Object.keys(VALUE_SPECS).sort()).toEqual([...VALUE_KEYS].sort());
  });

  it.each(VALIDATORS)(
    '%s never throws and explains every rejection in Japanese and English',
    (_name, validate) => {
      fc.assert(
        fc.property(anyInput, (raw) => checkResult(validate(raw))),
        { numRuns: 2000 },
      );
    },
  );

  it.each(VALIDATORS)('%s accepts its own normalized output unchanged', (_name, validate) => {
    fc.assert(
      fc.property(anyInput, (raw) => {
        const first = validate(raw);
        if (!first.ok || first.value === '') return;
        const again = validate(first.value);
        expect(again).toEqual({ ok: true, value: first.value });
      }),
      { numRuns: 1000 },
    );
  });

  it('checklist value specs never throw whatever the other values hold', () => {
    const values = fc.dictionary(
      fc.constantFrom(...VALUE_KEYS),
      nearValid,
    ) as fc.Arbitrary<ChecklistValues>;
    fc.assert(
      fc.property(fc.constantFrom(...VALUE_KEYS), nearValid, values, (key, raw, others) =>
        checkResult(VALUE_SPECS[key].validate(raw, others)),
      ),
      { numRuns: 3000 },
    );
  });

  it('has a Japanese and an English text for every message key', () => {
    for (const key of VALIDATION_MESSAGE_KEYS) {
      expect(typeof lookup(ja, key), key).toBe('string');
      expect(typeof lookup(en, key), key).toBe('string');
    }
  });
});

describe("validators on the manual's values", () => {
  it('accepts an account id as the console shows it and normalizes it to 12 digits', () => {
    expect(awsIds.validateAccountId('1234-5678-9012')).toEqual({ ok: true, value: '123456789012' });
    expect(awsIds.validateAccountId(' １２３４ ５６７８ ９０１２ ')).toEqual({
      ok: true,
      value: '123456789012',
    });
    expect(awsIds.validateAccountId('1234-5678-901')).toMatchObject({
      ok: false,
      message: { key: 'accountId.length', params: { count: 11 } },
    });
    expect(awsIds.validateAccountId('1234--5678-9012')).toMatchObject({
      ok: false,
      message: { key: 'accountId.pattern' },
    });
  });

  it('tells instance, cluster writer, reader and port-suffixed endpoints apart', () => {
    const instance = 'mydb.c9akciq32lce.ap-northeast-1.rds.amazonaws.com';
    const cluster = 'aurora.cluster-c9akciq32lce.ap-northeast-1.rds.amazonaws.com';
    expect(rds.validateRdsEndpoint(instance, 'instance')).toEqual({ ok: true, value: instance });
    expect(rds.validateRdsEndpoint(cluster, 'cluster')).toEqual({ ok: true, value: cluster });
    expect(rds.validateRdsEndpoint(instance, 'cluster')).toMatchObject({
      message: { key: 'rdsEndpoint.notCluster' },
    });
    expect(rds.validateRdsEndpoint(cluster, 'instance')).toMatchObject({
      message: { key: 'rdsEndpoint.notInstance' },
    });
    expect(rds.validateRdsEndpoint(cluster.replace('cluster-', 'cluster-ro-'))).toMatchObject({
      message: { key: 'rdsEndpoint.readerEndpoint' },
    });
    expect(rds.validateRdsEndpoint(`${instance}:5432`)).toMatchObject({
      message: { key: 'rdsEndpoint.hasPort', params: { port: '5432' } },
    });
    expect(rds.validateRdsEndpoint(`https://${instance}`)).toMatchObject({
      message: { key: 'rdsEndpoint.hasScheme' },
    });
  });

  it('keeps ports in range and the NLB rule narrower than the world', () => {
    expect(rds.validatePort('5432')).toEqual({ ok: true, value: '5432' });
    expect(rds.validatePort('0')).toMatchObject({ message: { key: 'port.range' } });
    expect(rds.validatePort('65536')).toMatchObject({ message: { key: 'port.range' } });
    expect(awsIds.validateIpv4Cidr('10.0.1.0/24')).toEqual({ ok: true, value: '10.0.1.0/24' });
    expect(awsIds.validateIpv4Cidr('0.0.0.0/0')).toMatchObject({
      message: { key: 'cidr.tooBroad' },
    });
    expect(awsIds.validateIpv4Cidr('10.0.1.5/24')).toMatchObject({
      message: { key: 'cidr.hostBits' },
    });
  });

  it('asks for AZ ids, not names, for SMOOZ', () => {
    expect(awsIds.validateAvailabilityZoneIds('apne1-az4, apne1-az1')).toEqual({
      ok: true,
      value: 'apne1-az4,apne1-az1',
    });
    expect(awsIds.validateAvailabilityZoneIds('ap-northeast-1a')).toMatchObject({
      message: { key: 'availabilityZoneId.isName' },
    });
  });

  it('checks ids, names and the service name region', () => {
    expect(awsIds.validateVpcId('VPC-0A1B2C3D4E5F60718')).toEqual({
      ok: true,
      value: 'vpc-0a1b2c3d4e5f60718',
    });
    expect(
      awsIds.validateSecurityGroupIds('sg-0123456789abcdef0 sg-0123456789abcdef0'),
    ).toMatchObject({ message: { key: 'securityGroupIds.duplicate' } });
    expect(
      awsIds.validateAdditionalSubnetIds('subnet-0123456789abcdef0', 'subnet-0123456789abcdef0'),
    ).toMatchObject({ message: { key: 'subnetIds.duplicate' } });
    expect(names.validateLambdaFunctionName('a'.repeat(59))).toMatchObject({
      message: { key: 'tooLong', params: { max: 58 } },
    });
    expect(names.validateStackName('1stack')).toMatchObject({
      message: { key: 'stackName.pattern' },
    });
    expect(
      awsIds.validateEndpointServiceName(
        'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0',
        'ap-northeast-1',
      ),
    ).toMatchObject({
      message: { key: 'endpointServiceName.regionMismatch', params: { found: 'us-east-1' } },
    });
  });
});
