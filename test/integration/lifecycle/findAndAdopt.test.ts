import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { DescribeVpcEndpointServicePermissionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  DescribeLoadBalancerAttributesCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { EventBridgeClient, ListRulesCommand } from '@aws-sdk/client-eventbridge';
import { GetFunctionConfigurationCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createAwsClient } from '../../../main/aws/clientFactory';
import { createStoreAdoptionRepository } from '../../../main/lifecycle/adoptionRepository';
import { silentLogger } from '../../../main/base/logger';
import { storeOptions, type PersistedState } from '../../../main/app/storeSchema';
import { accountSnapshot } from '../../support/accountSnapshot';
import { createEngineHarness } from '../../support/engineHarness';
import { driveToEnd } from '../../support/engineFlows';
import { SMOOZ_TEMPLATE_VERSION } from '../../../shared/stack/templateVersion';
import { findSetups, type FinderDeps } from '../../../main/lifecycle/findSetups';
import type { SmoozApi } from '../../../main/smooz/smoozApiClient';
import { diagnose } from '../../../shared/lifecycle/diagnosis';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';
import {
  lifecycleServiceFor,
  SMOOZ_ACCOUNT,
  handMadeWorldPerFile,
} from '../../support/lifecycle/handMadeWorld';
import type { ManualDeployment } from '../../support/lifecycle/manualSetup';
import type { SeededAccount } from '../../support/seedAccount';

const endpoint = inject('motoEndpoint');
const handMade = handMadeWorldPerFile({ smoozDelayMs: 0 });
let smooz: SmoozApi;
let seeded: SeededAccount;
let manual: ManualDeployment;
let smoozConnectionId: string;
let finder: FinderDeps;
/** The state folder of the app that adopted the hand-made setup. */
let adoptedIn: string;

beforeAll(() => {
  ({ smooz, seeded, manual, smoozConnectionId, finder } = handMade());
});

/** The lifecycle service as the app assembles it, on a fresh store (or a given one). */
async function lifecycleOn(connectionIds: string[] = [], dir?: string) {
  const cwd = dir ?? (await mkdtemp(join(tmpdir(), 'smooz-lifecycle-')));
  const store = new Conf<PersistedState>({ ...storeOptions('0.1.0'), cwd });
  return {
    dir: cwd,
    store,
    lifecycle: lifecycleServiceFor(
      handMade(),
      createStoreAdoptionRepository(store, silentLogger),
      () => connectionIds,
    ),
  };
}

describe('a setup made by hand from the manual', () => {
  it('carries SMOOZ’s traffic to the real PostgreSQL before the app touches it', async () => {
    expect(await smooz.testConnectivity(smoozConnectionId)).toMatchObject({
      outcome: 'succeeded',
      checked: 'query',
    });
  });
});

describe('finding and diagnosing it', () => {
  const scan = () => findSetups(finder, { profile: 'moto', region: 'ap-northeast-1' });

  it('finds it by what it is: service → NLB → target group → PostgreSQL, its Python updater and rule', async () => {
    const { setups, smoozAccountId } = await scan();
    expect(smoozAccountId).toBe(SMOOZ_ACCOUNT);
    expect(setups).toHaveLength(1);
    const [setup] = setups;
    expect(setup).toMatchObject({
      key: manual.endpointServiceId,
      origin: 'handMade',
      stack: { name: 'smooz-privatelink', status: 'CREATE_COMPLETE' },
      endpointService: {
        name: manual.endpointServiceName,
        allowedPrincipals: [`arn:aws:iam::${SMOOZ_ACCOUNT}:root`],
      },
      loadBalancer: {
        arn: manual.loadBalancerArn,
        crossZone: false,
        zones: [{ name: 'ap-northeast-1a' }],
      },
      targetGroups: [{ arn: manual.targetGroupArn, port: 5432 }],
      database: { kind: 'instance', identifier: 'customer-postgres', multiAz: true, port: 5432 },
      updater: {
        functionName: 'smooz-privatelink-function',
        runtime: 'python3.9',
        inVpc: true,
        egress: 'nat',
        triggers: [{ kind: 'rdsEvent', eventCategories: ['failover'], enabled: true }],
      },
      smooz: { connectionId: smoozConnectionId, status: 'available' },
      connectivity: { ran: true, outcome: 'succeeded', checked: 'query' },
    });
    expect(setup?.stack?.templateVersion).toBeUndefined();
    expect(setup?.database?.addresses).toEqual(
      setup?.targetGroups[0]?.targets.map((t) => t.address),
    );
  });

  it('diagnoses the manual’s known problems, SMOOZ’s working connection first', async () => {
    const [setup] = (await scan()).setups;
    if (!setup) throw new Error('not found');
    const findings = diagnose(setup, { today: '2026-12-02', smoozAccountId: SMOOZ_ACCOUNT });
    expect(findings[0]).toMatchObject({ id: 'connectivitySucceeded', severity: 'ok' });
    expect(findings.map((f) => f.id).sort()).toEqual(
      [
        'connectivitySucceeded',
        'runtimeDeprecated',
        'singleAzForMultiAzDatabase',
        'noCrossZone',
        'noScheduleBackstop',
        'narrowRdsEvents',
        'egressThroughNat',
        'ingressWiderThanLoadBalancer',
        'openToWholeSmoozAccount',
        'handMade',
      ].sort(),
    );
  });
});

/** The setup's own state beyond the account snapshot: who may connect, targets, the function, rules. */
async function setupState() {
  const config = motoAppConfig(endpoint);
  const ec2 = createAwsClient(EC2Client, config, motoContext);
  const elb = createAwsClient(ElasticLoadBalancingV2Client, config, motoContext);
  const lambda = createAwsClient(LambdaClient, config, motoContext);
  const events = createAwsClient(EventBridgeClient, config, motoContext);
  const [permissions, targets, attributes, fn, rules] = await Promise.all([
    ec2.send(
      new DescribeVpcEndpointServicePermissionsCommand({ ServiceId: manual.endpointServiceId }),
    ),
    elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: manual.targetGroupArn })),
    elb.send(
      new DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: manual.loadBalancerArn }),
    ),
    lambda.send(new GetFunctionConfigurationCommand({ FunctionName: manual.functionName })),
    events.send(new ListRulesCommand({})),
  ]);
  return {
    account: await accountSnapshot(endpoint),
    principals: permissions.AllowedPrincipals?.map((p) => p.Principal),
    targets: targets.TargetHealthDescriptions?.map((t) => t.Target),
    attributes: attributes.Attributes,
    function: { runtime: fn.Runtime, environment: fn.Environment, vpc: fn.VpcConfig?.SubnetIds },
    rules: rules.Rules?.map((r) => [r.Name, r.State, r.EventPattern, r.ScheduleExpression]),
    smooz: (await smooz.listConnections()).items.map((c) => [
      c.id,
      c.status,
      c.endpointServiceName,
    ]),
  };
}

