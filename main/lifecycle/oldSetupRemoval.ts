import {
  DeleteStackCommand,
  DescribeStacksCommand,
  type CloudFormationClient,
} from '@aws-sdk/client-cloudformation';
import { DeleteVpcEndpointServiceConfigurationsCommand } from '@aws-sdk/client-ec2';
import {
  DeleteLoadBalancerCommand,
  DeleteTargetGroupCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { DeleteFunctionCommand } from '@aws-sdk/client-lambda';
import { AppError } from '../../shared/errors';
import type { AdoptedParts } from '../../shared/lifecycle/adopt';
import type { FinderClients } from './finderClients';
import { LifecycleErrorCodes } from './lifecycleErrors';

export interface RemovalTiming {
  readonly pollMs: number;
  readonly maxWaitMs: number;
  readonly sleep: (ms: number) => Promise<void>;
}

const awsErrorName = (error: unknown) => (error as { name?: string }).name;

const GONE = new Set([
  'ValidationError',
  'InvalidVpcEndpointServiceId.NotFound',
  'LoadBalancerNotFound',
  'LoadBalancerNotFoundException',
  'TargetGroupNotFound',
  'TargetGroupNotFoundException',
  'ResourceNotFoundException',
]);

/** Runs a deletion; "already gone" is success, so a repeat after a crash does nothing. */
async function ensureGone(remove: () => Promise<unknown>): Promise<void> {
  try {
    await remove();
  } catch (error) {
    if (!GONE.has(awsErrorName(error) ?? '')) throw error;
  }
}

/**
 * Deletes exactly the old setup the finder traced and the user adopted, nothing else: its stack
 * when it has one (the stack holds every part), otherwise each traced part, endpoint service
 * first so nothing can connect to a load balancer about to go.
 */
export async function removeOldSetup(
  clients: FinderClients,
  parts: AdoptedParts,
  timing: RemovalTiming,
): Promise<void> {
  if (parts.stackName) {
    await ensureGone(() =>
      clients.cfn.send(new DeleteStackCommand({ StackName: parts.stackName })),
    );
    await waitForStackGone(clients.cfn, parts.stackName, timing);
    return;
  }
  await ensureGone(() =>
    clients.ec2.send(
      new DeleteVpcEndpointServiceConfigurationsCommand({ ServiceIds: [parts.endpointServiceId] }),
    ),
  );
  if (parts.loadBalancerArn) {
    const arn = parts.loadBalancerArn;
    await ensureGone(() =>
      clients.elb.send(new DeleteLoadBalancerCommand({ LoadBalancerArn: arn })),
    );
  }
  for (const arn of parts.targetGroupArns) {
    await ensureGone(() => clients.elb.send(new DeleteTargetGroupCommand({ TargetGroupArn: arn })));
  }
  if (parts.updaterFunctionName) {
    const name = parts.updaterFunctionName;
    await ensureGone(() => clients.lambda.send(new DeleteFunctionCommand({ FunctionName: name })));
  }
}

async function waitForStackGone(
  cfn: CloudFormationClient,
  stackName: string,
  timing: RemovalTiming,
): Promise<void> {
  for (let waited = 0; waited <= timing.maxWaitMs; waited += timing.pollMs) {
    let status: string | undefined;
    try {
      status = (await cfn.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks?.[0]
        ?.StackStatus;
    } catch (error) {
      if (awsErrorName(error) === 'ValidationError') return;
      throw error;
    }
    if (status === undefined || status === 'DELETE_COMPLETE') return;
    if (status === 'DELETE_FAILED') {
      throw new AppError(LifecycleErrorCodes.oldSetupNotRemoved, { stackName, status });
    }
    await timing.sleep(timing.pollMs);
  }
  throw new AppError(LifecycleErrorCodes.oldSetupNotRemoved, { stackName, status: 'timeout' });
}
