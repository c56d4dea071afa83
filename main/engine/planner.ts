import { randomUUID } from 'node:crypto';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { AppError } from '../../shared/errors';
import type { DatabaseRecord } from '../../shared/flow/database';
import type { SetupPlan } from '../../shared/flow/plan';
import { recommendPlacement } from '../../shared/flow/placement';
import type { CreateSetupRequest } from '../../shared/ipc/channels/setup';
import { derivedNameFields } from '../../shared/naming/planNames';
import { MAX_ADDITIONAL_SUBNET_IDS } from '../../shared/stack/templateParameters';
import { updaterEndpointServiceNames } from '../../shared/stack/updaterApis';
import { findDatabase } from './discovery';
import type { EngineClients } from './engineClients';
import { describeVpcNetwork, routeEgress, subnetHasEgress, type VpcNetwork } from './network';
import { endpointServiceAzs } from './serviceAzs';
import { SetupErrorCodes } from './setupErrors';

/** The AZs the stack must cover: where the database runs now first, then where it may move. */
export function databaseAzs(db: DatabaseRecord): string[] {
  const current = db.availabilityZone ?? db.availabilityZones[0];
  return [...new Set([...(current ? [current] : []), ...db.availabilityZones])];
}

/**
 * Per AZ the best subnet for the NLB and the Lambda: one that can reach the updater's APIs,
 * preferably through NAT, and not a public subnet. At least two AZs (serviceAzs.ts).
 */
export function chooseSubnets(network: VpcNetwork, db: DatabaseRecord, region: string): string[] {
  const services = updaterEndpointServiceNames(region);
  const score = (subnetId: string): number => {
    const egress = subnetHasEgress(network, subnetId, services);
    const route = routeEgress(network, subnetId);
    return (
      (egress.via === 'natGateway' ? 4 : egress.ok ? 3 : 0) +
      (route === 'internetGatewayOnly' ? -2 : 0) +
      (db.subnetIds.includes(subnetId) ? 1 : 0)
    );
  };
  return endpointServiceAzs(network, db)
    .flatMap((az) => {
      const candidates = network.subnets
        .filter((s) => s.availabilityZone === az)
        .map((s) => s.subnetId)
        .sort((a, b) => score(b) - score(a) || a.localeCompare(b));
      return candidates.length > 0 ? [candidates[0] as string] : [];
    })
    .slice(0, 1 + MAX_ADDITIONAL_SUBNET_IDS);
}

/** Derives everything but the user's few decisions from the account. Reads only. */
export async function derivePlan(
  clients: EngineClients,
  request: CreateSetupRequest,
  connectionId: string = randomUUID(),
): Promise<SetupPlan> {
  const [identity, database] = await Promise.all([
    clients.sts.send(new GetCallerIdentityCommand({})),
    findDatabase(clients, request.database.kind, request.database.identifier),
  ]);
  const network = await describeVpcNetwork(clients, database.vpcId);
  const subnetIds = chooseSubnets(network, database, clients.region);
  if (subnetIds.length === 0) {
    throw new AppError(SetupErrorCodes.databaseNotInVpc, { vpcId: database.vpcId });
  }
  return {
    connectionId,
    connectionName: request.connectionName,
    profile: request.profile,
    region: clients.region,
    accountId: identity.Account ?? '',
    database,
    subnetIds,
    authMethod: request.authMethod,
    ...(request.authMethod === 'iam'
      ? { dbUser: request.dbUser ?? '', externalId: randomUUID() }
      : {}),
    smoozAccountId: request.smoozAccountId,
    smoozRoleArn: request.smoozRoleArn,
    updaterPlacement: recommendPlacement(database).placement,
    ...derivedNameFields({
      connectionId,
      connectionName: request.connectionName,
      prefix: request.resourceNamePrefix,
    }),
    ...(request.resourceNamePrefix === undefined
      ? {}
      : { resourceNamePrefix: request.resourceNamePrefix }),
  };
}
