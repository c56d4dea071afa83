import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DescribeChangeSetCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  type Parameter,
} from '@aws-sdk/client-cloudformation';
import { DescribeSubnetsCommand } from '@aws-sdk/client-ec2';
import { createAwsClient } from '../../../main/aws/clientFactory';
import { createEngineClients } from '../../../main/engine/engineClients';
import {
  ensureIngressRules,
  revokeRule,
  type RuleResource,
} from '../../../main/engine/securityGroups';
import { resourceKey } from '../../../shared/flow/resources';
import { motoAppConfig, motoContext } from '../awsTestConfig';
import type { EngineHarness } from '../engineHarness';
import { currentTemplate } from '../engineHarness';
import { SMOOZ_ACCOUNT_ID } from '../engineFlows';
import { versionTwoTemplate } from './olderTemplates';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs a change set made by the test itself to its end (CloudFormation's own calls). */
export async function runChangeSet(
  endpoint: string,
  stackName: string,
  input: { body: string; parameters: Parameter[] },
): Promise<void> {
  const cfn = createAwsClient(CloudFormationClient, motoAppConfig(endpoint), motoContext);
  const name = 'test-change';
  await cfn.send(
    new CreateChangeSetCommand({
      StackName: stackName,
      ChangeSetName: name,
      ChangeSetType: 'UPDATE',
      TemplateBody: input.body,
      Parameters: input.parameters,
      Capabilities: ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM'],
    }),
  );
  for (let i = 0; i < 100; i++) {
    const set = await cfn.send(
      new DescribeChangeSetCommand({ StackName: stackName, ChangeSetName: name }),
    );
    if (set.Status === 'CREATE_COMPLETE') break;
    if (set.Status === 'FAILED') throw new Error(set.StatusReason);
    await sleep(20);
  }
  await cfn.send(new ExecuteChangeSetCommand({ StackName: stackName, ChangeSetName: name }));
  for (let i = 0; i < 100; i++) {
    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks?.[0];
    if (stack?.StackStatus === 'UPDATE_COMPLETE') return;
    await sleep(20);
  }
}

/**
 * Puts a finished connection's stack on template v2 (⑧ SMOOZ's account, no acceptance) and saves
 * its plan without a role, as v2 plans were.
 */
export async function stackToVersionTwo(
  endpoint: string,
  harness: EngineHarness,
  connectionId: string,
): Promise<void> {
  const cfn = createAwsClient(CloudFormationClient, motoAppConfig(endpoint), motoContext);
  const state = harness.engine.get(connectionId);
  const stackName = state.plan.stackName;
  const stack = (await cfn.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks?.[0];
  await runChangeSet(endpoint, stackName, {
    body: versionTwoTemplate(await currentTemplate()),
    parameters: [
      ...(stack?.Parameters ?? [])
        .filter((p) => p.ParameterKey !== 'SmoozRoleArn')
        .map((p) => ({ ParameterKey: p.ParameterKey, UsePreviousValue: true })),
      { ParameterKey: 'SmoozAccountId', ParameterValue: SMOOZ_ACCOUNT_ID },
    ],
  });
  const { smoozRoleArn: _role, ...plan } = state.plan;
  harness.repository.save({ ...state, plan });
}

/**
 * The database's rules as template v2's release left them: this connection's NLB /32s give way to
 * its subnets' whole ranges, added the way that release added them (a range another connection
 * already has gets this connection's id in its description), and the ledger says so.
 */
export async function rulesToVersionTwo(
  endpoint: string,
  harness: EngineHarness,
  connectionId: string,
): Promise<RuleResource[]> {
  const clients = createEngineClients(motoAppConfig(endpoint), motoContext);
  const state = harness.engine.get(connectionId);
  const { plan } = state;
  const nlbRules = state.created.filter(
    (r): r is RuleResource =>
      r.kind === 'ingressRule' && r.source.type === 'cidr' && r.source.cidr.endsWith('/32'),
  );
  for (const rule of nlbRules) await revokeRule(clients, rule, connectionId);
  const subnets = await clients.ec2.send(
    new DescribeSubnetsCommand({ SubnetIds: [...plan.subnetIds] }),
  );
  const subnetRules = (subnets.Subnets ?? []).map((s): RuleResource => ({
    kind: 'ingressRule',
    groupId: plan.database.securityGroupIds[0] ?? '',
    port: plan.database.port,
    source: { type: 'cidr', cidr: s.CidrBlock ?? '' },
  }));
  const owned = await ensureIngressRules(clients, connectionId, subnetRules, async () => {});
  const gone = new Set(nlbRules.map(resourceKey));
  const current = harness.engine.get(connectionId);
  harness.repository.save({
    ...current,
    created: [...current.created.filter((r) => !gone.has(resourceKey(r))), ...owned],
  });
  return owned;
}
