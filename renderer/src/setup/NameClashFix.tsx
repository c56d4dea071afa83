import { useState } from 'react';
import type { NameClash, PreflightCheck } from '../../../shared/flow/preflight';
import type { StateAt } from '../../../shared/flow/state';
import { ClashList } from './ClashList';
import { DiscardPanel } from './DiscardPanel';
import { RenameInPlace } from './RenameInPlace';

type Props = {
  readonly check: PreflightCheck;
  readonly state: StateAt<'preflight'> | StateAt<'ready'>;
  readonly busy: boolean;
  readonly onOpen?: ((connectionId: string) => void) | undefined;
  readonly onRename: (patch: { connectionName?: string; lambdaFunctionName?: string }) => void;
  /** An abandoned owner was discarded: its names are free, so the checks run again. */
  readonly onRecheck: () => void;
};

/** A failed name check with who owns each name, and both fixes right beside it. */
export function NameClashFix({ check, state, busy, onOpen, onRename, onRecheck }: Props) {
  const [discarding, setDiscarding] = useState<NameClash>();
  const owner = discarding?.owner.type === 'abandoned' ? discarding.owner : undefined;
  return (
    <div className="fix name-clash-fix">
      <ClashList
        clashes={check.clashes ?? []}
        onOpen={onOpen}
        onDiscard={setDiscarding}
        busy={busy || discarding !== undefined}
      />
      {owner && (
        <DiscardPanel
          request={{
            connectionId: owner.connectionId,
            // Known only by its tag: looked for where this flow's checks found it.
            ...(owner.connectionName === undefined
              ? { profile: state.plan.profile, region: state.plan.region }
              : {}),
          }}
          name={owner.connectionName ?? owner.connectionId}
          onClose={() => setDiscarding(undefined)}
          onDiscarded={() => {
            setDiscarding(undefined);
            onRecheck();
          }}
        />
      )}
      <RenameInPlace state={state} busy={busy} onRename={onRename} />
    </div>
  );
}
