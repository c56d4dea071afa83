import { AppError } from '../../shared/errors';
import type { SetupEvent } from '../../shared/flow/events';
import type { DatabaseRecord } from '../../shared/flow/database';
import type { PlanPatch, StackEvent } from '../../shared/flow/plan';
import { runsInVpc } from '../../shared/flow/placement';
import type { PreflightFixKind } from '../../shared/flow/preflight';
import { initialState, isActiveStep, reduce } from '../../shared/flow/reducer';
import type { SetupState } from '../../shared/flow/state';
import type { DiscardPreview, DiscardState } from '../../shared/flow/discard';
import type { CreatedResource } from '../../shared/flow/resources';
import type { CreateSetupRequest } from '../../shared/ipc/channels/setup';
import { AwsErrorCodes } from '../../shared/aws/errorCodes';
import { mapAwsError } from '../aws/awsErrors';
import type { AwsClientContext } from '../aws/clientFactory';
import type { AppConfig } from '../base/config';
import { AbortedError } from '../base/backoff';
import type { Logger } from '../base/logger';
import { findDatabase, listDatabases, resolveEndpoint } from './discovery';
import { createEngineClients, type ApiCallListener, type EngineClients } from './engineClients';
import type { FlowRepository } from './flowRepository';
import { describeVpcNetwork } from './network';
import { derivePlan } from './planner';
import { runPreflight, type ClashOwnerLookup } from './preflight';
import type { DiscardRepository } from './discardRepository';
import { createDiscarder, type DiscardRequest } from './discarder';
import {
  ensureIngressRules,
  ensureSecurityGroup,
  plannedEndpointAccessRules,
  plannedRdsRules,
} from './securityGroups';
import { authorizeLoadBalancer } from './loadBalancerRules';
import { acceptSmoozEndpoint } from './endpointAcceptance';
import { SetupErrorCodes } from './setupErrors';
import { ensureEndpoints } from './endpoints';
import { ensureStack, StackFailedError } from './stack';
import { tearDown } from './teardown';
import { DEFAULT_TIMING, LISTING_RETRY, type EngineTiming } from './timing';

export type EngineEvent =
  | { readonly type: 'stateChanged'; readonly state: SetupState }
  | { readonly type: 'discardChanged'; readonly state: DiscardState }
  | {
      readonly type: 'stackEvents';
      readonly connectionId: string;
      readonly events: StackEvent[];
      readonly done: number;
      readonly total: number;
    };

export interface SetupEngineDeps {
  readonly config: AppConfig;
  /** Region and credentials of a profile (the AWS access layer; static keys in tests). */
  readonly getAwsContext: (profile: string, region: string) => Promise<AwsClientContext>;
  readonly repository: FlowRepository;
  readonly discards: DiscardRepository;
  readonly loadTemplate: () => Promise<string>;
  readonly logger: Logger;
  readonly timing?: Partial<EngineTiming>;
  /** Sees every AWS API call (the benchmark counts them). */
  readonly onApiCall?: ApiCallListener | undefined;
}

