import { describe, expect, it } from 'vitest';
import { OpenApiContract } from '../../smooz-server/openapiDocument';

const contract = new OpenApiContract();
const settings = {
  smoozAwsAccountId: '210987654321',
  smoozRoleArn: 'arn:aws:iam::210987654321:role/smooz-privatelink',
  resourceNamePrefix: 'smooz-privatelink',
  supportedRegions: ['ap-northeast-1'],
};

describe('contract checker used by the reference server and the contract tests', () => {
  it('accepts a response that matches the document', () => {
    expect(contract.validateResponse('getSettings', 200, 'application/json', settings)).toEqual([]);
  });

  it('rejects an extra property, a missing one, a wrong type and a broken pattern', () => {
    const check = (body: unknown) =>
      contract.validateResponse('getSettings', 200, 'application/json', body);
    expect(check({ ...settings, token: 'x' })).not.toEqual([]);
    expect(check({ ...settings, supportedRegions: undefined })).not.toEqual([]);
    expect(check({ ...settings, supportedRegions: 'ap-northeast-1' })).not.toEqual([]);
    expect(check({ ...settings, smoozAwsAccountId: '1234' })).not.toEqual([]);
    expect(check({ ...settings, smoozRoleArn: 'arn:aws:iam::210987654321:root' })).not.toEqual([]);
  });

  it('rejects an undocumented status and a wrong media type', () => {
    expect(contract.validateResponse('getSettings', 418, 'application/json', {})).not.toEqual([]);
    expect(
      contract.validateResponse('getSettings', 401, 'application/json', {
        type: 'https://api.smooz.jp/problems/unauthorized',
        title: 't',
        status: 401,
      }),
    ).not.toEqual([]);
  });

  it('requires the IAM role ARN only with IAM database authentication', () => {
    const create = contract.operation('createConnection');
    const body = {
      name: 'n',
      customerAwsAccountId: '123456789012',
      region: 'ap-northeast-1',
      availabilityZones: [{ id: 'apne1-az4', name: 'ap-northeast-1a' }],
      endpointServiceName: 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0',
      dbAuthMethod: 'password',
    };
    expect(contract.validateRequestBody(create, body)).toEqual([]);
    expect(contract.validateRequestBody(create, { ...body, dbAuthMethod: 'iam' })).not.toEqual([]);
    expect(
      contract.validateRequestBody(create, {
        ...body,
        dbAuthMethod: 'iam',
        iamRoleArn: 'arn:aws:iam::123456789012:role/r',
      }),
    ).toEqual([]);
  });

  it('matches paths with parameters and tells unknown paths from unknown methods', () => {
    expect(contract.match('GET', '/connections/conn-0123456789abcdef')).toMatchObject({
      operation: { operationId: 'getConnection' },
      params: { connectionId: 'conn-0123456789abcdef' },
    });
    expect(contract.match('PUT', '/connections')).toBeUndefined();
    expect(contract.pathExists('/connections')).toBe(true);
    expect(contract.pathExists('/nothing')).toBe(false);
  });
});
