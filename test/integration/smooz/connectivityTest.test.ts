import { randomUUID } from 'node:crypto';
import {
  DeleteListenerCommand,
  DeregisterTargetsCommand,
  ElasticLoadBalancingV2Client,
  RegisterTargetsCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { createServer, type Server, type Socket } from 'node:net';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAwsClient } from '../../../main/aws/clientFactory';
import { createSmoozClient, type SmoozApi } from '../../../main/smooz/smoozApiClient';
import { startSmoozServer, type SmoozServer } from '../../smooz-server/smoozServer';
import { worldDataSources } from '../../smooz-server/worldDataSources';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';
import { healthCheckConnect } from '../../support/realDatabases/healthCheckConnects';
import { freeLoopbackAddress } from '../../support/realDatabases/loopback';
import { readTestWorld, type WorldDatabase } from '../../support/realDatabases/world';
import { createCustomerEndpointService, type CustomerService } from './customerAccount';
import { ADMIN_TOKEN } from './harness';

const SMOOZ_ACCOUNT = '210987654321';
const world = readTestWorld(inject('testWorldFile'));
const elb = createAwsClient(
  ElasticLoadBalancingV2Client,
  motoAppConfig(inject('motoEndpoint')),
  motoContext,
);
let server: SmoozServer;
let wrongPassword: SmoozServer;

beforeAll(async () => {
  const common = {
    motoEndpoint: inject('motoEndpoint'),
    smoozAccountId: SMOOZ_ACCOUNT,
    adminTokens: [ADMIN_TOKEN],
    transitionDelayMs: 0,
  };
  const dataSources = worldDataSources(inject('testWorldFile'));
  server = await startSmoozServer({ ...common, dataSources });
  wrongPassword = await startSmoozServer({
    ...common,
    dataSources: {
      ...dataSources,
      login: (port) => {
        const login = dataSources.login(port);
        return login && { ...login, password: 'not-the-password' };
      },
    },
  });
});

afterAll(async () => {
  await server.close();
  await wrongPassword.close();
  elb.destroy();
});

const api = (on: SmoozServer): SmoozApi =>
  createSmoozClient({ baseUrl: on.url, token: async () => ADMIN_TOKEN, maxAttempts: 1 });

/** A customer's endpoint service whose NLB forwards to `target`, and SMOOZ's connection to it. */
async function connectionTo(
  target: { address: string; port: number },
  options: { iam?: boolean; on?: SmoozServer } = {},
): Promise<{ id: string; service: CustomerService; api: SmoozApi }> {
  const service = await createCustomerEndpointService(
    inject('motoEndpoint'),
    SMOOZ_ACCOUNT,
    undefined,
    target,
  );
  const client = api(options.on ?? server);
  const created = await client.createConnection(
    {
      name: 'connectivity',
      customerAwsAccountId: '123456789012',
      region: 'ap-northeast-1',
      availabilityZones: service.zones,
      endpointServiceName: service.serviceName,
      ...(options.iam
        ? { dbAuthMethod: 'iam', iamRoleArn: 'arn:aws:iam::123456789012:role/smooz-rds-connect' }
        : { dbAuthMethod: 'password' }),
    },
    randomUUID(),
  );
  return { id: created.id, service, api: client };
}

const at = (db: WorldDatabase) => ({ address: db.address, port: db.port });

