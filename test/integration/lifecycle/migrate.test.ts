import {
  DescribeVpcEndpointConnectionsCommand,
  DescribeVpcEndpointServiceConfigurationsCommand,
  DescribeVpcEndpointServicePermissionsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { describe, expect, inject, it } from 'vitest';
import { createAwsClient } from '../../../main/aws/clientFactory';
import { accountSnapshot } from '../../support/accountSnapshot';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';
import { nlbAndConnectionCidrs } from '../../support/loadBalancerInterfaces';
import {
  adoptHandMade,
  handMadeWorldPerFile,
  migrationRequest,
} from '../../support/lifecycle/handMadeWorld';
import { connectivityLoop, migrationApp } from './migrationHarness';

const endpoint = inject('motoEndpoint');
const ec2 = createAwsClient(EC2Client, motoAppConfig(endpoint), motoContext);
const handMade = handMadeWorldPerFile({ smoozDelayMs: 200 });

describe('migrating the manual-style setup side by side', () => {
  it('moves SMOOZ to a setup of the current design (its role alone, its endpoint accepted by the app, the NLB’s /32s) with zero failed connectivity tests, and removes the old one', async () => {
    const world = handMade();
    const { smooz, manual, smoozConnectionId, beforeManual, seeded } = world;
    const app = migrationApp(endpoint, world);
    const adopted = await adoptHandMade(app.lifecycle, world);
    expect(adopted.step).toBe('adopted');

    const oldEndpointId = (await smooz.getConnection(smoozConnectionId)).vpcEndpointId;
    const loop = connectivityLoop(smooz, smoozConnectionId);
    const seen: string[] = [];
    const unsubscribe = app.migrator.subscribe(({ state }) =>
      seen.push(`${state.phase}:${'step' in state ? state.step : ''}`),
    );
    await app.migrator.start(manual.endpointServiceId, migrationRequest(world));
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

    // The new setup became the app's line for SMOOZ's connection when SMOOZ switched to it.
    expect(app.links).toEqual([[end.newConnectionId, smoozConnectionId]]);

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
    const cidrs = await nlbAndConnectionCidrs(endpoint, {
      loadBalancerArn: service?.NetworkLoadBalancerArns?.[0] ?? '',
      groupId: seeded.postgres.securityGroupId,
      port: 5432,
      connectionId: end.newConnectionId ?? '-',
    });
    expect(cidrs.nlb).not.toHaveLength(0);
    expect(cidrs.admitted).toEqual(cidrs.nlb);

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
  }, 300_000);
});
