import { describe, expect, it } from 'vitest';
import { CreateSetupRequestSchema } from '../../../shared/ipc/channels/setup';
import { VALUE_SPECS } from '../../../shared/steps/values';
import * as awsIds from '../../../shared/validation/awsIds';
import * as names from '../../../shared/validation/names';
import * as rds from '../../../shared/validation/rds';

const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
const BIDI = ['\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e'];
const ISOLATES = ['\u2066', '\u2067', '\u2068', '\u2069'];
const INVISIBLE = [...ZERO_WIDTH, ...BIDI, ...ISOLATES];

/** The text with one invisible character at the start, one in the middle and one at the end. */
const sprinkled = (text: string, char: string) =>
  `${char}${text.slice(0, 4)}${char}${text.slice(4)}${char}`;

describe('RDS endpoints of the China regions', () => {
  const instance = 'mydb.c9akciq32lce.rds.cn-north-1.amazonaws.com.cn';
  const cluster = 'aurora.cluster-c9akciq32lce.rds.cn-northwest-1.amazonaws.com.cn';
  const reader = 'aurora.cluster-ro-c9akciq32lce.rds.cn-northwest-1.amazonaws.com.cn';

  it('parses instance, cluster and reader endpoints with their region', () => {
    expect(rds.parseRdsEndpoint(instance)).toEqual({
      kind: 'instance',
      identifier: 'mydb',
      region: 'cn-north-1',
    });
    expect(rds.parseRdsEndpoint(cluster)).toEqual({
      kind: 'cluster',
      identifier: 'aurora',
      region: 'cn-northwest-1',
    });
    expect(rds.parseRdsEndpoint(reader)).toMatchObject({
      kind: 'cluster-ro',
      region: 'cn-northwest-1',
    });
  });

  it('accepts them as typed, and tells a reader or a port apart as elsewhere', () => {
    expect(rds.validateRdsEndpoint(instance, 'instance')).toEqual({ ok: true, value: instance });
    expect(rds.validateRdsEndpoint(cluster.toUpperCase(), 'cluster')).toEqual({
      ok: true,
      value: cluster,
    });
    expect(rds.validateRdsEndpoint(reader, 'cluster')).toMatchObject({
      message: { key: 'rdsEndpoint.readerEndpoint' },
    });
    expect(rds.validateRdsEndpoint(`${instance}:3306`)).toMatchObject({
      message: { key: 'rdsEndpoint.hasPort', params: { port: '3306' } },
    });
  });

  it('derives the checklist region from a China endpoint', () => {
    expect(VALUE_SPECS.region.validate('', { rdsEndpoint: instance })).toEqual({
      ok: true,
      value: 'cn-north-1',
    });
  });

  it('refuses the shapes no region uses', () => {
    for (const wrong of [
      'mydb.c9akciq32lce.cn-north-1.rds.amazonaws.com.cn',
      'mydb.c9akciq32lce.cn-north-1.rds.amazonaws.com',
      'mydb.c9akciq32lce.rds.ap-northeast-1.amazonaws.com.cn',
      'mydb.c9akciq32lce.rds.cn-north-1.amazonaws.com',
    ]) {
      expect(rds.validateRdsEndpoint(wrong), wrong).toMatchObject({
        message: { key: 'rdsEndpoint.pattern' },
      });
    }
  });
});

