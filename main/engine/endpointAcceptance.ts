import {
  AcceptVpcEndpointConnectionsCommand,
  paginateDescribeVpcEndpointConnections,
  RejectVpcEndpointConnectionsCommand,
  type UnsuccessfulItem,
  type VpcEndpointConnection,
} from '@aws-sdk/client-ec2';
import type { EndpointAcceptance } from '../../shared/flow/acceptance';
import { AppError, hasErrorCode } from '../../shared/errors';
import { retryWhile, type RetryOptions } from '../base/backoff';
import type { EngineClients } from './engineClients';
import { SetupErrorCodes, type SetupErrorCode } from './setupErrors';

export interface AcceptanceTarget {
  readonly serviceId: string;
  /** What SMOOZ reported: its endpoint, and the account it must come from. */
  readonly acceptance: EndpointAcceptance;
  readonly smoozAccountId: string;
}

export interface AcceptanceOptions {
  /** Persists each rejection before the next call. */
  readonly rejected: (vpcEndpointId: string, ownerAccountId: string) => void;
  /** SMOOZ reported the endpoint; the service may list it a moment later. */
  readonly retry: RetryOptions;
}

const PENDING = 'pendingacceptance';
/** States of an endpoint connection that was accepted already. */
const ACCEPTED = new Set(['pending', 'available']);

const stateOf = (c: VpcEndpointConnection) => (c.VpcEndpointState ?? '').toLowerCase();

async function connectionsOf(clients: EngineClients, serviceId: string) {
  const all: VpcEndpointConnection[] = [];
  for await (const page of paginateDescribeVpcEndpointConnections(
    { client: clients.ec2 },
    { Filters: [{ Name: 'service-id', Values: [serviceId] }] },
  )) {
    all.push(...(page.VpcEndpointConnections ?? []));
  }
  return all;
}

/** Accept and Reject answer 200 with the endpoints they could not act on: those are failures. */
function throwUnsuccessful(unsuccessful: UnsuccessfulItem[] | undefined, code: SetupErrorCode) {
  const first = unsuccessful?.[0];
  if (first) {
    throw new AppError(code, {
      vpcEndpointId: first.ResourceId ?? '',
      reason: first.Error?.Code ?? '',
    });
  }
}

async function reject(clients: EngineClients, serviceId: string, vpcEndpointId: string) {
  const out = await clients.ec2.send(
    new RejectVpcEndpointConnectionsCommand({
      ServiceId: serviceId,
      VpcEndpointIds: [vpcEndpointId],
    }),
  );
  throwUnsuccessful(out.Unsuccessful, SetupErrorCodes.endpointRejectRefused);
}

const notListedYet = hasErrorCode(SetupErrorCodes.endpointConnectionMissing);

/**
 * Accepts SMOOZ's endpoint connection and nothing else: every other request pending on the
 * service is rejected first, SMOOZ's is accepted only when it comes from SMOOZ's account (one
 * from anywhere else is rejected and the step fails). Idempotent: it reads the service's
 * connections and acts only on what is still pending, so a repeat after a crash does no work twice.
 */
export async function acceptSmoozEndpoint(
  clients: EngineClients,
  target: AcceptanceTarget,
  options: AcceptanceOptions,
): Promise<void> {
  const { serviceId, smoozAccountId } = target;
  const expected = target.acceptance.vpcEndpointId;
  const connections = await retryWhile(
    async () => {
      const found = await connectionsOf(clients, serviceId);
      if (!found.some((c) => c.VpcEndpointId === expected)) {
        throw new AppError(SetupErrorCodes.endpointConnectionMissing, { vpcEndpointId: expected });
      }
      return found;
    },
    notListedYet,
    options.retry,
  );
  for (const c of connections) {
    if (c.VpcEndpointId === expected || stateOf(c) !== PENDING || !c.VpcEndpointId) continue;
    await reject(clients, serviceId, c.VpcEndpointId);
    options.rejected(c.VpcEndpointId, c.VpcEndpointOwner ?? '');
  }
  const smooz = connections.find((c) => c.VpcEndpointId === expected) as VpcEndpointConnection;
  const state = stateOf(smooz);
  if (smooz.VpcEndpointOwner !== smoozAccountId) {
    if (state === PENDING) await reject(clients, serviceId, expected);
    throw new AppError(SetupErrorCodes.endpointNotSmoozs, {
      vpcEndpointId: expected,
      owner: smooz.VpcEndpointOwner ?? '',
    });
  }
  if (ACCEPTED.has(state)) return;
  if (state !== PENDING) {
    throw new AppError(SetupErrorCodes.endpointConnectionUnusable, {
      vpcEndpointId: expected,
      state,
    });
  }
  const out = await clients.ec2.send(
    new AcceptVpcEndpointConnectionsCommand({ ServiceId: serviceId, VpcEndpointIds: [expected] }),
  );
  throwUnsuccessful(out.Unsuccessful, SetupErrorCodes.endpointAcceptRefused);
}
