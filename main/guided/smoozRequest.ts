import type { StateAt } from '../../shared/flow/state';
import type { CustomerSide } from '../../shared/smooz/trackingRecord';
import { AppError } from '../../shared/errors';
import type { SmoozConnectionCreate } from '../smooz/smoozApiClient';
import { GuidedErrorCodes } from './guidedErrors';

/** A flow whose stack is done: complete, or accepting SMOOZ's endpoint. */
export type AfterStack = Pick<StateAt<'complete'>, 'plan' | 'outputs'>;

/**
 * SMOOZ's form (manual step 4) filled from the stack's outputs: zone IDs with the customer's
 * names for them, the endpoint service name, the auth method and, for IAM, the role.
 */
export function connectionRequest(state: AfterStack): SmoozConnectionCreate {
  const { plan, outputs } = state;
  const zones = outputs.availabilityZoneIds.map((id, index) => ({
    id,
    name: outputs.availabilityZones[index] ?? '',
  }));
  if (zones.length === 0 || zones.some((zone) => zone.name === '')) {
    throw new AppError(GuidedErrorCodes.noZoneIds);
  }
  return {
    name: plan.connectionName,
    customerAwsAccountId: plan.accountId,
    region: plan.region,
    availabilityZones: zones,
    endpointServiceName: outputs.endpointServiceName,
    dbAuthMethod: plan.authMethod,
    ...(plan.authMethod === 'iam' && outputs.iamRoleArn ? { iamRoleArn: outputs.iamRoleArn } : {}),
  };
}

/** Where the SMOOZ tracker cross-checks from: the stack's service and target group. */
export function customerSide(state: AfterStack): CustomerSide {
  return {
    region: state.plan.region,
    profile: state.plan.profile,
    endpointServiceId: state.outputs.endpointServiceId,
    targetGroupArn: state.outputs.targetGroupArn,
  };
}

/**
 * The same key for every attempt of one connection, so a retry — after a dropped answer, a crash
 * or a restart — replays the first create instead of making a second connection.
 */
export function idempotencyKey(connectionId: string): string {
  return `guided-${connectionId.replace(/[^A-Za-z0-9_-]/g, '')}`.padEnd(16, '0').slice(0, 128);
}
