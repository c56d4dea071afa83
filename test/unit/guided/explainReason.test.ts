import { describe, expect, it } from 'vitest';
import { explainStackReason } from '../../../renderer/src/setup/explainReason';

describe('a failed stack reason, said in plain words', () => {
  it('names the database host the Lambda could not resolve inside the VPC', () => {
    const reason =
      'Received response status [FAILED] from custom resource. Message returned: No target registered: ' +
      'DNS lookup of db1.abcdefghijkl.ap-northeast-1.rds.amazonaws.com failed: Error: getaddrinfo ENOTFOUND';
    expect(explainStackReason(reason)).toEqual({
      key: 'dnsLookup',
      params: { host: 'db1.abcdefghijkl.ap-northeast-1.rds.amazonaws.com' },
    });
  });

  it('explains a Lambda without a way to the Elastic Load Balancing API (the template hint, a time-out)', () => {
    expect(
      explainStackReason(
        'The updater failed: connect ETIMEDOUT. The updater runs in the VPC: its subnet needs a route to the Elastic Load Balancing API',
      ),
    ).toEqual({ key: 'egress' });
    expect(explainStackReason('Message returned: timed out. The updater runs in the VPC')).toEqual({
      key: 'egress',
    });
  });

  it('names the missing permission when AWS says which one', () => {
    expect(
      explainStackReason(
        'User: arn:aws:sts::123456789012:assumed-role/dev/x is not authorized to perform: iam:CreateRole on resource: role/smooz',
      ),
    ).toEqual({ key: 'permission', params: { action: 'iam:CreateRole' } });
    expect(explainStackReason('API: ec2:CreateSecurityGroup AccessDenied')).toEqual({
      key: 'permission',
      params: { action: '—' },
    });
  });

  it('recognizes taken names, quotas, throttling and vanished subnets', () => {
    expect(explainStackReason('smooz-privatelink-updater already exists in stack arn:…')).toEqual({
      key: 'nameTaken',
    });
    expect(explainStackReason('LimitExceededException: Too many load balancers')).toEqual({
      key: 'quota',
    });
    expect(explainStackReason('Rate exceeded (Service: ElasticLoadBalancingV2)')).toEqual({
      key: 'throttled',
    });
    expect(explainStackReason('subnets not found: subnet-0123')).toEqual({
      key: 'subnetsMissing',
    });
  });

  it('offers no explanation for a reason it does not know, rather than a guess', () => {
    expect(explainStackReason('Resource handler returned message: "Invalid request"')).toBe(
      undefined,
    );
  });
});
