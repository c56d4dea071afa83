import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../../renderer/src/setup/format';
import { monthlyCost } from '../../../renderer/src/setup/costEstimate';
import { lambdaSg } from '../../support/flowFixtures';

describe('stack timing shown while the stack is created', () => {
  it('formats elapsed time like a stopwatch', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65_400)).toBe('1:05');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
  });
});

describe('monthly cost on the confirmation screen', () => {
  it('counts the load balancer, and interface endpoints per AZ but not the free S3 gateway', () => {
    const base = monthlyCost([lambdaSg], 2);
    expect(base.endpointsUsd).toBe(0);
    expect(base.loadBalancerUsd).toBeCloseTo(17.74, 2);
    const withEndpoints = monthlyCost(
      [
        {
          kind: 'vpcEndpoint',
          endpointId: 'vpce-1',
          serviceName: 'com.amazonaws.ap-northeast-1.elasticloadbalancing',
        },
        {
          kind: 'vpcEndpoint',
          endpointId: 'vpce-2',
          serviceName: 'com.amazonaws.ap-northeast-1.s3',
        },
      ],
      2,
    );
    expect(withEndpoints.endpointsUsd).toBeCloseTo(0.014 * 730 * 2, 2);
    expect(withEndpoints.totalUsd).toBeGreaterThan(base.totalUsd);
  });
});
