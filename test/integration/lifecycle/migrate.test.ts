import {
  DescribeSecurityGroupsCommand,
  DescribeVpcEndpointConnectionsCommand,
  DescribeVpcEndpointServiceConfigurationsCommand,
  DescribeVpcEndpointServicePermissionsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAwsClient } from '../../../main/aws/clientFactory';
import type { FinderDeps } from '../../../main/lifecycle/findSetups';
import { createSmoozClient, type SmoozApi } from '../../../main/smooz/smoozApiClient';
import type { NewSetupRequest } from '../../../shared/lifecycle/migrate';
import { accountSnapshot, type AccountSnapshot } from '../../support/accountSnapshot';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';
import { loadBalancerInterfaces } from '../../support/loadBalancerInterfaces';
import {
  connectSmoozTo,
  deployManualSetup,
  motoVpcResolver,
  type ManualDeployment,
} from '../../support/lifecycle/manualSetup';
import { resetMoto } from '../../support/motoServer';
import { seedCustomerAccount, type SeededAccount } from '../../support/seedAccount';
import { startSmoozServer, type SmoozServer } from '../../smooz-server/smoozServer';
import { worldDataSources } from '../../smooz-server/worldDataSources';
import { ADMIN_TOKEN } from '../smooz/harness';
import { connectivityLoop, migrationApp } from './migrationHarness';

const SMOOZ_ACCOUNT = '210987654321';
const endpoint = inject('motoEndpoint');
const worldFile = inject('testWorldFile');
const ec2 = createAwsClient(EC2Client, motoAppConfig(endpoint), motoContext);
let server: SmoozServer;
let smooz: SmoozApi;
let seeded: SeededAccount;
let manual: ManualDeployment;
let smoozConnectionId: string;
let finder: FinderDeps;
let beforeManual: AccountSnapshot;

beforeAll(async () => {
  await resetMoto(endpoint);
  seeded = await seedCustomerAccount(endpoint);
  server = await startSmoozServer({
    motoEndpoint: endpoint,
    smoozAccountId: SMOOZ_ACCOUNT,
    adminTokens: [ADMIN_TOKEN],
    transitionDelayMs: 200,
    dataSources: worldDataSources(worldFile),
  });
  smooz = createSmoozClient({
    baseUrl: server.url,
    token: async () => ADMIN_TOKEN,
    maxAttempts: 1,
  });
  beforeManual = await accountSnapshot(endpoint);
  manual = await deployManualSetup(endpoint, worldFile, seeded, {
    stackName: 'smooz-privatelink',
    functionName: 'smooz-privatelink-function',
  });
  smoozConnectionId = await connectSmoozTo(smooz, manual, '本番 PostgreSQL');
  finder = {
    config: motoAppConfig(endpoint),
    contextFor: async (_profile, region) => ({ ...motoContext, region }),
    smooz,
    resolve: motoVpcResolver(endpoint),
  };
}, 180_000);

afterAll(async () => {
  await server.close();
});

const request = (): NewSetupRequest => ({
  connectionName: '本番 PostgreSQL',
  database: { kind: 'instance', identifier: seeded.postgres.identifier },
  authMethod: 'password',
  smoozAccountId: SMOOZ_ACCOUNT,
});