export interface SetupEngine {
  listDatabases(profile: string, region: string): Promise<DatabaseRecord[]>;
  resolveEndpoint(profile: string, region: string, endpoint: string): Promise<DatabaseRecord>;
  create(request: CreateSetupRequest): Promise<SetupState>;
  updatePlan(connectionId: string, patch: PlanPatch): Promise<SetupState>;
  runPreflight(connectionId: string): Promise<SetupState>;
  /** Applies a fix preflight offered and runs the checks again. */
  applyFix(connectionId: string, fix: PreflightFixKind): Promise<SetupState>;
  /** Confirms (`ready` → creating) and continues in the background; answers after confirming. */
  start(connectionId: string): Promise<SetupState>;
  /** Continues an interrupted, failed, cancelled or crashed flow in the background. */
  resume(connectionId: string): Promise<SetupState>;
  cancel(connectionId: string): Promise<SetupState>;
  /**
   * SMOOZ's status API named its endpoint: accept that connection (and reject any other pending
   * one) in the background. Nothing to do when it is accepted already or being accepted.
   */
  acceptEndpoint(connectionId: string, vpcEndpointId: string): Promise<SetupState>;
  /** Removes what the connection created, in the background. */
  teardown(connectionId: string): Promise<SetupState>;
  /**
   * A finished connection's ledger, amended by an in-place upgrade: a rule it now holds, or one
   * it gave up. Refused (IllegalTransitionError) while the stack is not finished.
   */
  recordResource(connectionId: string, resource: CreatedResource): SetupState;
  retireRule(connectionId: string, rule: CreatedResource): SetupState;
  get(connectionId: string): SetupState;
  /** The flows, without those discarded. */
  list(): SetupState[];
  /** What discarding an abandoned setup would remove (nothing is removed). */
  discardPreview(request: DiscardRequest): Promise<DiscardPreview>;
  /** Removes the confirmed list in the background; again: resumes, or answers a finished one. */
  discard(request: DiscardRequest, confirmed: readonly CreatedResource[]): Promise<DiscardState>;
  listDiscards(): DiscardState[];
  /** The discard once its background work has stopped. */
  discardSettled(connectionId: string): Promise<DiscardState | undefined>;
  /** The state once the background work for the connection has stopped. */
  settled(connectionId: string): Promise<SetupState>;
  subscribe(listener: (event: EngineEvent) => void): () => void;
}

const LOGIN_CODES = new Set<string>([
  AwsErrorCodes.ssoTokenExpired,
  AwsErrorCodes.ssoTokenMissing,
  AwsErrorCodes.expiredCredentials,
]);

