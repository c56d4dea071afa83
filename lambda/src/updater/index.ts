import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { jsonLog } from '../common/log';
import { SETUP_SOURCE, type UpdateOutcome } from '../common/messages';
import { probeTcp, resolveIpv4, targetGroupApi } from './adapters';
import { reconcile } from './reconcile';

interface UpdaterEvent {
  source?: string;
  'detail-type'?: string;
  requestType?: string;
  detail?: { SourceArn?: string; SourceIdentifier?: string; EventID?: string; Message?: string };
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}

// Short connect/request timeouts: without a route to the ELB API (no NAT, no endpoint) the call
// fails within seconds with a clear error instead of running into the function timeout.
const elb = new ElasticLoadBalancingV2Client({
  maxAttempts: 3,
  requestHandler: { connectionTimeout: 5000, requestTimeout: 10000 },
});

/**
 * One handler for the 1-minute schedule, RDS events and the setup helper (custom resource
 * Create/Update). The setup helper never forwards Delete: deleting the stack must not depend on
 * this function being reachable. What triggered the run goes into reconcile's own log line, so an
 * unchanged run writes one line.
 */
export async function handler(event: UpdaterEvent = {}): Promise<UpdateOutcome> {
  const trigger = event.source === SETUP_SOURCE ? `setup:${event.requestType}` : event.source;
  const rds = event.detail;
  const context = {
    trigger: trigger ?? 'direct',
    ...(rds
      ? {
          detailType: event['detail-type'],
          rdsEvent: rds.EventID,
          rdsSource: rds.SourceArn ?? rds.SourceIdentifier,
          rdsMessage: rds.Message,
        }
      : {}),
  };
  return reconcile(
    { endpoint: required('RDS_ENDPOINT'), port: Number(required('RDS_PORT')) },
    {
      resolve: (host) => resolveIpv4(host),
      ...targetGroupApi(elb, required('TARGET_GROUP_ARN')),
      probe: (address, port) => probeTcp(address, port),
      log: jsonLog,
    },
    context,
  );
}
