import type { AppErrorData } from '../errors';
import type { PreflightFix, PreflightReport } from './preflight';
import type { PlanPatch, StackFailure, StackOutputs } from './plan';
import type { CreatedResource } from './resources';

/** Everything that can happen to a setup flow; `reduce` decides whether it may happen now. */
export type SetupEvent =
  | { readonly type: 'planUpdated'; readonly patch: PlanPatch }
  | { readonly type: 'preflightCompleted'; readonly report: PreflightReport }
  | { readonly type: 'fixStarted'; readonly fix: PreflightFix }
  | { readonly type: 'fixApplied' }
  | { readonly type: 'confirmed' }
  | { readonly type: 'resourceCreated'; readonly resource: CreatedResource }
  /**
   * A rule this connection no longer holds leaves the ledger (an upgraded connection's subnet-wide
   * rule, revoked once the NLB's /32s admit it).
   */
  | { readonly type: 'ruleRetired'; readonly resource: CreatedResource }
  | { readonly type: 'securityGroupReady' }
  | { readonly type: 'rulesReady' }
  | {
      readonly type: 'stackProgress';
      readonly stackId: string;
      readonly done: number;
      readonly total: number;
    }
  | { readonly type: 'stackCompleted'; readonly outputs: StackOutputs }
  /** The database's group admits each of the NLB's addresses. */
  | { readonly type: 'loadBalancerAuthorized' }
  /** SMOOZ's status API named its endpoint for this connection. */
  | { readonly type: 'endpointReported'; readonly vpcEndpointId: string }
  /** A pending request that is not SMOOZ's endpoint was rejected. */
  | {
      readonly type: 'endpointRejected';
      readonly vpcEndpointId: string;
      readonly ownerAccountId: string;
    }
  | { readonly type: 'endpointAccepted'; readonly at: string }
  | { readonly type: 'loginRequired'; readonly error?: AppErrorData }
  | {
      readonly type: 'stepFailed';
      readonly error: AppErrorData;
      readonly stackFailure?: StackFailure;
    }
  | { readonly type: 'resumed' }
  | { readonly type: 'cancelled' }
  | { readonly type: 'teardownStarted' }
  | {
      readonly type: 'resourceRemoved';
      readonly resource: CreatedResource;
      /** True when AWS no longer had it (removed by hand, or never completed). */
      readonly alreadyGone: boolean;
      /** Left to the connection that still needs it (shared/flow/resources.ts HandedOver). */
      readonly handedOverTo?: string;
    }
  /** The group is still in use (a deleted Lambda's network interfaces): teardown waits. */
  | { readonly type: 'groupHeld'; readonly groupId: string; readonly at: number }
  | { readonly type: 'teardownCompleted' };

export type SetupEventType = SetupEvent['type'];