describe('SMOOZ connectivity test: a real login through the customer’s PrivateLink path', () => {
  it.each(Object.values(world.databases))(
    'logs in to $engine at the healthy target and runs SELECT 1',
    async (db) => {
      const { id, api: client } = await connectionTo(at(db));
      const result = await client.testConnectivity(id);
      expect(result).toMatchObject({ outcome: 'succeeded', checked: 'query', target: at(db) });
      expect(result.brokenLink).toBeUndefined();
    },
  );

  it.each(Object.values(world.databases))(
    'checks an IAM-auth connection to $engine as far as the handshake, and says so',
    async (db) => {
      const { id, api: client } = await connectionTo(at(db), { iam: true });
      expect(await client.testConnectivity(id)).toMatchObject({
        outcome: 'succeeded',
        checked: 'handshake',
      });
    },
  );

  it('names a connection SMOOZ holds no database login for', async () => {
    const bare = await startSmoozServer({
      motoEndpoint: inject('motoEndpoint'),
      smoozAccountId: SMOOZ_ACCOUNT,
      adminTokens: [ADMIN_TOKEN],
      transitionDelayMs: 0,
    });
    try {
      const { id, api: client } = await connectionTo(at(world.databases.postgres), { on: bare });
      expect(await client.testConnectivity(id)).toMatchObject({
        outcome: 'failed',
        brokenLink: 'no-data-source',
      });
    } finally {
      await bare.close();
    }
  });

  it('names a refused login as an authentication failure', async () => {
    const { postgres } = world.databases;
    const { id, api: client } = await connectionTo(at(postgres), { on: wrongPassword });
    expect(await client.testConnectivity(id)).toMatchObject({
      outcome: 'failed',
      brokenLink: 'authentication-failed',
      target: at(postgres),
    });
  });

  it('names a target where nothing listens as a refused TCP connection', async () => {
    const port = world.databases.postgres.port;
    const { id, api: client } = await connectionTo({ address: world.nlbAddress, port });
    expect(await client.testConnectivity(id)).toMatchObject({
      outcome: 'failed',
      brokenLink: 'tcp-refused',
      target: { address: world.nlbAddress, port },
    });
  });

  it('names a load balancer without a listener', async () => {
    const { id, service, api: client } = await connectionTo(at(world.databases.postgres));
    await elb.send(new DeleteListenerCommand({ ListenerArn: service.listenerArn }));
    expect(await client.testConnectivity(id)).toMatchObject({
      outcome: 'failed',
      brokenLink: 'no-listener',
    });
  });

  it('names a target group without a registered target', async () => {
    const { postgres } = world.databases;
    const { id, service, api: client } = await connectionTo(at(postgres));
    await elb.send(
      new DeregisterTargetsCommand({
        TargetGroupArn: service.targetGroupArn,
        Targets: [{ Id: postgres.address, Port: postgres.port }],
      }),
    );
    expect(await client.testConnectivity(id)).toMatchObject({
      outcome: 'failed',
      brokenLink: 'target-not-registered',
    });
  });

  it('names a target registered on another port than the listener’s', async () => {
    const { postgres } = world.databases;
    const { id, service, api: client } = await connectionTo(at(postgres));
    await elb.send(
      new DeregisterTargetsCommand({
        TargetGroupArn: service.targetGroupArn,
        Targets: [{ Id: postgres.address, Port: postgres.port }],
      }),
    );
    await elb.send(
      new RegisterTargetsCommand({
        TargetGroupArn: service.targetGroupArn,
        Targets: [{ Id: postgres.address, Port: postgres.port + 1 }],
      }),
    );
    expect(await client.testConnectivity(id)).toMatchObject({
      outcome: 'failed',
      brokenLink: 'wrong-port',
      target: { address: postgres.address, port: postgres.port + 1 },
    });
  });

  it('names MariaDB blocking the NLB’s address after its health checks', async () => {
    const { mariadb } = world.databases;
    const { id, api: client } = await connectionTo(at(mariadb));
    const admin = await mysql.createConnection({
      ...at(mariadb),
      host: mariadb.address,
      user: mariadb.user,
      password: mariadb.password,
    });
    try {
      await admin.query('SET GLOBAL max_connect_errors = 3');
      for (let i = 0; i < 3; i++) await healthCheckConnect(mariadb, world.nlbAddress);
      expect(await client.testConnectivity(id)).toMatchObject({
        outcome: 'failed',
        brokenLink: 'host-blocked',
        target: at(mariadb),
      });
    } finally {
      await admin.query('SET GLOBAL max_connect_errors = DEFAULT');
      await admin.query('FLUSH HOSTS');
      await admin.end();
    }
  });

  /** A TCP server at the database port that answers each connection with `answer`. */
  async function impostor(
    answer: (socket: Socket) => void,
  ): Promise<{ address: string; server: Server }> {
    const port = world.databases.postgres.port;
    const address = await freeLoopbackAddress(port);
    const server = createServer(answer);
    await new Promise<void>((resolve) => server.listen(port, address, resolve));
    return { address, server };
  }

  it('names a target that accepts the connection but never answers as a timeout', async () => {
    const { address, server } = await impostor(() => undefined);
    try {
      const { id, api: client } = await connectionTo({
        address,
        port: world.databases.postgres.port,
      });
      expect(await client.testConnectivity(id)).toMatchObject({
        outcome: 'failed',
        brokenLink: 'timeout',
      });
    } finally {
      server.close();
    }
  });

  it('names a target where another service answers as a protocol error', async () => {
    const { address, server } = await impostor((socket) =>
      socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n'),
    );
    try {
      const { id, api: client } = await connectionTo({
        address,
        port: world.databases.postgres.port,
      });
      expect(await client.testConnectivity(id)).toMatchObject({
        outcome: 'failed',
        brokenLink: 'protocol-error',
      });
    } finally {
      server.close();
    }
  });
});
