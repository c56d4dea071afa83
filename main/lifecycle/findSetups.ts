import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import {
  paginateDescribeVpcEndpointServiceConfigurations,
  paginateDescribeVpcEndpointServicePermissions,
  type ServiceConfiguration,
} from '@aws-sdk/client-ec2';
import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import {
  FoundSetupSchema,
  type ConnectivitySnapshot,
  type FoundSetup,
} from '../../shared/lifecycle/foundSetup';
import type { AwsClientContext } from '../aws/clientFactory';
import { mapAwsError } from '../aws/awsErrors';
import type { AppConfig } from '../base/config';
import { checkConnectivity } from '../smooz/connectivityCheck';
import type { SmoozApi, SmoozConnection } from '../smooz/smoozApiClient';
import {
  ingressCovering,
  listDatabases,
  matchDatabase,
  type RegionDatabases,
  type ResolveAddresses,
} from './database';
import { createFinderClients, type FinderClients } from './finderClients';
import { gatherNetwork } from './network';
import { stackSnapshot, stacksByResource } from './stacks';
import { gatherUpdater, listFunctions } from './updater';

export interface FinderDeps {
  readonly config: AppConfig;
  readonly contextFor: (profile: string, region: string) => Promise<AwsClientContext>;
  readonly smooz: Pick<SmoozApi, 'getSettings' | 'listConnections' | 'testConnectivity'>;
  readonly resolve: ResolveAddresses;
  readonly now?: () => Date;
}

export interface ScanResult {
  readonly accountId: string;
  readonly smoozAccountId: string;
  readonly setups: FoundSetup[];
}

/** `arn:aws:iam::<account>:root` / `:role/…` / `:user/…`, or a bare account id. */
const accountOf = (principal: string): string | undefined =>
  /^\d{12}$/.test(principal) ? principal : /^arn:aws[a-z-]*:iam::(\d{12}):/.exec(principal)?.[1];

/**
 * Every SMOOZ PrivateLink setup in the profile's account and region, made by this app or by hand:
 * an endpoint service that lets SMOOZ in (its account, a role of it, or everyone), or one SMOOZ
 * has a connection to. Only reads; nothing in AWS or at SMOOZ changes.
 */
export async function findSetups(
  deps: FinderDeps,
  target: { readonly profile: string; readonly region: string },
): Promise<ScanResult> {
  const context = await deps.contextFor(target.profile, target.region);
  const clients = createFinderClients(deps.config, context);
  try {
    const [settings, smoozList, identity] = await Promise.all([
      deps.smooz.getSettings(),
      deps.smooz.listConnections(),
      clients.sts.send(new GetCallerIdentityCommand({})),
    ]);
    const smoozAccountId = settings.smoozAwsAccountId;
    const smoozConnections = smoozList.items.filter((c) => c.region === target.region);
    const services = await smoozServices(clients, smoozAccountId, smoozConnections);
    if (services.length === 0) {
      return { accountId: identity.Account ?? '', smoozAccountId, setups: [] };
    }
    const [functions, databases, owners] = await Promise.all([
      listFunctions(clients),
      listDatabases(clients),
      stacksByResource(clients),
    ]);
    const region: RegionScan = { clients, functions, databases, owners, smoozConnections };
    const setups: FoundSetup[] = [];
    for (const service of services) {
      setups.push(
        await gatherSetup(deps, region, service, {
          ...target,
          accountId: identity.Account ?? '',
        }),
      );
    }
    return { accountId: identity.Account ?? '', smoozAccountId, setups };
  } catch (error) {
    throw mapAwsError(error);
  }
}

interface RegionScan {
  readonly clients: FinderClients;
  readonly functions: FunctionConfiguration[];
  readonly databases: RegionDatabases;
  readonly owners: Map<string, string>;
  readonly smoozConnections: SmoozConnection[];
}

interface CandidateService {
  readonly config: ServiceConfiguration;
  readonly principals: string[];
}

