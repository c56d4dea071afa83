import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { EngineEvent } from '../../../main/engine/setupEngine';
import { accountSnapshot, snapshotDelta } from '../../support/accountSnapshot';
import { createEngineHarness } from '../../support/engineHarness';
import { postgresRequest, tearDownFully } from '../../support/engineFlows';
import { resetMoto } from '../../support/motoServer';
import { seedCustomerAccount, type SeededAccount } from '../../support/seedAccount';

/** What the VPC's resolver answers for a host (the moto plug-in's override; null: the default). */
async function vpcDns(endpoint: string, hostname: string, addresses: string[] | null) {
  const res = await fetch(`${endpoint}/moto-api/smooz/vpc-dns`, {
    method: 'POST',
    body: JSON.stringify({ hostname, addresses }),
  });
  if (!res.ok) throw new Error(`vpc-dns override answered HTTP ${res.status}`);
}

describe('setup engine: a stack that fails', () => {
  const endpoint = inject('motoEndpoint');
  let seeded: SeededAccount;
  let host = '';

  beforeAll(async () => {
    await resetMoto(endpoint);
    seeded = await seedCustomerAccount(endpoint);
  });
  afterEach(() => vpcDns(endpoint, host, null));

  it('reports the failing resource with its reason, keeps the rolled-back stack in the ledger, and teardown removes it with the rest', async () => {
    const before = await accountSnapshot(endpoint);
    const calls: string[] = [];
    const { engine } = createEngineHarness(endpoint, {
      onApiCall: (_service, operation) => calls.push(operation),
    });
    const events: EngineEvent[] = [];
    engine.subscribe((e) => events.push(e));
    const created = await engine.create(postgresRequest(seeded, 'fails-once'));
    const id = created.plan.connectionId;
    host = created.plan.database.endpoint;
    // The updater cannot resolve the database: the stack's first registration fails.
    await vpcDns(endpoint, host, []);

    expect((await engine.runPreflight(id)).step).toBe('ready');
    await engine.start(id);
    const failed = await engine.settled(id);
    expect(failed).toMatchObject({
      step: 'failed',
      resumeStep: 'creatingStack',
      error: { code: 'setup.stackFailed', params: { resource: 'TargetRegistration' } },
      stackFailure: {
        stackStatus: 'ROLLBACK_COMPLETE',
        logicalResourceId: 'TargetRegistration',
        resourceType: 'Custom::TargetRegistration',
      },
    });
    expect(failed.step === 'failed' && failed.stackFailure?.reason).toContain(
      `DNS lookup of ${host} failed`,
    );
    // The failing event reached the renderer with the stack events.
    const streamed = events.flatMap((e) => (e.type === 'stackEvents' ? e.events : []));
    expect(streamed.some((e) => e.status === 'CREATE_FAILED')).toBe(true);

    // Nothing is retried on its own, and the ledger keeps the rolled-back stack for teardown.
    expect(calls.filter((c) => c === 'CreateStack')).toHaveLength(1);
    expect(failed.created.map((r) => r.kind)).toEqual([
      'securityGroup',
      'ingressRule',
      'ingressRule',
      'ingressRule',
      'ingressRule',
      'stack',
    ]);
    expect(snapshotDelta(before, await accountSnapshot(endpoint)).stacks).toEqual([
      failed.plan.stackName,
    ]);

    // The user gives up instead: teardown removes the failed stack and everything else.
    const torn = await tearDownFully(engine, id);
    expect(torn.step === 'tornDown' && torn.teardown.removed.map((r) => r.kind)).toEqual([
      'stack',
      'ingressRule',
      'ingressRule',
      'ingressRule',
      'ingressRule',
      'securityGroup',
    ]);
    // What the app made itself is gone. (moto's emulated rollback leaves the stack's functions,
    // roles and target group behind, which CloudFormation deletes; so only the app's own.)
    const after = await accountSnapshot(endpoint);
    expect(after.securityGroups).toEqual(before.securityGroups);
    expect(after.stacks).toEqual(before.stacks);
    expect(after.vpcEndpoints).toEqual(before.vpcEndpoints);
  });
});
