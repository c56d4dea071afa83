import {
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createAwsClient } from '../../../main/aws/clientFactory';
import type { SetupState } from '../../../shared/flow/state';
import { probeDatabase } from '../../smooz-server/databaseProbe';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';
import { createEngineHarness } from '../../support/engineHarness';
import { driveToEnd, postgresRequest } from '../../support/engineFlows';
import { resetMoto } from '../../support/motoServer';
import { failOver } from '../../support/realDatabases/failoverDrill';
import { readTestWorld } from '../../support/realDatabases/world';
import { seedCustomerAccount } from '../../support/seedAccount';

/**
 * The updater reserves no concurrency, so an RDS event, the schedule and more events can run it at
 * the same time. Here the deployed updater runs many times at once around a real failover of the
 * test world's PostgreSQL, while a watcher reads the target group as SMOOZ's traffic would meet it.
 */
describe('overlapping runs of the deployed updater around a real failover', () => {
  const endpoint = inject('motoEndpoint');
  const worldFile = inject('testWorldFile');
  const config = motoAppConfig(endpoint);
  const elb = createAwsClient(ElasticLoadBalancingV2Client, config, motoContext);
  const lambda = createAwsClient(LambdaClient, config, motoContext);
  let done: SetupState;
  let targetGroupArn: string;

  const targets = async () => {
    const out = await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }));
    return (out.TargetHealthDescriptions ?? [])
      .filter((d) => d.TargetHealth?.State !== 'draining')
      .map((d) => `${d.Target?.Id}:${d.Target?.Port}`)
      .sort();
  };
  const invoke = async (trigger: object) => {
    const res = await lambda.send(
      new InvokeCommand({
        FunctionName: done.plan.lambdaFunctionName,
        Payload: JSON.stringify(trigger),
      }),
    );
    const payload = Buffer.from(res.Payload ?? []).toString();
    if (res.FunctionError) throw new Error(`updater failed: ${payload}`);
    return JSON.parse(payload) as { status: string };
  };
  const scheduled = { source: 'aws.events', 'detail-type': 'Scheduled Event', detail: {} };

  beforeAll(async () => {
    await resetMoto(endpoint);
    const seeded = await seedCustomerAccount(endpoint);
    const { engine } = createEngineHarness(endpoint);
    const created = await engine.create(postgresRequest(seeded, 'overlapping-runs'));
    done = await driveToEnd(engine, created.plan.connectionId);
    if (done.step !== 'complete') throw new Error(`setup stopped at ${done.step}`);
    targetGroupArn = done.outputs.targetGroupArn;
  });

  it('never leaves the target group empty or wrong, and SMOOZ’s SELECT 1 works through it', async () => {
    const before = readTestWorld(worldFile).databases.postgres;
    expect(await targets()).toEqual([`${before.address}:${before.port}`]);

    const seen: string[][] = [];
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        seen.push(await targets());
        await sleep(20);
      }
    })();

    // Runs that look up the old address, a failover while they work, runs that see the new one.
    const early = Array.from({ length: 4 }, () => invoke(scheduled));
    await sleep(150);
    const moving = failOver(worldFile, 'postgres');
    const during = Array.from({ length: 2 }, () => invoke(scheduled));
    const { address } = await moving;
    const late = Array.from({ length: 4 }, () =>
      invoke({
        source: 'aws.rds',
        'detail-type': 'RDS DB Instance Event',
        detail: { EventID: 'RDS-EVENT-0049', Message: 'Multi-AZ failover has completed.' },
      }),
    );
    const outcomes = await Promise.all([...early, ...during, ...late]);
    watching = false;
    await watcher;

    const moved = readTestWorld(worldFile).databases.postgres;
    expect(moved.address).toBe(address);
    expect(outcomes.map((o) => o.status)).toContain('updated');
    // Never empty while the runs overlapped, and every snapshot names a real address of the drill.
    expect(seen.length).toBeGreaterThan(5);
    for (const snapshot of seen) {
      expect(snapshot.length, JSON.stringify({ seen, outcomes })).toBeGreaterThan(0);
      for (const target of snapshot) {
        expect([`${before.address}:5432`, `${address}:5432`]).toContain(target);
      }
    }
    // When they are all done, exactly the new address is left: no stale run put the old one back.
    expect(await targets()).toEqual([`${address}:${moved.port}`]);
    const world = readTestWorld(worldFile);
    expect(
      await probeDatabase(
        { address: moved.address, port: moved.port, sourceAddress: world.nlbAddress },
        moved,
      ),
    ).toEqual({ ok: true, checked: 'query' });

    // And the next scheduled run finds nothing to do.
    expect(await invoke(scheduled)).toMatchObject({ status: 'unchanged' });
  });
});
