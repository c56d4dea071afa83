import { randomBytes } from 'node:crypto';
import type { components } from '../../shared/smooz-api/openapi-types';
import { runConnectivityTest, type DataSources } from './connectivityTest';
import type { NetworkPath } from './networkPath';
import { ProblemError } from './problems';
import type { SmoozAwsAccount } from './smoozAwsAccount';

type Connection = components['schemas']['Connection'];
type ConnectionCreate = components['schemas']['ConnectionCreate'];
type StatusReason = components['schemas']['StatusReason'];
type ConnectivityTestResult = components['schemas']['ConnectivityTestResult'];

interface Record_ {
  base: Omit<Connection, 'status' | 'statusReason' | 'updatedAt'>;
  /** Where the connection ends up once the delay has passed. */
  outcome: { status: 'available' | 'failed' | 'rejected'; reason?: StatusReason };
  settleFromMs: number;
  deletingSinceMs?: number;
}

export interface ConnectionStoreOptions {
  readonly aws: SmoozAwsAccount;
  /** How long a connection reads `pending` (and `deleting`) before it settles. */
  readonly transitionDelayMs: number;
  /** The PrivateLink path per region, followed by the connectivity test. */
  readonly networkPath: (region: string) => NetworkPath;
  readonly dataSources: DataSources;
  readonly now?: () => number;
}

/**
 * SMOOZ's side of a connection: the endpoint is created (or refused) on create, and the status
 * the API reports follows the real one after `transitionDelayMs`, the way the design site shows
 * `pending` for about a minute; an endpoint still waiting for the customer's acceptance stays
 * `pending`, and one the customer rejected is `rejected`.
 */
export class ConnectionStore {
  private readonly records = new Map<string, Record_>();
  private readonly now: () => number;

  constructor(private readonly options: ConnectionStoreOptions) {
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.records.size;
  }

  async create(input: ConnectionCreate): Promise<Connection> {
    for (const record of this.records.values()) {
      if (
        record.base.endpointServiceName === input.endpointServiceName &&
        record.deletingSinceMs === undefined &&
        record.outcome.status === 'available'
      ) {
        throw new ProblemError(409, 'endpoint-service-in-use', {
          detail: `Connection ${record.base.id} already uses this endpoint service.`,
        });
      }
    }
    const id = `conn-${randomBytes(8).toString('hex')}`;
    const createdAtMs = this.now();
    const endpoint = await this.options.aws.createEndpoint(
      input.region,
      input.endpointServiceName,
      input.availabilityZones.map((z) => z.id),
      id,
    );
    // `pending` lasts the delay from when the endpoint exists, however long creating it took.
    const settleFromMs = this.now();
    const base: Record_['base'] = {
      id,
      name: input.name,
      customerAwsAccountId: input.customerAwsAccountId,
      region: input.region,
      availabilityZones: input.availabilityZones,
      endpointServiceName: input.endpointServiceName,
      dbAuthMethod: input.dbAuthMethod,
      ...(input.iamRoleArn ? { iamRoleArn: input.iamRoleArn } : {}),
      createdAt: new Date(createdAtMs).toISOString(),
    };
    let outcome: Record_['outcome'];
    switch (endpoint.kind) {
      case 'created':
        base.vpcEndpointId = endpoint.vpcEndpointId;
        outcome = { status: 'available' };
        break;
      case 'rejected':
        outcome = {
          status: 'rejected',
          reason: {
            code: 'principal-not-allowed',
            message: `The endpoint service does not allow SMOOZ's account ${this.options.aws.accountId}.`,
          },
        };
        break;
      case 'zones-not-supported':
        outcome = {
          status: 'failed',
          reason: {
            code: 'availability-zone-not-supported',
            message: `SMOOZ has no subnet in ${endpoint.zoneIds.join(', ')}.`,
          },
        };
        break;
      case 'failed':
        outcome = {
          status: 'failed',
          reason: { code: 'endpoint-creation-failed', message: endpoint.message },
        };
        break;
    }
    this.records.set(id, { base, outcome, settleFromMs });
    return this.view(this.records.get(id) as Record_);
  }

  async get(id: string): Promise<Connection> {
    const record = this.records.get(id);
    if (!record || this.isGone(record)) throw new ProblemError(404, 'not-found');
    return this.settle(record);
  }

  async list(): Promise<Connection[]> {
    const live = [...this.records.values()].filter((r) => !this.isGone(r));
    const views = await Promise.all(live.map((r) => this.settle(r)));
    return views.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async delete(id: string): Promise<Connection> {
    const record = this.records.get(id);
    if (!record || this.isGone(record)) throw new ProblemError(404, 'not-found');
    if (record.deletingSinceMs === undefined) {
      record.deletingSinceMs = this.now();
      if (record.base.vpcEndpointId) {
        await this.options.aws.deleteEndpoint(record.base.region, record.base.vpcEndpointId);
      }
    }
    return this.view(record);
  }

  async testConnectivity(id: string): Promise<ConnectivityTestResult> {
    const connection = await this.get(id);
    if (connection.status !== 'available') {
      throw new ProblemError(409, 'invalid-state', {
        detail: `The connection is ${connection.status}.`,
      });
    }
    const verdict = await runConnectivityTest(
      connection,
      this.options.aws.accountId,
      this.options.networkPath(connection.region),
      this.options.dataSources,
    );
    return { connectionId: id, ...verdict, checkedAt: new Date(this.now()).toISOString() };
  }

  private isGone(record: Record_): boolean {
    return (
      record.deletingSinceMs !== undefined &&
      this.now() - record.deletingSinceMs >= this.options.transitionDelayMs
    );
  }

  /** Once the delay has passed, an `available` outcome is confirmed against the real endpoint. */
  private async settle(record: Record_): Promise<Connection> {
    const view = this.view(record);
    if (view.status === 'available' && record.base.vpcEndpointId) {
      const state = await this.options.aws.endpointState(
        record.base.region,
        record.base.vpcEndpointId,
      );
      // AWS keeps an endpoint to a service that requires acceptance `pendingAcceptance` until
      // the customer accepts it: SMOOZ reads `pending` (with the endpoint id) until then.
      if (state === 'rejected') {
        return {
          ...view,
          status: 'rejected',
          statusReason: {
            code: 'connection-rejected',
            message: "The customer's endpoint service rejected the endpoint connection.",
          },
        };
      }
      if (state !== 'available') {
        return {
          ...view,
          status: state === undefined ? 'failed' : 'pending',
          ...(state === undefined
            ? { statusReason: { code: 'endpoint-missing', message: 'The endpoint is gone.' } }
            : {}),
        };
      }
    }
    return view;
  }

  private view(record: Record_): Connection {
    const now = this.now();
    if (record.deletingSinceMs !== undefined) {
      return {
        ...record.base,
        status: 'deleting',
        updatedAt: new Date(record.deletingSinceMs).toISOString(),
      };
    }
    const settledAt = record.settleFromMs + this.options.transitionDelayMs;
    if (now < settledAt) {
      return { ...record.base, status: 'pending', updatedAt: record.base.createdAt };
    }
    return {
      ...record.base,
      status: record.outcome.status,
      ...(record.outcome.reason ? { statusReason: record.outcome.reason } : {}),
      updatedAt: new Date(settledAt).toISOString(),
    };
  }
}