describe('migrating the manual-style setup side by side', () => {
  it('moves SMOOZ to a setup of the current design (its role alone, its endpoint accepted by the app, the NLB’s /32s) with zero failed connectivity tests, and removes the old one', async () => {
    const app = migrationApp(endpoint, smooz, finder);
    await app.lifecycle.scan('moto', 'ap-northeast-1');
    const adopted = await app.lifecycle.adopt({
      profile: 'moto',
      region: 'ap-northeast-1',
      key: manual.endpointServiceId,
      name: '本番 PostgreSQL',
    });
    expect(adopted.step).toBe('adopted');

    const oldEndpointId = (await smooz.getConnection(smoozConnectionId)).vpcEndpointId;
    const loop = connectivityLoop(smooz, smoozConnectionId);
    const seen: string[] = [];
    const unsubscribe = app.migrator.subscribe(({ state }) =>
      seen.push(`${state.phase}:${'step' in state ? state.step : ''}`),
    );
    await app.migrator.start(manual.endpointServiceId, request());
    const end = await app.migrator.settled(manual.endpointServiceId);
    unsubscribe();
    const { count, failures } = await loop.stop();
    console.info(`connectivity tests during the migration: ${count}, failed: ${failures.length}`);

    expect(end).toMatchObject({ phase: 'done' });
    expect(failures).toEqual([]);
    expect(count).toBeGreaterThan(10);
    expect(seen).toEqual([
      'running:creatingNewSetup',
      'running:connectingSmooz',
      'running:testingNewPath',
      'running:switching',
      'running:removingOldEndpoint',
      'running:tearingDownOld',
      'done:',
    ]);

    // SMOOZ is on the new service and still connects through it.
    const connection = await smooz.getConnection(smoozConnectionId);
    expect(connection).toMatchObject({
      status: 'available',
      endpointServiceName: end.newSetup?.endpointServiceName,
    });
    expect(connection.migration).toBeUndefined();
    expect(connection.retiredEndpoint).toBeUndefined();
    expect(connection.vpcEndpointId).not.toBe(oldEndpointId);
    expect(await smooz.testConnectivity(smoozConnectionId)).toMatchObject({
      outcome: 'succeeded',
      checked: 'query',
    });

    // The old parts are gone; what is left beyond the seeded account is the new setup alone.
    const after = await accountSnapshot(endpoint);
    expect(after.stacks).not.toContain('smooz-privatelink');
    expect(after.endpointServices).not.toContain(manual.endpointServiceId);
    expect(after.loadBalancers).not.toContain(manual.loadBalancerArn);
    expect(after.targetGroups).not.toContain(manual.targetGroupArn);
    expect(after.functions).not.toContain(manual.functionName);
    expect(after.endpointServices).toHaveLength(beforeManual.endpointServices.length + 1);
    expect(after.stacks).toHaveLength(beforeManual.stacks.length + 1);
    expect(
      app.lifecycle.listAdoptions().find((a) => a.key === manual.endpointServiceId)?.step,
    ).toBe('released');

    // The new setup is least-privileged like any new one: SMOOZ's role alone (from SMOOZ's
    // settings), acceptance required and SMOOZ's endpoint accepted, the NLB's own /32s admitted.
    const settings = await smooz.getSettings();
    const service = (
      await ec2.send(
        new DescribeVpcEndpointServiceConfigurationsCommand({
          Filters: [{ Name: 'service-name', Values: [end.newSetup?.endpointServiceName ?? ''] }],
        }),
      )
    ).ServiceConfigurations?.[0];
    expect(service?.AcceptanceRequired).toBe(true);
    const permissions = await ec2.send(
      new DescribeVpcEndpointServicePermissionsCommand({ ServiceId: service?.ServiceId }),
    );
    expect(permissions.AllowedPrincipals?.map((p) => p.Principal)).toEqual([settings.smoozRoleArn]);
    const connections = await ec2.send(
      new DescribeVpcEndpointConnectionsCommand({
        Filters: [{ Name: 'service-id', Values: [service?.ServiceId ?? ''] }],
      }),
    );
    expect(
      connections.VpcEndpointConnections?.map((c) => [c.VpcEndpointId, c.VpcEndpointState]),
    ).toEqual([[connection.vpcEndpointId, 'available']]);
    const nlb = await loadBalancerInterfaces(endpoint, service?.NetworkLoadBalancerArns?.[0] ?? '');
    const group = (
      await ec2.send(
        new DescribeSecurityGroupsCommand({ GroupIds: [seeded.postgres.securityGroupId] }),
      )
    ).SecurityGroups?.[0];
    const newRules = (group?.IpPermissions ?? [])
      .filter((p) => p.FromPort === 5432)
      .flatMap((p) => p.IpRanges ?? [])
      .filter((r) => r.Description?.includes(end.newConnectionId ?? '-'))
      .map((r) => r.CidrIp);
    expect(nlb).not.toHaveLength(0);
    expect(newRules.sort()).toEqual(nlb.map((eni) => `${eni.address}/32`).sort());
  }, 300_000);
});
