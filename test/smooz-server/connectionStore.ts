import { randomBytes } from 'node:crypto';
import type { components } from '../../shared/smooz-api/openapi-types';
import { runConnectivityTest, type DataSources } from './connectivityTest';
import type { NetworkPath } from './networkPath';
import { ProblemError } from './problems';
import type { EndpointOutcome, SmoozAwsAccount } from './smoozAwsAccount';

type Connection = components['schemas']['Connection'];
type ConnectionCreate = components['schemas']['ConnectionCreate'];
type StatusReason = components['schemas']['StatusReason'];
type ConnectivityTestResult = components['schemas']['ConnectivityTestResult'];
type MigrationStart = components['schemas']['MigrationStart'];
type Outcome = { status: 'available' | 'failed' | 'rejected'; reason?: StatusReason };

interface Record_ {
  base: Omit<Connection, 'status' | 'statusReason' | 'updatedAt' | 'migration' | 'retiredEndpoint'>;
  /** Where the connection ends up once the delay has passed. */
  outcome: Outcome;
  settleFromMs: number;
  deletingSinceMs?: number;
  /** The second endpoint, to the service the connection is moving to, until the switch. */
  migration?: {
    endpointServiceName: string;
    availabilityZones: Connection['availabilityZones'];
    vpcEndpointId?: string;
    outcome: Outcome;
    settleFromMs: number;
    startedAtMs: number;
    lastTestSucceededAtMs?: number;
  };
  /** The endpoint a switch left behind, reported `deleting` for the delay. */
  retired?: {
    endpointServiceName: string;
    vpcEndpointId?: string;
    sinceMs: number;
    removed: boolean;
  };
  /** Endpoints created for migrations so far: each gets its own client token. */
  migrations: number;
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
  /** Connectivity tests running per endpoint: a retired endpoint is removed once they end. */
  private readonly inFlight = new Map<string, number>();
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
    const outcome = this.outcomeOf(endpoint);
    if (endpoint.kind === 'created') base.vpcEndpointId = endpoint.vpcEndpointId;
    this.records.set(id, { base, outcome, settleFromMs, migrations: 0 });
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

  /** A second endpoint to `input`'s service; the connection itself is untouched until the switch. */
  async startMigration(id: string, input: MigrationStart): Promise<Connection> {
    const record = this.live(id);
    if (record.migration) {
      if (record.migration.endpointServiceName === input.endpointServiceName) {
        return this.settle(record);
      }
      throw new ProblemError(409, 'migration-in-progress', {
        detail: `The connection is moving to ${record.migration.endpointServiceName}.`,
      });
    }
    if (record.base.endpointServiceName === input.endpointServiceName) {
      throw new ProblemError(409, 'invalid-state', {
        detail: 'The connection already uses this endpoint service.',
      });
    }
    record.migrations += 1;
    const startedAtMs = this.now();
    const endpoint = await this.options.aws.createEndpoint(
      record.base.region,
      input.endpointServiceName,
      input.availabilityZones.map((z) => z.id),
      `${id}-m${record.migrations}`,
    );
    record.migration = {
      endpointServiceName: input.endpointServiceName,
      availabilityZones: input.availabilityZones,
      ...(endpoint.kind === 'created' ? { vpcEndpointId: endpoint.vpcEndpointId } : {}),
      outcome: this.outcomeOf(endpoint),
      settleFromMs: this.now(),
      startedAtMs,
    };
    return this.settle(record);
  }

  /** The way back before a switch: the second endpoint goes, the first was never touched. */
  async cancelMigration(id: string): Promise<Connection> {
    const record = this.live(id);
    const migration = record.migration;
    if (migration?.vpcEndpointId) {
      await this.options.aws.deleteEndpoint(record.base.region, migration.vpcEndpointId);
    }
    delete record.migration;
    return this.settle(record);
  }

  async testMigrationConnectivity(id: string): Promise<ConnectivityTestResult> {
    const record = this.live(id);
    const migration = await this.availableMigration(record);
    const verdict = await runConnectivityTest(
      {
        ...(await this.settle(record)),
        vpcEndpointId: migration.vpcEndpointId as string,
        endpointServiceName: migration.endpointServiceName,
      },
      this.options.aws.accountId,
      this.options.networkPath(record.base.region),
      this.options.dataSources,
    );
    if (verdict.outcome === 'succeeded') migration.lastTestSucceededAtMs = this.now();
    return { connectionId: id, ...verdict, checkedAt: new Date(this.now()).toISOString() };
  }

  /**
   * SMOOZ moves onto the new endpoint: from here the connectivity test follows it, and the old
   * endpoint is removed. Only after a successful test through the new path.
   */
  async switchMigration(id: string, endpointServiceName: string): Promise<Connection> {
    const record = this.live(id);
    if (!record.migration && record.base.endpointServiceName === endpointServiceName) {
      return this.settle(record);
    }
    if (record.migration?.endpointServiceName !== endpointServiceName) {
      throw new ProblemError(409, 'invalid-state', {
        detail: `The connection is not moving to ${endpointServiceName}.`,
      });
    }
    const migration = await this.availableMigration(record);
    if (migration.lastTestSucceededAtMs === undefined) {
      throw new ProblemError(409, 'invalid-state', {
        detail: 'No connectivity test has succeeded through the new endpoint yet.',
      });
    }
    const old = record.base;
    const retired = {
      endpointServiceName: old.endpointServiceName,
      ...(old.vpcEndpointId ? { vpcEndpointId: old.vpcEndpointId } : {}),
      sinceMs: this.now(),
      removed: false,
    };
    record.retired = retired;
    record.base = {
      ...old,
      endpointServiceName: migration.endpointServiceName,
      availabilityZones: migration.availabilityZones,
      vpcEndpointId: migration.vpcEndpointId as string,
    };
    delete record.migration;
    void this.drainAndRemove(old.region, retired);
    return this.settle(record);
  }

