// Setup engine figures: the AWS API calls the full flow makes (per service and operation, and in
// all) and its wall time, phase by phase, against moto server with the seeded customer account.
// moto answers in milliseconds, so the times show the engine's own overhead, not AWS's.
import { createEngineHarness } from '../../test/support/engineHarness';
import { driveToEnd, postgresRequest, tearDownFully } from '../../test/support/engineFlows';
import { startMotoServer } from '../../test/support/motoServer';
import { seedCustomerAccount } from '../../test/support/seedAccount';

const moto = await startMotoServer();
try {
  const seeded = await seedCustomerAccount(moto.endpoint);
  let calls = new Map<string, number>();
  const { engine } = createEngineHarness(moto.endpoint, {
    onApiCall: (service, operation) => {
      const key = `${service} ${operation}`;
      calls.set(key, (calls.get(key) ?? 0) + 1);
    },
  });

  const phases: { name: string; ms: number; calls: Map<string, number> }[] = [];
  async function phase<T>(name: string, work: () => Promise<T>): Promise<T> {
    calls = new Map();
    const started = performance.now();
    const result = await work();
    phases.push({ name, ms: performance.now() - started, calls });
    return result;
  }

  await phase('discovery (list databases)', () => engine.listDatabases('moto', seeded.region));
  const created = await phase('plan (create)', () => engine.create(postgresRequest(seeded)));
  const id = created.plan.connectionId;
  await phase('preflight', () => engine.runPreflight(id));
  const end = await phase('create (SG, rules, stack, outputs)', () => driveToEnd(engine, id));
  if (end.step !== 'complete') throw new Error(`the flow stopped at ${end.step}`);
  const torn = await phase('teardown', () => tearDownFully(engine, id));
  if (torn.step !== 'tornDown') throw new Error(`teardown stopped at ${torn.step}`);

  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const all = new Map<string, number>();
  for (const p of phases) for (const [k, n] of p.calls) all.set(k, (all.get(k) ?? 0) + n);

  console.log('AWS API calls per operation, whole flow (discovery → outputs → teardown):');
  for (const [key, n] of [...all].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`  ${key.padEnd(52)} ${String(n).padStart(4)}`);
  }
  console.log(`  ${'total'.padEnd(52)} ${String(total(all)).padStart(4)}`);
  console.log('Per phase:');
  for (const p of phases) {
    console.log(
      `  ${p.name.padEnd(36)} ${String(total(p.calls)).padStart(4)} calls ${(p.ms / 1000).toFixed(2).padStart(7)} s`,
    );
  }
  const wall = phases.reduce((sum, p) => sum + p.ms, 0);
  console.log(`wall time, discovery → outputs → teardown: ${(wall / 1000).toFixed(2)} s (moto)`);
} finally {
  await moto.stop();
}
