import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { EngineEvent } from '../../../main/engine/setupEngine';
import { resourceKey } from '../../../shared/flow/resources';
import type { SetupState } from '../../../shared/flow/state';
import {
  accountSnapshot,
  snapshotDelta,
  type AccountSnapshot,
} from '../../support/accountSnapshot';
import { createEngineHarness } from '../../support/engineHarness';
import { driveToEnd, postgresRequest, tearDownFully, insideVpc } from '../../support/engineFlows';
import { resetMoto } from '../../support/motoServer';
import { seedCustomerAccount, type SeededAccount } from '../../support/seedAccount';

const count = (state: SetupState, kind: string) =>
  state.created.filter((r) => r.kind === kind).length;

/** Where the user presses cancel: the first persisted state the predicate accepts. */
const CANCEL_POINTS: {
  readonly name: string;
  readonly at: (state: SetupState) => boolean;
  readonly resumeStep: string;
}[] = [
  { name: 'before the checks', at: (s) => s.step === 'preflight', resumeStep: 'preflight' },
  { name: 'at the confirmation', at: (s) => s.step === 'ready', resumeStep: 'ready' },
  {
    name: 'as the security group step starts',
    at: (s) => s.step === 'creatingSecurityGroup',
    resumeStep: 'creatingSecurityGroup',
  },
  {
    // The updater group's rule, then the NLB's first /32 of three.
    name: 'between two RDS rules',
    at: (s) => s.step === 'authorizingLoadBalancer' && count(s, 'ingressRule') === 2,
    resumeStep: 'authorizingLoadBalancer',
  },
  {
    name: 'while the stack is being created',
    at: (s) => s.step === 'creatingStack' && count(s, 'stack') === 1,
    resumeStep: 'creatingStack',
  },
];

describe('setup engine: cancel at every step', () => {
  const endpoint = inject('motoEndpoint');
  let seeded: SeededAccount;
  let pristine: AccountSnapshot;

  beforeAll(async () => {
    await resetMoto(endpoint);
    seeded = await seedCustomerAccount(endpoint);
    pristine = await accountSnapshot(endpoint);
  });

  /** What of the ledger's kinds AWS holds beyond the untouched account. */
  const inAws = async () => {
    const delta = snapshotDelta(pristine, await accountSnapshot(endpoint));
    return {
      securityGroup: delta.securityGroups.length,
      ingressRule: delta.rulesAddedToExistingGroups.length,
      stack: delta.stacks.length,
    };
  };
  const inLedger = (state: SetupState) => ({
    securityGroup: count(state, 'securityGroup'),
    ingressRule: count(state, 'ingressRule'),
    stack: count(state, 'stack'),
  });

  it.each(CANCEL_POINTS)(
    'cancelled $name: stops at once with what exists recorded, and continues from there when resumed',
    async ({ name, at, resumeStep }) => {
      const calls: string[] = [];
      const { engine } = createEngineHarness(endpoint, {
        onApiCall: (service, operation) => calls.push(`${service} ${operation}`),
      });
      let callsAtCancel = -1;
      // Armed once the flow is switched into the VPC (the switch itself is the first preflight).
      let armed = false;
      const unsubscribe = engine.subscribe((event: EngineEvent) => {
        if (armed && callsAtCancel < 0 && event.type === 'stateChanged' && at(event.state)) {
          callsAtCancel = calls.length;
          void engine.cancel(event.state.plan.connectionId);
        }
      });
      const planned = await engine.create(postgresRequest(seeded, `cancel-${name}`));
      armed = true;
      const created = await insideVpc(engine, planned);
      const id = created.plan.connectionId;
      // The user's actions, each only while the flow is still where the user sees it.
      if (engine.get(id).step === 'preflight') await engine.runPreflight(id);
      if (engine.get(id).step === 'ready') await engine.start(id);
      const stopped = await engine.settled(id);
      unsubscribe();

      expect(stopped).toMatchObject({ step: 'cancelled', resumeStep });
      // Nothing was sent after the cancel, and everything that exists is in the ledger.
      expect(calls.slice(callsAtCancel)).toEqual([]);
      expect(await inAws()).toEqual(inLedger(stopped));

      const end = await driveToEnd(engine, id);
      expect(end.step).toBe('complete');
      expect(inLedger(end)).toEqual({ securityGroup: 1, ingressRule: 4, stack: 1 });
      expect(await inAws()).toEqual(inLedger(end));
      expect((await tearDownFully(engine, id)).step).toBe('tornDown');
      expect(await accountSnapshot(endpoint)).toEqual(pristine);
    },
  );

  it('cancelled during the teardown: stops after the current removal, and a second teardown removes the rest, each once', async () => {
    const { engine } = createEngineHarness(endpoint);
    const created = await insideVpc(
      engine,
      await engine.create(postgresRequest(seeded, 'cancel-teardown')),
    );
    const id = created.plan.connectionId;
    const complete = await driveToEnd(engine, id);
    expect(complete.step).toBe('complete');
    let cancelled = false;
    engine.subscribe((event) => {
      if (
        !cancelled &&
        event.type === 'stateChanged' &&
        event.state.step === 'tearingDown' &&
        event.state.teardown?.removed.length === 2
      ) {
        cancelled = true;
        void engine.cancel(id);
      }
    });
    const stopped = await tearDownFully(engine, id);
    expect(stopped).toMatchObject({ step: 'cancelled', resumeStep: 'tearingDown' });
    expect(stopped.created).toHaveLength(complete.created.length - 2);
    expect(await inAws()).toEqual(inLedger(stopped));

    const torn = await tearDownFully(engine, id);
    expect(torn.step).toBe('tornDown');
    const reported = [...(torn.teardown?.removed ?? []), ...(torn.teardown?.alreadyGone ?? [])];
    expect(reported.map(resourceKey).sort()).toEqual(complete.created.map(resourceKey).sort());
    expect(torn.teardown?.alreadyGone).toEqual([]);
    expect(await accountSnapshot(endpoint)).toEqual(pristine);
  });
});