describe('invisible characters in pasted ids', () => {
  const cases: [string, (raw: string) => unknown, string][] = [
    ['account id', awsIds.validateAccountId, '123456789012'],
    ['VPC id', awsIds.validateVpcId, 'vpc-0a1b2c3d4e5f60718'],
    ['subnet id', awsIds.validateSubnetId, 'subnet-0123456789abcdef0'],
    ['security group id', awsIds.validateSecurityGroupId, 'sg-0123456789abcdef0'],
    ['security group list', awsIds.validateSecurityGroupIds, 'sg-0123456789abcdef0'],
    ['region', awsIds.validateRegion, 'ap-northeast-1'],
    [
      'endpoint service name',
      awsIds.validateEndpointServiceName,
      'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0',
    ],
    ['RDS endpoint', rds.validateRdsEndpoint, 'mydb.c9akciq32lce.ap-northeast-1.rds.amazonaws.com'],
    [
      'RDS endpoint (China)',
      rds.validateRdsEndpoint,
      'mydb.c9akciq32lce.rds.cn-north-1.amazonaws.com.cn',
    ],
    ['db resource id', names.validateDbResourceId, 'db-ABCDEFGHIJKLMNOPQRSTUVWXYZ'],
    ['external id', names.validateExternalId, 'smooz-external-id-1'],
  ];

  it.each(cases)('strips them from a pasted %s', (_what, validate, value) => {
    for (const char of INVISIBLE) {
      expect(validate(sprinkled(value, char)), `U+${char.codePointAt(0)?.toString(16)}`).toEqual({
        ok: true,
        value,
      });
    }
  });

  it('parses an endpoint carried with invisible characters to the same database', () => {
    expect(
      rds.parseRdsEndpoint('\u2066mydb.c9akciq32lce.ap-northeast-1.rds.amazonaws.com\u2069'),
    ).toEqual({
      kind: 'instance',
      identifier: 'mydb',
      region: 'ap-northeast-1',
    });
  });
});

describe('invisible characters in names', () => {
  const validators: [string, (raw: string) => unknown, string][] = [
    ['connection name', names.validateConnectionName, '本番DB接続'],
    ['Lambda function name', names.validateLambdaFunctionName, 'smooz-updater'],
    ['stack name', names.validateStackName, 'smooz-privatelink'],
    ['database user', names.validateDbUser, 'smooz_reader'],
  ];

  it.each(validators)('refuses them in a %s, naming the character', (_what, validate, value) => {
    for (const char of INVISIBLE) {
      const code = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
      expect(validate(sprinkled(value, char)), code).toEqual({
        ok: false,
        message: { key: 'name.invisibleChars', params: { char: code } },
      });
    }
  });

  it('keeps the joiner inside an emoji sequence, which is one visible character', () => {
    const name = '本番DB 👩‍💻 👩🏽‍💻 🏳️‍🌈 担当';
    expect(names.validateConnectionName(name)).toEqual({ ok: true, value: name });
    expect(names.validateConnectionName('本番\u200dDB')).toMatchObject({
      message: { key: 'name.invisibleChars', params: { char: 'U+200D' } },
    });
  });
});

describe('name lengths in characters', () => {
  it('counts an emoji or a supplementary CJK character as one character', () => {
    const emoji = '😀'.repeat(names.CONNECTION_NAME_MAX);
    const cjk = '𠮷'.repeat(names.CONNECTION_NAME_MAX);
    expect(emoji.length).toBe(2 * names.CONNECTION_NAME_MAX);
    expect(names.validateConnectionName(emoji)).toEqual({ ok: true, value: emoji });
    expect(names.validateConnectionName(cjk)).toEqual({ ok: true, value: cjk });
    expect(names.validateConnectionName(`${cjk}𠮷`)).toMatchObject({
      message: { key: 'tooLong', params: { max: names.CONNECTION_NAME_MAX } },
    });
  });

  it('lets a name of 64 emoji through the setup request the renderer sends', () => {
    const request = {
      profile: 'p',
      region: 'ap-northeast-1',
      database: { kind: 'instance', identifier: 'mydb' },
      authMethod: 'password',
      smoozAccountId: '123456789012',
      smoozRoleArn: 'arn:aws:iam::123456789012:role/smooz-privatelink',
    };
    const emoji = '😀'.repeat(names.CONNECTION_NAME_MAX);
    expect(CreateSetupRequestSchema.safeParse({ ...request, connectionName: emoji }).success).toBe(
      true,
    );
    expect(
      CreateSetupRequestSchema.safeParse({ ...request, connectionName: `${emoji}😀` }).success,
    ).toBe(false);
  });
});
