import { DescribeVpcEndpointConnectionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createCrossChecker } from '../../../main/smooz/customerCrossCheck';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';

const ec2 = mockClient(EC2Client);
const elb = mockClient(ElasticLoadBalancingV2Client);
afterEach(() => {
  ec2.reset();
  elb.reset();
});

const check = createCrossChecker(motoAppConfig('http://127.0.0.1:1'), async () => motoContext);
const side = {
  region: 'ap-northeast-1',
  endpointServiceId: 'vpce-svc-0123456789abcdef0',
  targetGroupArn: 'arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/tg/1',
};

describe('customer-side cross-check', () => {
  it('warns, with AWS’s reason, when SMOOZ says available but the targets are unhealthy', async () => {
    ec2.on(DescribeVpcEndpointConnectionsCommand).resolves({
      VpcEndpointConnections: [{ VpcEndpointId: 'vpce-1', VpcEndpointState: 'Available' }],
    });
    elb.on(DescribeTargetHealthCommand).resolves({
      TargetHealthDescriptions: [
        {
          Target: { Id: '10.0.0.5', Port: 5432 },
          TargetHealth: {
            State: 'unhealthy',
            Reason: 'Target.FailedHealthChecks',
            Description: 'Health checks failed',
          },
        },
      ],
    });
    const result = await check({
      customerSide: side,
      smoozStatus: 'available',
      vpcEndpointId: 'vpce-1',
    });
    expect(result.warnings).toEqual(['targetsUnhealthy']);
    expect(result.targets).toMatchObject({
      state: 'unhealthy',
      healthy: 0,
      total: 1,
      reasons: [{ code: 'Target.FailedHealthChecks', description: 'Health checks failed' }],
    });
  });

  it('reads an HTTP 500 from DescribeVpcEndpointConnections as "could not check", not a failure', async () => {
    const error = Object.assign(new Error('Internal Server Error'), {
      name: 'Error',
      $metadata: { httpStatusCode: 500 },
    });
    ec2.on(DescribeVpcEndpointConnectionsCommand).rejects(error);
    elb.on(DescribeTargetHealthCommand).resolves({
      TargetHealthDescriptions: [{ TargetHealth: { State: 'healthy' } }],
    });
    const result = await check({
      customerSide: side,
      smoozStatus: 'available',
      vpcEndpointId: 'vpce-1',
    });
    expect(result.endpointConnection).toEqual({ state: 'couldNotCheck', error: 'HTTP 500' });
    expect(result.targets.state).toBe('healthy');
    expect(result.warnings).toEqual([]);
  });

  it('warns when SMOOZ’s endpoint is missing from the service’s connections or there are no targets', async () => {
    ec2.on(DescribeVpcEndpointConnectionsCommand).resolves({ VpcEndpointConnections: [] });
    elb.on(DescribeTargetHealthCommand).resolves({ TargetHealthDescriptions: [] });
    const result = await check({
      customerSide: side,
      smoozStatus: 'available',
      vpcEndpointId: 'vpce-1',
    });
    expect(result.warnings).toEqual(['noTargets', 'endpointConnectionMissing']);
  });

  it('does not warn while SMOOZ still says pending', async () => {
    ec2.on(DescribeVpcEndpointConnectionsCommand).resolves({ VpcEndpointConnections: [] });
    elb.on(DescribeTargetHealthCommand).resolves({ TargetHealthDescriptions: [] });
    const result = await check({
      customerSide: side,
      smoozStatus: 'pending',
      vpcEndpointId: 'vpce-1',
    });
    expect(result.warnings).toEqual([]);
  });

  it('skips what it was not told where to look', async () => {
    const result = await check({
      customerSide: { region: 'ap-northeast-1' },
      smoozStatus: 'available',
    });
    expect(result.endpointConnection.state).toBe('notChecked');
    expect(result.targets.state).toBe('notChecked');
    expect(ec2.calls()).toHaveLength(0);
  });
});
