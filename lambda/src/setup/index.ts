import { jsonLog } from '../common/log';
import { createClients, describeSubnets, invokeUpdater, putResponse } from './adapters';
import type { CfnRequest } from './cfnEvent';
import { provision } from './provision';

// The updater has a reserved concurrency of 1: a run of the schedule makes a synchronous invoke
// throttle; invokeUpdater keeps retrying until that run is over.
const { ec2, lambda } = createClients();

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
