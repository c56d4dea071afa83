import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readTemplateText } from '../../../main/checklist/templateFile';
import { createStoreFlowRepository } from '../../../main/engine/flowRepository';
import { createSetupEngine } from '../../../main/engine/setupEngine';
import { DEFAULT_TIMING } from '../../../main/engine/timing';
import { silentLogger } from '../../../main/services/logger';
import { storeOptions, type PersistedState } from '../../../main/services/storeSchema';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';
import { driveToEnd, postgresRequest, tearDownFully } from '../../support/engineFlows';
import { resetMoto } from '../../support/motoServer';
import { ROOT } from '../../support/projectRoot';
import { seedCustomerAccount, type SeededAccount } from '../../support/seedAccount';
import { startFaultProxy, type FaultProxy } from './faultProxy';

/** The engine as the app builds it: the production timing, not the test harness's short polls. */
function productionTimedEngine(endpoint: string) {
  const store = new Conf<PersistedState>({
    ...storeOptions('0.1.0'),
    cwd: mkdtempSync(join(tmpdir(), 'smooz-polling-')),
  });
  return createSetupEngine({
    config: motoAppConfig(endpoint),
    getAwsContext: () => Promise.resolve(motoContext),
    repository: createStoreFlowRepository(store, silentLogger),
    loadTemplate: () => readTemplateText(join(ROOT, 'templates')),
    logger: silentLogger,
  });
}

describe('following the stack at the production poll interval', () => {
  const endpoint = inject('motoEndpoint');
  let seeded: SeededAccount;
  let proxy: FaultProxy;

  beforeAll(async () => {
    await resetMoto(endpoint);
    seeded = await seedCustomerAccount(endpoint);
    proxy = await startFaultProxy(endpoint);
  });
  afterAll(() => proxy.close());

  it('polls every second, and throttled polls are retried with backoff instead of failing the flow', async () => {
    expect(DEFAULT_TIMING.pollMs).toBeLessThanOrEqual(1_000);
    const engine = productionTimedEngine(proxy.endpoint);
    engine.subscribe((event) => {
      // Throttle the stack's own polls: from the moment the flow starts on the stack.
      if (event.type === 'stateChanged' && event.state.step === 'creatingStack') {
        if (!proxy.log.some((entry) => entry.outcome === 'failed')) {
          proxy.log.length = 0;
          proxy.throttle('DescribeStacks', 3);
        }
      }
    });
    const created = await engine.create(postgresRequest(seeded, 'polled'));
    const end = await driveToEnd(engine, created.plan.connectionId);

    expect(end.step).toBe('complete');
    const describeStacks = proxy.log
      .filter((entry) => entry.operation === 'DescribeStacks')
      .map((entry) => entry.outcome);
    expect(describeStacks.slice(0, 4)).toEqual(['failed', 'failed', 'failed', 'forwarded']);
    expect((await tearDownFully(engine, created.plan.connectionId)).step).toBe('tornDown');
  });
});
