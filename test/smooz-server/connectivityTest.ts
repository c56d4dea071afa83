import type { components } from '../../shared/smooz-api/openapi-types';
import { probeDatabase, type DatabaseLogin } from './databaseProbe';
import type { NetworkPath } from './networkPath';

type Connection = components['schemas']['Connection'];
type Result = components['schemas']['ConnectivityTestResult'];
type BrokenLink = NonNullable<Result['brokenLink']>;

/** The database logins SMOOZ holds (its data sources), and where its NLB traffic leaves from. */
export interface DataSources {
  /** The login for a database answering on `port`, if SMOOZ has one. */
  login(port: number): DatabaseLogin | undefined;
  /** Known database ports, the ones SMOOZ would connect to the endpoint on. */
  ports(): readonly number[];
  readonly sourceAddress?: string;
}

type Verdict = Pick<Result, 'outcome' | 'checked' | 'brokenLink' | 'target' | 'reason'>;

const broken = (link: BrokenLink, message: string, target?: Result['target']): Verdict => ({
  outcome: 'failed',
  brokenLink: link,
  reason: { code: link, message },
  ...(target ? { target } : {}),
});

/**
 * Follows SMOOZ's endpoint to the database and logs in at every healthy target, reporting the
 * first broken link in plain terms.
 */
export async function runConnectivityTest(
  connection: Connection,
  smoozAccountId: string,
  path: NetworkPath,
  dataSources: DataSources,
): Promise<Verdict> {
  const links = await path.links(
    smoozAccountId,
    connection.vpcEndpointId as string,
    connection.customerAwsAccountId,
  );
  if (links.endpointState !== 'available' || links.connectionState !== 'available') {
    return broken(
      'no-endpoint-connection',
      `SMOOZ's endpoint ${connection.vpcEndpointId} is ${links.endpointState ?? 'gone'}; the ` +
        `endpoint service ${links.serviceName ?? ''} sees its connection as ` +
        `${links.connectionState ?? 'missing'}.`,
    );
  }
  const tcp = links.listeners.filter((l) => l.protocol === 'TCP');
  if (tcp.length === 0) {
    return broken(
      'no-listener',
      `The load balancer ${links.loadBalancerArn ?? ''} has no TCP listener.`,
    );
  }
  if (dataSources.ports().length === 0) {
    return broken('no-data-source', 'SMOOZ holds no database login for this connection.');
  }
  const listener = tcp.find((l) => dataSources.login(l.port) !== undefined);
  if (!listener) {
    return broken(
      'no-listener',
      `The load balancer listens on ${tcp.map((l) => l.port).join(', ')}, not on the database ` +
        `port (${dataSources.ports().join(' or ')}).`,
    );
  }
  const login = dataSources.login(listener.port) as DatabaseLogin;
  const targets = listener.targetGroupArn
    ? await path.targets(connection.customerAwsAccountId, listener.targetGroupArn)
    : [];
  const healthy = targets.filter((t) => t.state === 'healthy');
  if (healthy.length === 0) {
    return broken(
      'target-not-registered',
      targets.length === 0
        ? `The listener on port ${listener.port} forwards to a target group with no target.`
        : `No registered target is healthy (${targets.map((t) => `${t.address}: ${t.state}`).join(', ')}).`,
    );
  }
  let checked: Result['checked'] = 'query';
  for (const target of healthy) {
    const at = { address: target.address, port: target.port };
    if (target.port !== listener.port) {
      return broken(
        'wrong-port',
        `The target ${target.address} is registered on port ${target.port}; the database ` +
          `listener is on ${listener.port}.`,
        at,
      );
    }
    const result = await probeDatabase(
      { ...at, ...(dataSources.sourceAddress ? { sourceAddress: dataSources.sourceAddress } : {}) },
      login,
      { iam: connection.dbAuthMethod === 'iam' },
    );
    if (!result.ok) {
      return broken(result.code, `${target.address}:${target.port}: ${result.detail}`, at);
    }
    checked = result.checked;
  }
  const last = healthy[healthy.length - 1] as (typeof healthy)[number];
  return { outcome: 'succeeded', checked, target: { address: last.address, port: last.port } };
}
