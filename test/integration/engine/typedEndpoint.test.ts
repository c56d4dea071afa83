import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createEngineHarness } from '../../support/engineHarness';
import { resetMoto } from '../../support/motoServer';
import { seedCustomerAccount, type SeededAccount } from '../../support/seedAccount';

describe('an endpoint typed or pasted on the database step, against moto', () => {
  const endpoint = inject('motoEndpoint');
  let seeded: SeededAccount;

  beforeAll(async () => {
    await resetMoto(endpoint);
    seeded = await seedCustomerAccount(endpoint);
  });

  it('finds the database when the pasted endpoint carries invisible characters and a port', async () => {
    const { engine } = createEngineHarness(endpoint);
    const [cluster, instance] = await engine.listDatabases('moto', seeded.region);
    // As copied from a chat or a PDF: a zero-width space, bidi isolates, a BOM and NBSPs.
    const pasted = `\u200b\u2066${instance?.endpoint}\u2069:5432\ufeff\u00a0`;
    expect(await engine.resolveEndpoint('moto', seeded.region, pasted)).toEqual(instance);
    const reader = cluster?.endpoint.replace('.cluster-', '.cluster-ro-') ?? '';
    expect(await engine.resolveEndpoint('moto', seeded.region, `\u200e${reader}.\u200d`)).toEqual(
      cluster,
    );
  });
});