async function smoozServices(
  clients: FinderClients,
  smoozAccountId: string,
  smoozConnections: readonly SmoozConnection[],
): Promise<CandidateService[]> {
  const found: CandidateService[] = [];
  for await (const page of paginateDescribeVpcEndpointServiceConfigurations(
    { client: clients.ec2 },
    {},
  )) {
    for (const config of page.ServiceConfigurations ?? []) {
      if (!config.ServiceId) continue;
      const principals: string[] = [];
      for await (const p of paginateDescribeVpcEndpointServicePermissions(
        { client: clients.ec2 },
        { ServiceId: config.ServiceId },
      )) {
        principals.push(
          ...(p.AllowedPrincipals ?? []).flatMap((a) => (a.Principal ? [a.Principal] : [])),
        );
      }
      const letsSmoozIn = principals.some((p) => p === '*' || accountOf(p) === smoozAccountId);
      const usedBySmooz = smoozConnections.some(
        (c) => c.endpointServiceName === config.ServiceName,
      );
      if (letsSmoozIn || usedBySmooz) found.push({ config, principals: principals.sort() });
    }
  }
  return found;
}

async function gatherSetup(
  deps: FinderDeps,
  region: RegionScan,
  service: CandidateService,
  where: { readonly profile: string; readonly region: string; readonly accountId: string },
): Promise<FoundSetup> {
  const { clients } = region;
  const serviceId = service.config.ServiceId ?? '';
  const serviceName = service.config.ServiceName ?? '';
  const loadBalancerArns = service.config.NetworkLoadBalancerArns ?? [];
  const network = loadBalancerArns[0]
    ? await gatherNetwork(clients, loadBalancerArns[0])
    : undefined;
  const targetGroups = network?.targetGroups ?? [];
  const found = await gatherUpdater(
    clients,
    region.functions,
    targetGroups.map((g) => g.arn),
  );
  const database = await matchDatabase(region.databases, deps.resolve, {
    environmentValues: found?.environmentValues ?? [],
    targets: targetGroups.flatMap((g) => g.targets),
  });
  const stackName = region.owners.get(serviceId);
  const stack = stackName
    ? await stackSnapshot(clients, stackName, network?.connectionId)
    : undefined;
  const smoozConnection = region.smoozConnections.find(
    (c) => c.endpointServiceName === serviceName,
  );
  return FoundSetupSchema.parse({
    key: serviceId,
    ...where,
    origin: stack?.templateVersion !== undefined || network?.connectionId ? 'app' : 'handMade',
    ...(stack ? { stack } : {}),
    endpointService: {
      id: serviceId,
      name: serviceName,
      zones: service.config.AvailabilityZones ?? [],
      acceptanceRequired: service.config.AcceptanceRequired === true,
      allowedPrincipals: service.principals,
      loadBalancerArns,
    },
    ...(network ? { loadBalancer: network.loadBalancer } : {}),
    targetGroups,
    ...(database ? { database } : {}),
    databaseIngress: database ? await ingressCovering(clients, database) : [],
    ...(found ? { updater: found.updater } : {}),
    ...(smoozConnection
      ? {
          smooz: {
            connectionId: smoozConnection.id,
            name: smoozConnection.name,
            status: smoozConnection.status,
          },
        }
      : {}),
    connectivity: await connectivityOf(deps, smoozConnection),
    scannedAt: (deps.now?.() ?? new Date()).toISOString(),
  });
}

/** SMOOZ's own login through the setup, right now; only for a connection SMOOZ says is up. */
async function connectivityOf(
  deps: FinderDeps,
  connection: SmoozConnection | undefined,
): Promise<ConnectivitySnapshot> {
  if (connection?.status !== 'available') return { ran: false };
  const check = await checkConnectivity(deps.smooz, connection.id);
  if ('error' in check) return { ran: false, error: check.error };
  const { outcome, checked, brokenLink, checkedAt } = check.result;
  return {
    ran: true,
    outcome,
    ...(checked ? { checked } : {}),
    ...(brokenLink ? { brokenLink } : {}),
    checkedAt,
  };
}