export function createSetupEngine(deps: SetupEngineDeps): SetupEngine {
  const timing: EngineTiming = { ...DEFAULT_TIMING, ...deps.timing };
  const listeners = new Set<(event: EngineEvent) => void>();
  const running = new Map<string, { done: Promise<void>; abort: AbortController }>();

  const emit = (event: EngineEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        deps.logger.warn('setup.listenerFailed', { error: String(error) });
      }
    }
  };

  const clientsFor = async (
    profile: string,
    region: string,
    signal?: AbortSignal,
  ): Promise<EngineClients> =>
    createEngineClients(
      deps.config,
      await deps.getAwsContext(profile, region),
      deps.onApiCall,
      signal,
    );

  function get(connectionId: string): SetupState {
    const state = deps.repository.load(connectionId);
    if (!state) throw new AppError(SetupErrorCodes.unknownConnection, { connectionId });
    return state;
  }

  const discarder = createDiscarder({
    flows: deps.repository,
    discards: deps.discards,
    clientsFor,
    isRunning: (id) => running.has(id),
    onChange: (state) => emit({ type: 'discardChanged', state }),
    timing,
    logger: deps.logger,
  });

  /**
   * Who made a resource tagged with this connection id: a connection set up (or being set up
   * right now) on this computer, or an abandoned setup (unfinished here, or unknown here).
   */
  const ownerOf: ClashOwnerLookup = (connectionId) => {
    const flow = deps.repository.load(connectionId);
    if (!flow) return { type: 'abandoned', connectionId };
    return (flow.step === 'complete' || running.has(connectionId)) && !discarder.get(connectionId)
      ? { type: 'connection', connectionId, connectionName: flow.plan.connectionName }
      : { type: 'abandoned', connectionId, connectionName: flow.plan.connectionName };
  };

  /** The only way a flow changes: reduce, persist, then tell the renderer. */
  function dispatch(connectionId: string, event: SetupEvent): SetupState {
    // A setup being discarded (or discarded) does nothing more: its resources are going.
    if (discarder.get(connectionId)) {
      throw new AppError(SetupErrorCodes.discardInProgress, { connectionId });
    }
    const next = reduce(get(connectionId), event);
    deps.repository.save(next);
    emit({ type: 'stateChanged', state: next });
    return next;
  }

  const ledgerGroup = (state: SetupState, purpose: 'lambda' | 'endpoints') => {
    const group = state.created.find((r) => r.kind === 'securityGroup' && r.purpose === purpose);
    return group?.kind === 'securityGroup' ? group.groupId : undefined;
  };

  /** One step of AWS work for the flow's current step; returns false when nothing is left to do. */
  async function step(
    state: SetupState,
    clients: EngineClients,
    signal: AbortSignal,
    retryFailedStack: boolean,
  ): Promise<boolean> {
    const id = state.plan.connectionId;
    const record = async (resource: SetupState['created'][number]) => {
      if (signal.aborted) throw new AbortedError();
      dispatch(id, { type: 'resourceCreated', resource });
    };
    switch (state.step) {
      case 'applyingFix': {
        const fix = state.fix;
        const lambda = await ensureSecurityGroup(clients, state.plan, 'lambda');
        await record(lambda);
        const endpoints = await ensureSecurityGroup(clients, state.plan, 'endpoints');
        await record(endpoints);
        await ensureIngressRules(
          clients,
          id,
          [
            {
              kind: 'ingressRule',
              groupId: endpoints.groupId,
              port: 443,
              source: { type: 'securityGroup', groupId: lambda.groupId },
            },
          ],
          record,
        );
        await ensureEndpoints(clients, state.plan, fix, endpoints.groupId, record);
        dispatch(id, { type: 'fixApplied' });
        return false;
      }
      case 'creatingSecurityGroup':
        await record(await ensureSecurityGroup(clients, state.plan, 'lambda'));
        dispatch(id, { type: 'securityGroupReady' });
        return true;
      case 'authorizingRules': {
        // Outside the VPC the updater has no group: only the load balancer is admitted.
        const lambdaGroupId = runsInVpc(state.plan) ? ledgerGroup(state, 'lambda') : undefined;
        const network = await describeVpcNetwork(clients, state.plan.database.vpcId);
        await ensureIngressRules(
          clients,
          id,
          [
            ...plannedRdsRules(state.plan, lambdaGroupId),
            ...(lambdaGroupId === undefined
              ? []
              : plannedEndpointAccessRules(state.plan, network, lambdaGroupId)),
          ],
          record,
        );
        dispatch(id, { type: 'rulesReady' });
        return true;
      }
      case 'creatingStack': {
        const outputs = await ensureStack(clients, state.plan, {
          templateBody: await deps.loadTemplate(),
          lambdaGroupId: runsInVpc(state.plan) ? ledgerGroup(state, 'lambda') : undefined,
          retryFailed: retryFailedStack,
          onCreated: (stackId) =>
            record({ kind: 'stack', stackName: state.plan.stackName, stackId }),
          watch: {
            poll: timing.poll,
            clock: timing.clock,
            signal,
            onEvents: (events, done, total) => {
              emit({ type: 'stackEvents', connectionId: id, events, done, total });
              const current = get(id);
              if (current.step === 'creatingStack' && !signal.aborted) {
                const stackId = current.created.find((r) => r.kind === 'stack');
                dispatch(id, {
                  type: 'stackProgress',
                  stackId: stackId?.kind === 'stack' ? stackId.stackId : '',
                  done,
                  total,
                });
              }
            },
          },
        });
        if (signal.aborted) throw new AbortedError();
        dispatch(id, { type: 'stackCompleted', outputs });
        return true;
      }
      case 'authorizingLoadBalancer': {
        const retry = { policy: LISTING_RETRY, clock: timing.clock, signal };
        await authorizeLoadBalancer(
          clients,
          state.plan,
          state.outputs.loadBalancerArn,
          retry,
          record,
        );
        dispatch(id, { type: 'loadBalancerAuthorized' });
        return false;
      }
      case 'acceptingEndpoint':
        await acceptSmoozEndpoint(
          clients,
          {
            serviceId: state.outputs.endpointServiceId,
            acceptance: state.acceptance,
            smoozAccountId: state.plan.smoozAccountId,
          },
          {
            retry: { policy: LISTING_RETRY, clock: timing.clock, signal },
            rejected: (vpcEndpointId, ownerAccountId) => {
              if (signal.aborted) throw new AbortedError();
              dispatch(id, { type: 'endpointRejected', vpcEndpointId, ownerAccountId });
            },
          },
        );
        if (signal.aborted) throw new AbortedError();
        dispatch(id, { type: 'endpointAccepted', at: new Date().toISOString() });
        return false;
      case 'tearingDown':
        await tearDown(clients, state, {
          templateBody: await deps.loadTemplate(),
          timing,
          signal,
          removed: (resource, outcome) => {
            if (signal.aborted) throw new AbortedError();
            dispatch(id, { type: 'resourceRemoved', resource, ...outcome });
          },
          onStackEvents: (events, done, total) =>
            emit({ type: 'stackEvents', connectionId: id, events, done, total }),
          onGroupHeld: (groupId) => {
            // Recorded once per group: after a restart the wait's figures still count from then.
            const current = get(id);
            if (current.step !== 'tearingDown' || current.waiting?.groupId === groupId) return;
            if (signal.aborted) throw new AbortedError();
            dispatch(id, { type: 'groupHeld', groupId, at: timing.clock.now() });
          },
        });
        dispatch(id, { type: 'teardownCompleted' });
        return false;
      default:
        return false;
    }
  }

  /** Runs the flow's active steps until it needs the user, finishes, fails or is cancelled. */
  async function drive(id: string, signal: AbortSignal, retryFailedStack: boolean) {
    let clients: EngineClients | undefined;
    for (;;) {
      const state = get(id);
      if (signal.aborted || !isActiveStep(state.step)) return;
      try {
        clients ??= await clientsFor(state.plan.profile, state.plan.region, signal);
        if (!(await step(state, clients, signal, retryFailedStack))) return;
      } catch (error) {
        const now = get(id);
        if (signal.aborted || error instanceof AbortedError || !isActiveStep(now.step)) return;
        const appError = mapAwsError(error, { profile: state.plan.profile });
        deps.logger.warn('setup.stepFailed', { step: now.step, code: appError.code });
        if (LOGIN_CODES.has(appError.code)) {
          dispatch(id, { type: 'loginRequired', error: appError.toData() });
        } else {
          dispatch(id, {
            type: 'stepFailed',
            error: appError.toData(),
            ...(error instanceof StackFailedError ? { stackFailure: error.failure } : {}),
          });
        }
        return;
      }
    }
  }

  function launch(id: string, retryFailedStack = false): Promise<void> {
    if (running.has(id)) throw new AppError(SetupErrorCodes.alreadyRunning, { connectionId: id });
    if (discarder.get(id))
      throw new AppError(SetupErrorCodes.discardInProgress, { connectionId: id });
    const abort = new AbortController();
    const done = drive(id, abort.signal, retryFailedStack)
      .catch((error: unknown) => {
        // Only a failure to persist lands here (the disk, or a crash being simulated).
        deps.logger.error('setup.driveStopped', { connectionId: id, error: String(error) });
      })
      .finally(() => running.delete(id));
    running.set(id, { done, abort });
    return done;
  }

  return {
    async listDatabases(profile, region) {
      try {
        return await listDatabases(await clientsFor(profile, region));
      } catch (error) {
        throw mapAwsError(error, { profile });
      }
    },
    async resolveEndpoint(profile, region, endpoint) {
      try {
        return await resolveEndpoint(await clientsFor(profile, region), endpoint);
      } catch (error) {
        throw mapAwsError(error, { profile });
      }
    },
    async create(request) {
      let plan;
      try {
        plan = await derivePlan(await clientsFor(request.profile, request.region), request);
      } catch (error) {
        throw mapAwsError(error, { profile: request.profile });
      }
      const state = initialState(plan);
      deps.repository.save(state);
      emit({ type: 'stateChanged', state });
      return state;
    },
    async updatePlan(connectionId, patch) {
      const state = get(connectionId);
      if (patch.subnetIds) {
        // Only subnets of the database's VPC; the checks then say whether they are good ones.
        const clients = await clientsFor(state.plan.profile, state.plan.region);
        const network = await describeVpcNetwork(clients, state.plan.database.vpcId).catch(
          (error: unknown) => {
            throw mapAwsError(error, { profile: state.plan.profile });
          },
        );
        const unknown = patch.subnetIds.filter(
          (id) => !network.subnets.some((s) => s.subnetId === id),
        );
        if (unknown.length > 0) {
          throw new AppError(SetupErrorCodes.subnetsNotInVpc, {
            vpcId: state.plan.database.vpcId,
            subnets: unknown.join(', '),
          });
        }
      }
      return dispatch(connectionId, { type: 'planUpdated', patch });
    },
    async runPreflight(connectionId) {
      const state = get(connectionId);
      if (state.step !== 'preflight' && state.step !== 'ready') {
        throw new AppError(SetupErrorCodes.illegalTransition, {
          step: state.step,
          event: 'preflightCompleted',
        });
      }
      const clients = await clientsFor(state.plan.profile, state.plan.region).catch(
        (error: unknown) => {
          throw mapAwsError(error, { profile: state.plan.profile });
        },
      );
      // The database may have moved AZ since the plan was made.
      const database = await findDatabase(
        clients,
        state.plan.database.kind,
        state.plan.database.identifier,
      ).catch(() => state.plan.database);
      const report = await runPreflight(
        clients,
        { ...state.plan, database },
        state.created,
        ownerOf,
      );
      return dispatch(connectionId, { type: 'preflightCompleted', report });
    },
    async applyFix(connectionId, kind) {
      const state = get(connectionId);
      const fix =
        state.step === 'preflight'
          ? state.preflight?.checks.find((c) => c.fix?.kind === kind)?.fix
          : undefined;
      if (!fix) throw new AppError(SetupErrorCodes.fixNotOffered, { fix: kind });
      dispatch(connectionId, { type: 'fixStarted', fix });
      await launch(connectionId);
      const after = get(connectionId);
      return after.step === 'preflight' ? this.runPreflight(connectionId) : after;
    },
    async start(connectionId) {
      const state = dispatch(connectionId, { type: 'confirmed' });
      void launch(connectionId);
      return state;
    },
    async resume(connectionId) {
      const state = get(connectionId);
      if (running.has(connectionId)) return state;
      const retryStack = state.step === 'failed' && state.stackFailure !== undefined;
      const next = isActiveStep(state.step) ? state : dispatch(connectionId, { type: 'resumed' });
      if (isActiveStep(next.step)) void launch(connectionId, retryStack);
      return next;
    },
    async acceptEndpoint(connectionId, vpcEndpointId) {
      const state = get(connectionId);
      const accepted =
        state.acceptance?.vpcEndpointId === vpcEndpointId &&
        state.acceptance.acceptedAt !== undefined;
      if (state.step !== 'complete' || accepted || running.has(connectionId)) return state;
      const next = dispatch(connectionId, { type: 'endpointReported', vpcEndpointId });
      void launch(connectionId);
      return next;
    },
    async cancel(connectionId) {
      const state = dispatch(connectionId, { type: 'cancelled' });
      const run = running.get(connectionId);
      run?.abort.abort();
      await run?.done;
      return state;
    },
    async teardown(connectionId) {
      let state = get(connectionId);
      if (running.has(connectionId) && state.step !== 'tearingDown') {
        state = await this.cancel(connectionId);
      }
      if (state.step !== 'tearingDown') state = dispatch(connectionId, { type: 'teardownStarted' });
      if (!running.has(connectionId)) void launch(connectionId);
      return state;
    },
    recordResource: (connectionId, resource) =>
      dispatch(connectionId, { type: 'resourceCreated', resource }),
    retireRule: (connectionId, rule) =>
      dispatch(connectionId, { type: 'ruleRetired', resource: rule }),
    get,
    list: () =>
      deps.repository
        .list()
        .filter((s) => discarder.get(s.plan.connectionId)?.step !== 'discarded'),
    discardPreview: (request) => discarder.preview(request),
    discard: (request, confirmed) => discarder.discard(request, confirmed),
    listDiscards: () => discarder.list(),
    discardSettled: (connectionId) => discarder.settled(connectionId),
    async settled(connectionId) {
      await running.get(connectionId)?.done;
      return get(connectionId);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
