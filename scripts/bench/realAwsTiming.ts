// The whole flow and its teardown at real-AWS timing (moto's timing profile: the stack ~4½ min,
// the updater's network interfaces holding its security group 20–45 min), on a virtual clock the
// engine and moto share: the AWS API calls per operation and in all, how late changes reached
// the screen, and the virtual (AWS) and real durations. Two poll policies: a fixed 1 s poll (the
// interval used before #14) and the app's own (1 s after a change, growing to 15 s while idle).
import type { EngineEvent } from '../../main/engine/setupEngine';
import { DEFAULT_TIMING, type EngineTiming, type PollPolicy } from '../../main/engine/timing';
import { createEngineHarness } from '../../test/support/engineHarness';
import {
  driveToEnd,
  insideVpc,
  postgresRequest,
  tearDownFully,
} from '../../test/support/engineFlows';
import { startMotoServer } from '../../test/support/motoServer';
import { seedCustomerAccount } from '../../test/support/seedAccount';
import { useAwsTimingProfile } from '../../test/support/virtualClock';

interface Phase {
  readonly name: string;
  readonly calls: Map<string, number>;
  readonly virtualMs: number;
  readonly realMs: number;
}

const minutes = (ms: number) => `${(ms / 60_000).toFixed(1)} min`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

async function run(endpoint: string, label: string, poll: PollPolicy): Promise<void> {
  const seeded = await seedCustomerAccount(endpoint);
  // The same release time for both policies, so their call counts compare.
  const profile = await useAwsTimingProfile(endpoint, { eniReleaseMinutes: ENI_RELEASE_MINUTES });
  const { clock } = profile;
  let calls = new Map<string, number>();
  const timing: EngineTiming = { ...DEFAULT_TIMING, clock, poll };
  const { engine } = createEngineHarness(endpoint, {
    timing,
    onApiCall: (service, operation) => {
      const key = `${service} ${operation}`;
      calls.set(key, (calls.get(key) ?? 0) + 1);
    },
  });
  const lags: { lag: number; stackEnd: boolean }[] = [];
  const shown = new Set<string>();
  engine.subscribe((event: EngineEvent) => {
    if (event.type !== 'stackEvents') return;
    // Teardown's first poll lists the creation's events again: only a first showing counts.
    for (const e of event.events.filter((e) => !shown.has(e.eventId))) {
      shown.add(e.eventId);
      lags.push({
        lag: clock.now() - Date.parse(e.timestamp),
        stackEnd: e.resourceType === 'AWS::CloudFormation::Stack' && e.status.endsWith('COMPLETE'),
      });
    }
  });

  const phases: Phase[] = [];
  async function phase<T>(name: string, work: () => Promise<T>): Promise<T> {
    calls = new Map();
    const virtualStart = clock.now();
    const realStart = performance.now();
    const result = await work();
    phases.push({
      name,
      calls,
      virtualMs: clock.now() - virtualStart,
      realMs: performance.now() - realStart,
    });
    return result;
  }

  try {
    await phase('discovery (list databases)', () => engine.listDatabases('moto', seeded.region));
    // The updater inside the VPC: the placement whose teardown waits for its network interfaces.
    const created = await phase('plan (create, updater inside the VPC)', async () =>
      insideVpc(engine, await engine.create(postgresRequest(seeded))),
    );
    const id = created.plan.connectionId;
    await phase('preflight', () => engine.runPreflight(id));
    const end = await phase('create (SG, rules, stack, outputs)', () => driveToEnd(engine, id));
    if (end.step !== 'complete') throw new Error(`the flow stopped at ${end.step}`);
    const torn = await phase('teardown (stack, rules, SG after ENIs)', () =>
      tearDownFully(engine, id),
    );
    if (torn.step !== 'tornDown') throw new Error(`teardown stopped at ${torn.step}`);
  } finally {
    await profile.off();
  }

  const all = new Map<string, number>();
  for (const p of phases) for (const [k, n] of p.calls) all.set(k, (all.get(k) ?? 0) + n);
  console.log(`\n-- ${label}`);
  console.log('AWS API calls per operation, discovery → outputs → teardown:');
  for (const [key, n] of [...all].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`  ${key.padEnd(52)} ${String(n).padStart(4)}`);
  }
  console.log(`  ${'total'.padEnd(52)} ${String(sum(all)).padStart(4)}`);
  console.log('Per phase:                                  calls   AWS time    real time');
  for (const p of phases) {
    console.log(
      `  ${p.name.padEnd(40)} ${String(sum(p.calls)).padStart(5)} ${minutes(p.virtualMs).padStart(10)} ${seconds(p.realMs).padStart(10)}`,
    );
  }
  const virtual = phases.reduce((s, p) => s + p.virtualMs, 0);
  const real = phases.reduce((s, p) => s + p.realMs, 0);
  console.log(`whole run: ${minutes(virtual)} of AWS time in ${seconds(real)} real`);
  const worst = Math.max(...lags.map((l) => l.lag));
  const withinOne = lags.filter((l) => l.lag <= 1_000).length;
  const ends = lags.filter((l) => l.stackEnd).map((l) => seconds(l.lag));
  console.log(
    `stack events on screen after AWS reported them: ${withinOne} of ${lags.length} within 1 s, latest ${seconds(worst)}; the stack's end (create, delete) after ${ends.join(', ')}`,
  );
}

const ENI_RELEASE_MINUTES = 40;
const moto = await startMotoServer();
console.log(`updater's network interfaces released ${ENI_RELEASE_MINUTES} min after its deletion`);
try {
  await run(moto.endpoint, 'fixed 1 s poll (the interval before #14)', {
    fastMs: 1_000,
    idleMaxMs: 1_000,
  });
  await fetch(`${moto.endpoint}/moto-api/reset`, { method: 'POST' });
  await run(
    moto.endpoint,
    'the app: 1 s after a change, up to 15 s while idle',
    DEFAULT_TIMING.poll,
  );
} finally {
  await moto.stop();
}