describe('adopting it', () => {
  it('makes it a connection of this app, re-checked by later scans, with nothing changed in AWS or at SMOOZ', async () => {
    const { lifecycle, store, dir } = await lifecycleOn();
    adoptedIn = dir;
    const before = await setupState();

    const scan = await lifecycle.scan('moto', 'ap-northeast-1');
    expect(scan.setups.map((s) => s.tracking)).toEqual(['none']);
    const adopted = await lifecycle.adopt({
      profile: 'moto',
      region: 'ap-northeast-1',
      key: manual.endpointServiceId,
      name: '本番 PostgreSQL',
    });
    expect(adopted).toMatchObject({
      step: 'adopted',
      origin: 'handMade',
      smoozConnectionId,
      parts: {
        endpointServiceId: manual.endpointServiceId,
        loadBalancerArn: manual.loadBalancerArn,
        targetGroupArns: [manual.targetGroupArn],
        updaterFunctionName: manual.functionName,
        stackName: manual.stackName,
        databaseIdentifier: 'customer-postgres',
      },
    });
    // Persisted: another instance on the same store sees it.
    expect(
      createStoreAdoptionRepository(store, silentLogger).load(manual.endpointServiceId)?.step,
    ).toBe('adopted');

    const again = await lifecycle.scan('moto', 'ap-northeast-1');
    expect(again.setups[0]).toMatchObject({ tracking: 'adoption', adoption: { step: 'adopted' } });
    expect(
      again.setups[0]?.adoption?.step === 'adopted' &&
        again.setups[0].adoption.lastCheckedAt >= adopted.startedAt,
    ).toBe(true);
    expect(await setupState()).toEqual(before);
  });

  it('refuses to adopt a setup the latest scan of that profile and region did not show', async () => {
    const { lifecycle } = await lifecycleOn();
    await expect(
      lifecycle.adopt({
        profile: 'moto',
        region: 'ap-northeast-1',
        key: manual.endpointServiceId,
        name: 'x',
      }),
    ).rejects.toMatchObject({ code: 'lifecycle.notScanned' });
  });
});

