import {
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DescribeChangeSetCommand,
  type DescribeChangeSetCommandOutput,
  type Parameter,
} from '@aws-sdk/client-cloudformation';
import { parseDocument } from 'yaml';
import type { SetupPlan } from '../../shared/flow/plan';
import {
  UpgradeChangeSchema,
  type UpgradeChange,
  type UpgradeState,
} from '../../shared/lifecycle/upgrade';
import { awsErrorName } from '../aws/awsErrors';
import type { EngineClients } from '../engine/engineClients';
import type { EngineTiming } from '../engine/timing';
import { describeStack, stackParameters } from '../engine/stack';
import { CONNECTION_TAG } from '../engine/tags';

/** How often an upgrade polls CloudFormation, on the engine's clock. */
export type UpgradeTiming = Pick<EngineTiming, 'clock' | 'poll'>;

/** What CloudFormation says when the template and parameters already match the stack. */
const NO_CHANGES = /didn't contain changes|no updates are to be performed/i;

const isMissing = (error: unknown) =>
  awsErrorName(error) === 'ChangeSetNotFoundException' ||
  /does not exist/i.test((error as Error).message ?? '');

export type ChangeSetOutcome =
  | { readonly kind: 'noChanges' }
  | { readonly kind: 'ready'; readonly id: string; readonly changes: UpgradeChange[] }
  | { readonly kind: 'failed'; readonly reason: string };

/**
 * The parameters for the current template: those the stack already has keep their value
 * (UsePreviousValue); a parameter the template gained is filled from the connection's plan, as a
 * new stack would get it.
 */
export function upgradeParameters(
  templateBody: string,
  previous: readonly Parameter[],
  plan: SetupPlan,
): Parameter[] {
  const doc = parseDocument(templateBody, { logLevel: 'silent' }).toJS() as {
    Parameters?: Record<string, unknown>;
  } | null;
  const had = new Set(previous.map((p) => p.ParameterKey));
  const lambdaGroup =
    previous.find((p) => p.ParameterKey === 'LambdaSecurityGroupIds')?.ParameterValue ?? '';
  const fromPlan = new Map<string, string>(
    stackParameters(plan, lambdaGroup).map((p) => [p.ParameterKey, p.ParameterValue]),
  );
  return Object.keys(doc?.Parameters ?? {}).flatMap((key): Parameter[] => {
    if (had.has(key)) return [{ ParameterKey: key, UsePreviousValue: true }];
    const value = fromPlan.get(key);
    return value === undefined ? [] : [{ ParameterKey: key, ParameterValue: value }];
  });
}

async function describeAll(
  clients: EngineClients,
  state: UpgradeState,
): Promise<DescribeChangeSetCommandOutput | undefined> {
  let first: DescribeChangeSetCommandOutput | undefined;
  let token: string | undefined;
  const changes: NonNullable<DescribeChangeSetCommandOutput['Changes']> = [];
  do {
    let page: DescribeChangeSetCommandOutput;
    try {
      page = await clients.cfn.send(
        new DescribeChangeSetCommand({
          StackName: state.stackName,
          ChangeSetName: state.changeSetName,
          ...(token ? { NextToken: token } : {}),
        }),
      );
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    first ??= page;
    changes.push(...(page.Changes ?? []));
    token = page.NextToken;
  } while (token);
  return { ...first, Changes: changes } as DescribeChangeSetCommandOutput;
}

const toChange = (
  c: NonNullable<DescribeChangeSetCommandOutput['Changes']>[number],
): UpgradeChange[] => {
  const r = c.ResourceChange;
  if (!r?.Action || !r.LogicalResourceId) return [];
  return [
    {
      logicalResourceId: r.LogicalResourceId,
      resourceType: r.ResourceType ?? '',
      action: UpgradeChangeSchema.shape.action.catch('Dynamic').parse(r.Action),
      ...(r.Replacement ? { replacement: r.Replacement } : {}),
      properties: [
        ...new Set((r.Details ?? []).flatMap((d) => (d.Target?.Name ? [d.Target.Name] : []))),
      ],
    },
  ];
};

/**
 * The upgrade's change set, made once: one of that name is found and waited for rather than
 * asked for again (a resumed upgrade), then read to the end of its pages.
 */
export async function ensureChangeSet(
  clients: EngineClients,
  state: UpgradeState,
  request: {
    readonly templateBody: string;
    readonly plan: SetupPlan;
    readonly timing: UpgradeTiming;
  },
): Promise<ChangeSetOutcome> {
  if (!(await describeAll(clients, state))) {
    const stack = await describeStack(clients, state.stackName);
    try {
      await clients.cfn.send(
        new CreateChangeSetCommand({
          StackName: state.stackName,
          ChangeSetName: state.changeSetName,
          ChangeSetType: 'UPDATE',
          TemplateBody: request.templateBody,
          Parameters: upgradeParameters(
            request.templateBody,
            stack?.Parameters ?? [],
            request.plan,
          ),
          Capabilities: ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM'],
          Tags: [{ Key: CONNECTION_TAG, Value: state.connectionId }],
          Description: `SMOOZ template v${state.fromVersion} → v${state.toVersion}`,
        }),
      );
    } catch (error) {
      if (NO_CHANGES.test((error as Error).message ?? '')) return { kind: 'noChanges' };
      throw error;
    }
  }
  for (;;) {
    const described = await describeAll(clients, state);
    const status = described?.Status ?? 'FAILED';
    if (status === 'CREATE_COMPLETE' && described?.ChangeSetId) {
      return {
        kind: 'ready',
        id: described.ChangeSetId,
        changes: (described.Changes ?? []).flatMap(toChange),
      };
    }
    if (status === 'FAILED') {
      const reason = described?.StatusReason ?? '';
      await deleteChangeSet(clients, state);
      return NO_CHANGES.test(reason) ? { kind: 'noChanges' } : { kind: 'failed', reason };
    }
    await request.timing.clock.sleep(request.timing.poll.fastMs);
  }
}

/** Deletes the upgrade's change set; one already gone (executed, or deleted before) is fine. */
export async function deleteChangeSet(clients: EngineClients, state: UpgradeState): Promise<void> {
  try {
    await clients.cfn.send(
      new DeleteChangeSetCommand({
        StackName: state.stackName,
        ChangeSetName: state.changeSetName,
      }),
    );
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
}

/** The change set's execution status, or undefined once CloudFormation has dropped it. */
export async function executionStatus(
  clients: EngineClients,
  state: UpgradeState,
): Promise<string | undefined> {
  const described = await describeAll(clients, state);
  return described?.ExecutionStatus;
}
