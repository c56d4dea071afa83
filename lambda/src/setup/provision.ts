import { errorText, type Log } from '../common/log';
import { SETUP_SOURCE, type SetupRequest, type UpdateOutcome } from '../common/messages';
import type { CfnRequest, CfnResponse } from './cfnEvent';

export interface SubnetZone {
  subnetId: string;
  zoneName: string;
  zoneId: string;
}

export type InvokeResult = { outcome: UpdateOutcome } | { error: string };

export interface SetupDeps {
  describeSubnets(ids: string[]): Promise<SubnetZone[]>;
  /** Runs the updater synchronously; must give up after `timeoutMs`. */
  invokeUpdater(name: string, request: SetupRequest, timeoutMs: number): Promise<InvokeResult>;
  /** PUTs the answer to CloudFormation's pre-signed S3 URL. */
  respond(url: string, body: CfnResponse): Promise<void>;
  remainingMs(): number;
  log: Log;
}

/** Time kept back to send the answer before the helper itself times out. */
const ANSWER_RESERVE_MS = 5000;

const EGRESS_HINT =
  'The updater runs in the VPC: its subnet needs a route to the Elastic Load Balancing API (NAT ' +
  'gateway, or elasticloadbalancing interface endpoint with private DNS) and VPC DNS for the ' +
  'RDS endpoint.';

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

async function register(
  event: CfnRequest,
  deps: SetupDeps,
): Promise<Pick<CfnResponse, 'Status' | 'Reason' | 'Data'>> {
  const props = event.ResourceProperties;
  const subnetIds = props.SubnetIds ?? [];
  if (!props.UpdaterFunctionName || subnetIds.length === 0) {
    return { Status: 'FAILED', Reason: 'UpdaterFunctionName and SubnetIds are required' };
  }
  const zones = await deps.describeSubnets(subnetIds);
  const ordered = subnetIds.map((id) => zones.find((z) => z.subnetId === id));
  if (ordered.some((z) => z === undefined)) {
    return { Status: 'FAILED', Reason: `subnets not found: ${subnetIds.join(', ')}` };
  }
  const found = ordered as SubnetZone[];
  const timeoutMs = Math.max(1000, deps.remainingMs() - ANSWER_RESERVE_MS);
  const result = await deps.invokeUpdater(
    props.UpdaterFunctionName,
    { source: SETUP_SOURCE, requestType: event.RequestType === 'Update' ? 'Update' : 'Create' },
    timeoutMs,
  );
  if ('error' in result) {
    return { Status: 'FAILED', Reason: `The updater failed: ${result.error}. ${EGRESS_HINT}` };
  }
  if (result.outcome.status === 'unresolved') {
    return { Status: 'FAILED', Reason: `No target registered: ${result.outcome.reason}` };
  }
  return {
    Status: 'SUCCESS',
    Reason: `targets ${result.outcome.addresses.join(', ')}`,
    Data: {
      AvailabilityZones: unique(found.map((z) => z.zoneName)).join(','),
      AvailabilityZoneIds: unique(found.map((z) => z.zoneId)).join(','),
      Addresses: result.outcome.addresses.join(','),
    },
  };
}

/**
 * The custom resource behind `TargetRegistration`. It always answers CloudFormation, and in time:
 * Delete is answered at once without touching anything (the target group goes with the stack,
 * and a Delete after a failed Create must not fail again), and Create/Update give up on the
 * updater early enough to report why.
 */
export async function provision(event: CfnRequest, deps: SetupDeps): Promise<CfnResponse> {
  const physicalId =
    event.PhysicalResourceId ??
    `${event.ResourceProperties.UpdaterFunctionName ?? 'updater'}-registration`;
  let answer: Pick<CfnResponse, 'Status' | 'Reason' | 'Data'>;
  if (event.RequestType === 'Delete') {
    answer = { Status: 'SUCCESS', Reason: 'nothing to clean up' };
  } else {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<typeof answer>((resolve) => {
      timer = setTimeout(
        () => resolve({ Status: 'FAILED', Reason: `timed out. ${EGRESS_HINT}` }),
        Math.max(0, deps.remainingMs() - ANSWER_RESERVE_MS / 2),
      );
    });
    try {
      answer = await Promise.race([register(event, deps), deadline]);
    } catch (error) {
      answer = { Status: 'FAILED', Reason: errorText(error) };
    } finally {
      clearTimeout(timer);
    }
  }
  const body: CfnResponse = {
    ...answer,
    Reason: answer.Reason.slice(0, 2000),
    PhysicalResourceId: physicalId,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
  };
  deps.log(body.Status === 'SUCCESS' ? 'info' : 'error', 'cfn-response', {
    requestType: event.RequestType,
    status: body.Status,
    reason: body.Reason,
    data: body.Data,
  });
  await deps.respond(event.ResponseURL, body);
  return body;
}
