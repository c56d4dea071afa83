import {
  DescribeStacksCommand,
  paginateListStackResources,
  paginateListStacks,
  type StackStatus,
} from '@aws-sdk/client-cloudformation';
import type { FoundSetup } from '../../shared/lifecycle/foundSetup';
import {
  TEMPLATE_VERSION_OUTPUT,
  templateVersionFromOutputs,
} from '../../shared/stack/templateVersion';
import type { FinderClients } from './finderClients';

type StackSnapshot = NonNullable<FoundSetup['stack']>;

const LIVE: StackStatus[] = [
  'CREATE_COMPLETE',
  'UPDATE_COMPLETE',
  'UPDATE_ROLLBACK_COMPLETE',
  'IMPORT_COMPLETE',
  'IMPORT_ROLLBACK_COMPLETE',
];

/**
 * Which live stack made each physical resource, for the region: read once per scan, so a setup is
 * traced to its stack by what the stack holds, not by the stack's name.
 */
export async function stacksByResource(clients: FinderClients): Promise<Map<string, string>> {
  const owner = new Map<string, string>();
  for await (const page of paginateListStacks(
    { client: clients.cfn },
    { StackStatusFilter: LIVE },
  )) {
    for (const summary of page.StackSummaries ?? []) {
      const name = summary.StackName;
      if (!name) continue;
      for await (const resources of paginateListStackResources(
        { client: clients.cfn },
        { StackName: name },
      )) {
        for (const r of resources.StackResourceSummaries ?? []) {
          if (r.PhysicalResourceId) owner.set(r.PhysicalResourceId, name);
        }
      }
    }
  }
  return owner;
}

/** The stack's status and, for this app's template, the version it runs. */
export async function stackSnapshot(
  clients: FinderClients,
  name: string,
  connectionId: string | undefined,
): Promise<StackSnapshot> {
  const stack = (await clients.cfn.send(new DescribeStacksCommand({ StackName: name })))
    .Stacks?.[0];
  const outputs = stack?.Outputs ?? [];
  const versioned = outputs.some((o) => o.OutputKey === TEMPLATE_VERSION_OUTPUT);
  const fromApp = versioned || connectionId !== undefined;
  return {
    name,
    status: String(stack?.StackStatus ?? 'UNKNOWN'),
    ...(fromApp ? { templateVersion: templateVersionFromOutputs(outputs) } : {}),
    ...(connectionId ? { connectionId } : {}),
  };
}
