import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAwsClient } from '../../../main/aws/clientFactory';
import type { EngineEvent } from '../../../main/engine/setupEngine';
import { accountSnapshot, snapshotDelta } from '../../support/accountSnapshot';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';
import { createEngineHarness } from '../../support/engineHarness';
import { driveToEnd, postgresRequest, tearDownFully, insideVpc } from '../../support/engineFlows';
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

/** Log group names in the account (moto's CloudWatch Logs JSON API; no SDK client installed). */
async function logGroups(endpoint: string, region: string): Promise<string[]> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': 'Logs_20140328.DescribeLogGroups',
      Authorization: `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/${region}/logs/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: '{}',
  });
  if (!res.ok) throw new Error(`DescribeLogGroups answered HTTP ${res.status}`);
  const body = (await res.json()) as { logGroups?: { logGroupName: string }[] };
  return (body.logGroups ?? []).map((g) => g.logGroupName).sort();
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

  /** A flow whose database name does not resolve in the VPC: the stack's registration fails. */
  async function failedFlow(name: string, calls: string[], events: EngineEvent[] = []) {
    const { engine } = createEngineHarness(endpoint, {
      onApiCall: (_service, operation) => calls.push(operation),
    });
    engine.subscribe((e) => events.push(e));
    const created = await insideVpc(engine, await engine.create(postgresRequest(seeded, name)));
    const id = created.plan.connectionId;
    host = created.plan.database.endpoint;
    await vpcDns(endpoint, host, []);
    expect((await engine.runPreflight(id)).step).toBe('ready');
    await engine.start(id);
    return { engine, id, failed: await engine.settled(id) };
  }

  it('reports the failing resource with its reason, keeps the rolled-back stack in the ledger, and teardown removes it with the rest', async () => {
    const before = await accountSnapshot(endpoint);
    const logsBefore = await logGroups(endpoint, seeded.region);
    const calls: string[] = [];
    const events: EngineEvent[] = [];
    const { engine, id, failed } = await failedFlow('fails-once', calls, events);
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
    // Before the stack only the updater group's rule exists: the NLB's /32s follow a stack that
    // completes.
    expect(calls.filter((c) => c === 'CreateStack')).toHaveLength(1);
    expect(failed.created.map((r) => r.kind)).toEqual(['securityGroup', 'ingressRule', 'stack']);
    expect(snapshotDelta(before, await accountSnapshot(endpoint)).stacks).toEqual([
      failed.plan.stackName,
    ]);

    // The user gives up instead: teardown removes the failed stack and everything else.
    const torn = await tearDownFully(engine, id);
    expect(torn.step === 'tornDown' && torn.teardown.removed.map((r) => r.kind)).toEqual([
      'stack',
      'ingressRule',
      'securityGroup',
    ]);
    // The account is as it was: the app's own resources and everything the stack made.
    expect(await accountSnapshot(endpoint)).toEqual(before);
    expect(await logGroups(endpoint, seeded.region)).toEqual(logsBefore);
  });

  it('after the cause is fixed, delete-and-retry replaces the rolled-back stack with one that completes, and teardown leaves the account as before', async () => {
    const before = await accountSnapshot(endpoint);
    const logsBefore = await logGroups(endpoint, seeded.region);
    const calls: string[] = [];
    const { engine, id, failed } = await failedFlow('fails-then-retried', calls);
    expect(failed).toMatchObject({
      step: 'failed',
      stackFailure: { stackStatus: 'ROLLBACK_COMPLETE', logicalResourceId: 'TargetRegistration' },
    });

    // The rolled-back stack stays rolled back while the user reads the failure: describing it
    // neither lists outputs nor creates its resources again (which would re-run the failing
    // registration), and what the stack had made is gone, as CloudFormation's rollback leaves it.
    const cfn = createAwsClient(CloudFormationClient, motoAppConfig(endpoint), motoContext);
    const described = await cfn.send(
      new DescribeStacksCommand({ StackName: failed.plan.stackName }),
    );
    expect(described.Stacks?.[0]).toMatchObject({ StackStatus: 'ROLLBACK_COMPLETE' });
    expect(described.Stacks?.[0]?.Outputs ?? []).toEqual([]);
    const rolledBackNow = await accountSnapshot(endpoint);
    expect(snapshotDelta(before, rolledBackNow).stacks).toEqual([failed.plan.stackName]);
    expect({
      functions: rolledBackNow.functions,
      roles: rolledBackNow.roles,
      loadBalancers: rolledBackNow.loadBalancers,
      targetGroups: rolledBackNow.targetGroups,
      endpointServices: rolledBackNow.endpointServices,
    }).toEqual({
      functions: before.functions,
      roles: before.roles,
      loadBalancers: before.loadBalancers,
      targetGroups: before.targetGroups,
      endpointServices: before.endpointServices,
    });
    expect(await logGroups(endpoint, seeded.region)).toEqual(logsBefore);

    // The cause is fixed; the user presses delete-and-retry (resume of a failed stack).
    await vpcDns(endpoint, host, null);
    await engine.resume(id);
    await engine.settled(id);
    const end = await driveToEnd(engine, id);
    expect(end.step).toBe('complete');
    expect(calls.filter((c) => c === 'DeleteStack')).toHaveLength(1);
    expect(calls.filter((c) => c === 'CreateStack')).toHaveLength(2);
    const [stack] =
      (await cfn.send(new DescribeStacksCommand({ StackName: end.plan.stackName }))).Stacks ?? [];
    expect(stack).toMatchObject({ StackStatus: 'CREATE_COMPLETE' });
    expect(await logGroups(endpoint, seeded.region)).toEqual(
      expect.arrayContaining([
        `/aws/lambda/${end.plan.lambdaFunctionName}`,
        `/aws/lambda/${end.plan.lambdaFunctionName}-setup`,
      ]),
    );
    // A new stack, not the rolled-back one.
    const failedStack = failed.created.find((r) => r.kind === 'stack');
    expect(failedStack?.kind === 'stack' && failedStack.stackId).toMatch(/^arn:/);
    expect(stack?.StackId).not.toBe(failedStack?.kind === 'stack' && failedStack.stackId);

    expect((await tearDownFully(engine, id)).step).toBe('tornDown');
    expect(await accountSnapshot(endpoint)).toEqual(before);
    expect(await logGroups(endpoint, seeded.region)).toEqual(logsBefore);
  });
});