describe('a setup this app made, beside the hand-made one', () => {
  it('is found as the app’s, on the current template version, and tracked as a connection', async () => {
    const { engine } = createEngineHarness(endpoint);
    const created = await engine.create({
      profile: 'moto',
      region: seeded.region,
      connectionName: 'aurora-app',
      database: { kind: 'cluster', identifier: seeded.aurora.identifier },
      authMethod: 'password',
      smoozAccountId: SMOOZ_ACCOUNT,
      smoozRoleArn: `arn:aws:iam::${SMOOZ_ACCOUNT}:role/smooz-privatelink`,
    });
    const connectionId = created.plan.connectionId;
    expect((await driveToEnd(engine, connectionId)).step).toBe('complete');

    const { lifecycle } = await lifecycleOn([connectionId]);
    const scan = await lifecycle.scan('moto', 'ap-northeast-1');
    expect(scan.setups).toHaveLength(2);
    const app = scan.setups.find((s) => s.setup.origin === 'app');
    expect(app).toMatchObject({
      tracking: 'connection',
      setup: {
        stack: { templateVersion: SMOOZ_TEMPLATE_VERSION, connectionId },
        loadBalancer: { crossZone: true },
        database: { kind: 'cluster', identifier: seeded.aurora.identifier },
        // The app's default placement: the updater outside the VPC.
        updater: { runtime: 'nodejs24.x', inVpc: false },
      },
    });
    const ids = app?.findings.map((f) => f.id) ?? [];
    expect(ids).not.toContain('handMade');
    expect(ids).not.toContain('templateVersionBehind');
    expect(ids).not.toContain('noCrossZone');
    expect(ids).not.toContain('noScheduleBackstop');
    expect(scan.setups.find((s) => s.setup.origin === 'handMade')?.setup.key).toBe(
      manual.endpointServiceId,
    );
  });
});

describe('tearing the adopted setup down on request', () => {
  it('removes SMOOZ’s connection, then the stack that holds it, and nothing else', async () => {
    const before = await accountSnapshot(endpoint);
    // The same app after a restart: the adoption comes from its store.
    const { lifecycle } = await lifecycleOn([], adoptedIn);
    const done = await lifecycle.teardown(manual.endpointServiceId);
    expect(done).toMatchObject({ step: 'tornDown', removed: ['smoozConnection', 'stack'] });
    const after = await accountSnapshot(endpoint);
    expect(after.stacks).toEqual(before.stacks.filter((s) => s !== manual.stackName));
    expect(after.endpointServices).toEqual(
      before.endpointServices.filter((id) => id !== manual.endpointServiceId),
    );
    expect(after.functions).toEqual(before.functions.filter((f) => f !== manual.functionName));
    expect(after.loadBalancers).toEqual(
      before.loadBalancers.filter((arn) => arn !== manual.loadBalancerArn),
    );
    expect((await smooz.listConnections()).items.map((c) => c.id)).not.toContain(smoozConnectionId);
    // Asked again, it answers the finished teardown as it is.
    expect((await lifecycle.teardown(manual.endpointServiceId)).step).toBe('tornDown');
  });
});
