import { useMemo } from 'react';
import type { PreflightFixKind } from '../../../shared/flow/preflight';
import type { SetupState } from '../../../shared/flow/state';
import type { RequestOf } from '../../../shared/ipc/contract';
import { useIpcClient } from '../data/IpcClientContext';
import { useIpcQuery } from '../data/useIpcQuery';

type Command = () => Promise<SetupState>;
type PlanPatch = RequestOf<'setup:updatePlan'>['patch'];

/** What a step's buttons ask the engine to do with one flow; each answers the flow's state. */
export interface FlowCommands {
  readonly runPreflight: Command;
  readonly applyFix: (fix: PreflightFixKind) => Promise<SetupState>;
  readonly updatePlan: (patch: PlanPatch) => Promise<SetupState>;
  /** Changes the plan's names and checks again, as one step of the flow. */
  readonly renameAndRecheck: (patch: PlanPatch) => Promise<SetupState>;
  readonly start: Command;
  readonly resume: Command;
  readonly cancel: Command;
  readonly teardown: Command;
}

export function useFlowCommands(connectionId: string): FlowCommands {
  const client = useIpcClient();
  return useMemo(() => {
    const ref = { connectionId };
    return {
      runPreflight: () => client.call('setup:runPreflight', ref),
      applyFix: (fix) => client.call('setup:applyFix', { connectionId, fix }),
      updatePlan: (patch) => client.call('setup:updatePlan', { connectionId, patch }),
      renameAndRecheck: async (patch) => {
        await client.call('setup:updatePlan', { connectionId, patch });
        return client.call('setup:runPreflight', ref);
      },
      start: () => client.call('setup:start', ref),
      resume: () => client.call('setup:resume', ref),
      cancel: () => client.call('setup:cancel', ref),
      teardown: () => client.call('setup:teardown', ref),
    };
  }, [client, connectionId]);
}

/** The IAM actions a setup uses and why, shown before the user confirms. */
export function useRequiredPermissions() {
  return useIpcQuery((client) => client.call('setup:requiredPermissions'));
}
