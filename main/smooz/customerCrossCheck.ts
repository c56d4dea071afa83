import { DescribeVpcEndpointConnectionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { CrossCheck } from '../../shared/smooz/crossCheck';
import type { CustomerSide } from '../../shared/smooz/trackingRecord';
import { createAwsClient, type AwsClientContext } from '../aws/clientFactory';
import type { AppConfig } from '../base/config';
import { awsErrorName } from '../aws/awsErrors';

export interface CrossCheckInput {
  readonly customerSide: CustomerSide;
  /** SMOOZ's status and endpoint, to compare with what the customer's account sees. */
  readonly smoozStatus: string;
  readonly vpcEndpointId?: string;
}

export type CrossChecker = (input: CrossCheckInput) => Promise<CrossCheck>;

/**
 * Looks at the connection from the customer's account: the endpoint service's connections
 * (DescribeVpcEndpointConnections) and the NLB target group's health. Either call may be refused
 * (permissions, an emulator without the API); that reads as "could not check", never as a failure
 * of the connection.
 */
export function createCrossChecker(
  config: AppConfig,
  contextFor: (side: CustomerSide) => Promise<AwsClientContext>,
  now: () => Date = () => new Date(),
): CrossChecker {
  return async ({ customerSide, smoozStatus, vpcEndpointId }) => {
    const context = await contextFor(customerSide);
    const [endpointConnection, targets] = await Promise.all([
      checkEndpointConnection(config, context, customerSide.endpointServiceId, vpcEndpointId),
      checkTargets(config, context, customerSide.targetGroupArn),
    ]);
    const warnings: CrossCheck['warnings'] = [];
    if (smoozStatus === 'available') {
      if (targets.state === 'unhealthy') warnings.push('targetsUnhealthy');
      if (targets.state === 'noTargets') warnings.push('noTargets');
      if (endpointConnection.state === 'notFound') warnings.push('endpointConnectionMissing');
      else if (!['available', 'couldNotCheck', 'notChecked'].includes(endpointConnection.state)) {
        warnings.push('endpointConnectionNotAvailable');
      }
    }
    return { checkedAt: now().toISOString(), endpointConnection, targets, warnings };
  };
}

async function checkEndpointConnection(
  config: AppConfig,
  context: AwsClientContext,
  serviceId: string | undefined,
  vpcEndpointId: string | undefined,
): Promise<CrossCheck['endpointConnection']> {
  if (!serviceId || !vpcEndpointId) return { state: 'notChecked' };
  const ec2 = createAwsClient(EC2Client, config, context);
  try {
    const found = await ec2.send(
      new DescribeVpcEndpointConnectionsCommand({
        Filters: [
          { Name: 'service-id', Values: [serviceId] },
          { Name: 'vpc-endpoint-id', Values: [vpcEndpointId] },
        ],
      }),
    );
    const connection = found.VpcEndpointConnections?.find((c) => c.VpcEndpointId === vpcEndpointId);
    return { state: connection?.VpcEndpointState?.toLowerCase() ?? 'notFound' };
  } catch (error) {
    return { state: 'couldNotCheck', error: errorLabel(error) };
  } finally {
    ec2.destroy();
  }
}

async function checkTargets(
  config: AppConfig,
  context: AwsClientContext,
  targetGroupArn: string | undefined,
): Promise<CrossCheck['targets']> {
  const empty = { healthy: 0, total: 0, reasons: [] };
  if (!targetGroupArn) return { state: 'notChecked', ...empty };
  const elb = createAwsClient(ElasticLoadBalancingV2Client, config, context);
  try {
    const health = await elb.send(
      new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }),
    );
    const descriptions = health.TargetHealthDescriptions ?? [];
    const healthy = descriptions.filter((d) => d.TargetHealth?.State === 'healthy').length;
    const reasons = new Map<string, string | undefined>();
    for (const d of descriptions) {
      const th = d.TargetHealth;
      if (th?.State !== 'healthy' && th?.Reason) reasons.set(th.Reason, th.Description);
    }
    return {
      state: descriptions.length === 0 ? 'noTargets' : healthy > 0 ? 'healthy' : 'unhealthy',
      healthy,
      total: descriptions.length,
      reasons: [...reasons].map(([code, description]) =>
        description ? { code, description } : { code },
      ),
    };
  } catch (error) {
    return { state: 'couldNotCheck', ...empty, error: errorLabel(error) };
  } finally {
    elb.destroy();
  }
}

/** The AWS error code (or the HTTP status for an unmodelled answer); never a message with ids. */
function errorLabel(error: unknown): string {
  const name = awsErrorName(error);
  const status = (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata
    ?.httpStatusCode;
  return name && name !== 'Error' ? name : status ? `HTTP ${status}` : 'Error';
}
