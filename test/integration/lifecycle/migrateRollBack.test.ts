import { describe, expect, inject, it } from 'vitest';
import { accountSnapshot } from '../../support/accountSnapshot';
import {
  adoptHandMade,
  handMadeWorldPerFile,
  migrationRequest,
} from '../../support/lifecycle/handMadeWorld';
import { connectivityLoop, migrationApp } from './migrationHarness';

const endpoint = inject('motoEndpoint');
const handMade = handMadeWorldPerFile({ smoozDelayMs: 100 });

describe('stopping a migration and undoing it before the switch', () => {
  it('stops before the next step, then undoes: SMOOZ stays on the old setup, the new one is gone', async () => {
    const world = handMade();
    const { smooz, manual, smoozConnectionId: connectionId } = world;
    const app = migrationApp(endpoint, world);
    await adoptHandMade(app.lifecycle, world);
    const before = await accountSnapshot(endpoint);
    const loop = connectivityLoop(smooz, connectionId);
    // The user stops while SMOOZ's second endpoint is being made.
    const unsubscribe = app.migrator.subscribe(({ state }) => {
      if (state.phase === 'running' && state.step === 'connectingSmooz' && !state.stopRequested) {
        app.migrator.stop(state.key);
      }
    });
    await app.migrator.start(manual.endpointServiceId, migrationRequest(world));
    const stopped = await app.migrator.settled(manual.endpointServiceId);
    unsubscribe();
    expect(stopped).toMatchObject({ phase: 'stopped', step: 'testingNewPath' });
    expect((await smooz.getConnection(connectionId)).migration).toMatchObject({
      status: 'available',
    });

    await app.migrator.rollBack(manual.endpointServiceId);
    const end = await app.migrator.settled(manual.endpointServiceId);
    const { count, failures } = await loop.stop();

    expect(end.phase).toBe('rolledBack');
    expect(failures).toEqual([]);
    expect(count).toBeGreaterThan(0);
    const connection = await smooz.getConnection(connectionId);
    expect(connection.endpointServiceName).toBe(manual.endpointServiceName);
    expect(connection.migration).toBeUndefined();
    const after = await accountSnapshot(endpoint);
    expect(after.stacks).toEqual(before.stacks);
    expect(after.endpointServices).toEqual(before.endpointServices);
    expect(after.loadBalancers).toEqual(before.loadBalancers);
    expect(app.lifecycle.listAdoptions()[0]?.step).toBe('adopted');
  }, 240_000);
});
