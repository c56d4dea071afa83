import { EC2Client } from '@aws-sdk/client-ec2';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { jsonLog } from '../common/log';
import { describeSubnets, invokeUpdater, putResponse } from './adapters';
import type { CfnRequest } from './cfnEvent';
import { provision } from './provision';

const ec2 = new EC2Client({});
// The updater has a reserved concurrency of 1: a run of the schedule makes a synchronous invoke
// throttle, and the SDK's retries wait for it.
const lambda = new LambdaClient({ maxAttempts: 6 });

/** The setup helper: runs outside the VPC so its answer to CloudFormation always gets out. */
export async function handler(
  event: CfnRequest,
  context: { getRemainingTimeInMillis(): number },
): Promise<void> {
  await provision(event, {
    describeSubnets: (ids) => describeSubnets(ec2, ids),
    invokeUpdater: (name, request, timeoutMs) => invokeUpdater(lambda, name, request, timeoutMs),
    respond: putResponse,
    remainingMs: () => context.getRemainingTimeInMillis(),
    log: jsonLog,
  });
}