  async testConnectivity(id: string): Promise<ConnectivityTestResult> {
    // Counted from the first moment the endpoint is known, so a switch cannot remove it mid-test.
    return this.tracked(this.records.get(id)?.base.vpcEndpointId, async () => {
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
    });
  }

  private isGone(record: Record_): boolean {
    return (
      record.deletingSinceMs !== undefined &&
      this.now() - record.deletingSinceMs >= this.options.transitionDelayMs
    );
  }

  /** Like SMOOZ: sessions already on the old endpoint finish before it is removed. */
  private async drainAndRemove(region: string, retired: NonNullable<Record_['retired']>) {
    const id = retired.vpcEndpointId;
    while (id && (this.inFlight.get(id) ?? 0) > 0) await new Promise((r) => setTimeout(r, 10));
    if (id) await this.options.aws.deleteEndpoint(region, id);
    retired.removed = true;
  }

  private async tracked<T>(vpcEndpointId: string | undefined, work: () => Promise<T>): Promise<T> {
    const id = vpcEndpointId ?? '';
    this.inFlight.set(id, (this.inFlight.get(id) ?? 0) + 1);
    try {
      return await work();
    } finally {
      this.inFlight.set(id, (this.inFlight.get(id) ?? 1) - 1);
    }
  }

  private live(id: string): Record_ {
    const record = this.records.get(id);
    if (!record || this.isGone(record)) throw new ProblemError(404, 'not-found');
    if (record.deletingSinceMs !== undefined) {
      throw new ProblemError(409, 'invalid-state', { detail: 'The connection is deleting.' });
    }
    return record;
  }

  private async availableMigration(record: Record_): Promise<NonNullable<Record_['migration']>> {
    const migration = record.migration;
    const status = (await this.settle(record)).migration?.status;
    if (!migration || status !== 'available') {
      throw new ProblemError(409, 'invalid-state', {
        detail: migration ? `The new endpoint is ${status}.` : 'The connection is not migrating.',
      });
    }
    return migration;
  }

  private outcomeOf(endpoint: EndpointOutcome): Outcome {
    switch (endpoint.kind) {
      case 'created':
        return { status: 'available' };
      case 'rejected':
        return {
          status: 'rejected',
          reason: {
            code: 'principal-not-allowed',
            message: `The endpoint service does not allow SMOOZ's account ${this.options.aws.accountId}.`,
          },
        };
      case 'zones-not-supported':
        return {
          status: 'failed',
          reason: {
            code: 'availability-zone-not-supported',
            message: `SMOOZ has no subnet in ${endpoint.zoneIds.join(', ')}.`,
          },
        };
      case 'failed':
        return {
          status: 'failed',
          reason: { code: 'endpoint-creation-failed', message: endpoint.message },
        };
    }
  }

  /** Once the delay has passed, an `available` outcome is confirmed against the real endpoint. */
  private async settle(record: Record_): Promise<Connection> {
    const view = this.view(record);
    if (view.migration?.status === 'available' && view.migration.vpcEndpointId) {
      const state = await this.options.aws.endpointState(
        record.base.region,
        view.migration.vpcEndpointId,
      );
      if (state === 'rejected') {
        view.migration = {
          ...view.migration,
          status: 'rejected',
          statusReason: {
            code: 'connection-rejected',
            message: "The customer's endpoint service rejected the endpoint connection.",
          },
        };
      } else if (state !== 'available') {
        // Pending acceptance by the customer's side, as for a connection's own endpoint.
        view.migration = { ...view.migration, status: state === undefined ? 'failed' : 'pending' };
      }
    }
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
    return { ...this.connectionView(record), ...this.migrationView(record) };
  }

  private migrationView(record: Record_): Pick<Connection, 'migration' | 'retiredEndpoint'> {
    const now = this.now();
    const m = record.migration;
    const r = record.retired;
    const settled = m && now >= m.settleFromMs + this.options.transitionDelayMs;
    return {
      ...(m
        ? {
            migration: {
              endpointServiceName: m.endpointServiceName,
              availabilityZones: m.availabilityZones,
              status: settled ? m.outcome.status : 'pending',
              ...(settled && m.outcome.reason ? { statusReason: m.outcome.reason } : {}),
              ...(m.vpcEndpointId ? { vpcEndpointId: m.vpcEndpointId } : {}),
              ...(m.lastTestSucceededAtMs === undefined
                ? {}
                : { lastTestSucceededAt: new Date(m.lastTestSucceededAtMs).toISOString() }),
              startedAt: new Date(m.startedAtMs).toISOString(),
            },
          }
        : {}),
      ...(r && (!r.removed || now - r.sinceMs < this.options.transitionDelayMs)
        ? {
            retiredEndpoint: {
              endpointServiceName: r.endpointServiceName,
              ...(r.vpcEndpointId ? { vpcEndpointId: r.vpcEndpointId } : {}),
              status: 'deleting' as const,
            },
          }
        : {}),
    };
  }

  private connectionView(record: Record_): Connection {
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
