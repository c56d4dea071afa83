import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Clock } from '../../../main/base/clock';
import type { EngineEvent, SetupEngine } from '../../../main/engine/setupEngine';
import { DEFAULT_TIMING, type EngineTiming } from '../../../main/engine/timing';
import type { SetupState } from '../../../shared/flow/state';
import { EXPECTED_WAITS, waitFigure } from '../../../shared/flow/waitEstimate';
import { createEngineHarness } from '../../support/engineHarness';
import { driveToEnd, insideVpc, postgresRequest, tearDownFully } from '../../support/engineFlows';
import { resetMoto } from '../../support/motoServer';
import { seedCustomerAccount, type SeededAccount } from '../../support/seedAccount';
import { useAwsTimingProfile, type AwsTimingProfile } from '../../support/virtualClock';

const MINUTE = 60_000;

/** What the screen would get, stamped with the virtual time the engine sent it. */
interface Seen {
  readonly at: number;
  readonly event: EngineEvent;
}

function watchEngine(engine: SetupEngine, clock: Clock): Seen[] {
  const seen: Seen[] = [];
  engine.subscribe((event) => seen.push({ at: clock.now(), event }));
  return seen;
}

const statesOf = (seen: readonly Seen[]) =>
  seen.flatMap((s) =>
    s.event.type === 'stateChanged' ? [{ at: s.at, state: s.event.state }] : [],
  );

const firstAt = (seen: readonly Seen[], test: (state: SetupState) => boolean) =>
  statesOf(seen).find((s) => test(s.state))?.at;

/** The app's own timing (1 s polls growing to 15 s, the interface wait) on the virtual clock. */
const appTiming = (clock: Clock): EngineTiming => ({ ...DEFAULT_TIMING, clock });

describe('the engine at real-AWS timing, on a virtual clock shared with the emulator', () => {
  const endpoint = inject('motoEndpoint');
  let seeded: SeededAccount;
  let profile: AwsTimingProfile | undefined;

  beforeAll(async () => {
    await resetMoto(endpoint);
    seeded = await seedCustomerAccount(endpoint);
  });

  afterEach(async () => {
    await profile?.off();
    profile = undefined;
  });

  it('creates the stack in the minutes AWS takes; each event reaches the screen within the longest idle poll (15 s) and the end of the stack within a second', async () => {
    profile = await useAwsTimingProfile(endpoint, { eniReleaseMinutes: 30 });
    const { clock } = profile;
    const { engine } = createEngineHarness(endpoint, { timing: appTiming(clock) });
    const seen = watchEngine(engine, clock);
    const created = await engine.create(postgresRequest(seeded, 'timed-create'));
    const id = created.plan.connectionId;
    const end = await driveToEnd(engine, id);
    expect(end.step).toBe('complete');

    const stackFrom = firstAt(seen, (s) => s.step === 'creatingStack') as number;
    const completeAt = firstAt(seen, (s) => s.step === 'complete') as number;
    // AWS's four to five minutes passed on the virtual clock, not moto's milliseconds.
    expect(completeAt - stackFrom).toBeGreaterThan(4 * MINUTE);
    expect(completeAt - stackFrom).toBeLessThan(6 * MINUTE);

    // How late each stack event reached the screen: never later than the longest idle poll,
    // and the stack's own end within a second of AWS reporting it.
    const lags = seen.flatMap((s) =>
      s.event.type === 'stackEvents'
        ? s.event.events.map((e) => ({
            lag: s.at - Date.parse(e.timestamp),
            stack: e.resourceType === 'AWS::CloudFormation::Stack',
            status: e.status,
          }))
        : [],
    );
    expect(lags.length).toBeGreaterThan(10);
    for (const { lag } of lags) {
      expect(lag).toBeGreaterThanOrEqual(0);
      expect(lag).toBeLessThanOrEqual(DEFAULT_TIMING.poll.idleMaxMs);
    }
    const stackEnd = lags.find((l) => l.stack && l.status === 'CREATE_COMPLETE');
    expect(stackEnd?.lag).toBeLessThanOrEqual(1_000);

    // The stack figure shown while it ran: a shrinking range, never zero or negative.
    for (let at = stackFrom; at < completeAt; at += 15_000) {
      const figure = waitFigure(EXPECTED_WAITS.stackCreate, at - stackFrom);
      expect(figure.kind).toBe('left');
      if (figure.kind === 'left') expect(figure.maxMinutes).toBeGreaterThan(0);
    }

    const torn = await tearDownFully(engine, id);
    expect(torn.step).toBe('tornDown');
  });

  it('teardown of an in-VPC updater waits the 40 minutes AWS holds its security group, with the wait recorded and honest figures, instead of failing with DependencyViolation', async () => {
    profile = await useAwsTimingProfile(endpoint, { eniReleaseMinutes: 40 });
    const { clock } = profile;
    const calls = new Map<string, number>();
    const { engine } = createEngineHarness(endpoint, {
      timing: appTiming(clock),
      onApiCall: (_service, operation) => calls.set(operation, (calls.get(operation) ?? 0) + 1),
    });
    // Only an updater inside the VPC has network interfaces that hold its security group.
    const created = await insideVpc(
      engine,
      await engine.create(postgresRequest(seeded, 'timed-teardown')),
    );
    const id = created.plan.connectionId;
    expect((await driveToEnd(engine, id)).step).toBe('complete');
    calls.clear();
    const seen = watchEngine(engine, clock);
    const started = clock.now();
    const torn = await tearDownFully(engine, id);

    expect(torn.step).toBe('tornDown');
    expect(torn.step === 'tornDown' && torn.teardown.removed.map((r) => r.kind)).toContain(
      'securityGroup',
    );
    const waits = statesOf(seen).flatMap((s) =>
      s.state.step === 'tearingDown' && s.state.waiting ? [s.state.waiting] : [],
    );
    expect(waits.length).toBeGreaterThan(0);
    const since = waits[0]?.since as number;
    const endAt = firstAt(seen, (s) => s.step === 'tornDown') as number;
    // The group went once AWS let go of it: 40 minutes after the Lambda's deletion.
    expect(endAt - started).toBeGreaterThan(40 * MINUTE);
    expect(endAt - started).toBeLessThan(40 * MINUTE + 2 * DEFAULT_TIMING.interfaceWait.idleMaxMs);
    // The wait keeps its first start however often it is found still held.
    expect(new Set(waits.map((w) => w.since))).toEqual(new Set([since]));

    // The figures a user sees during the wait, minute by minute: a range that shrinks, never
    // zero or negative, never "almost done" (under a minute) while AWS still holds the group.
    for (let at = since; at < endAt; at += MINUTE) {
      const figure = waitFigure(EXPECTED_WAITS.lambdaInterfaces, at - since);
      expect(figure.kind).toBe('left');
      if (figure.kind === 'left') expect(figure.maxMinutes).toBeGreaterThan(1);
    }
    // A long wait, few calls: tries spaced out up to two minutes apart.
    expect(calls.get('DeleteSecurityGroup')).toBeLessThan(40);
  });

  it('a wait longer than AWS usually takes still ends when AWS releases the group, the figure saying "longer than usual" instead of a negative time', async () => {
    profile = await useAwsTimingProfile(endpoint, { eniReleaseMinutes: 55 });
    const { clock } = profile;
    const { engine } = createEngineHarness(endpoint, { timing: appTiming(clock) });
    // Only an updater inside the VPC has network interfaces that hold its security group.
    const created = await insideVpc(
      engine,
      await engine.create(postgresRequest(seeded, 'timed-long-wait')),
    );
    const id = created.plan.connectionId;
    expect((await driveToEnd(engine, id)).step).toBe('complete');
    const seen = watchEngine(engine, clock);
    expect((await tearDownFully(engine, id)).step).toBe('tornDown');
    const wait = statesOf(seen).find((s) => s.state.step === 'tearingDown' && s.state.waiting);
    const since = wait?.state.step === 'tearingDown' ? (wait.state.waiting?.since as number) : 0;
    const endAt = firstAt(seen, (s) => s.step === 'tornDown') as number;
    expect(endAt - since).toBeGreaterThan(50 * MINUTE);
    expect(waitFigure(EXPECTED_WAITS.lambdaInterfaces, endAt - since - MINUTE)).toEqual({
      kind: 'overdue',
    });
  });

  it('a teardown stopped mid-wait (the app quit) resumes from the persisted state: the wait keeps its start and ends when AWS releases the group', async () => {
    profile = await useAwsTimingProfile(endpoint, { eniReleaseMinutes: 35 });
    const { clock } = profile;
    // The first run's process stops 10 minutes into the wait: its sleeps never end.
    let quitAt = Number.POSITIVE_INFINITY;
    const quitting: Clock = {
      now: () => clock.now(),
      sleep: (ms, signal) =>
        clock.now() >= quitAt ? new Promise<void>(() => undefined) : clock.sleep(ms, signal),
    };
    const first = createEngineHarness(endpoint, { timing: appTiming(quitting) });
    // Only an updater inside the VPC has network interfaces that hold its security group.
    const created = await insideVpc(
      first.engine,
      await first.engine.create(postgresRequest(seeded, 'timed-restart')),
    );
    const id = created.plan.connectionId;
    expect((await driveToEnd(first.engine, id)).step).toBe('complete');
    const held = new Promise<number>((resolve) =>
      first.engine.subscribe((event) => {
        if (
          event.type === 'stateChanged' &&
          event.state.step === 'tearingDown' &&
          event.state.waiting
        ) {
          quitAt = event.state.waiting.since + 10 * MINUTE;
          resolve(event.state.waiting.since);
        }
      }),
    );
    await first.engine.teardown(id);
    const since = await held;
    // Wait until the first run has stopped (its clock passed the quit time).
    await clock.sleep(11 * MINUTE);

    const persisted = first.repository.load(id);
    expect(persisted?.step).toBe('tearingDown');
    expect(persisted?.step === 'tearingDown' && persisted.waiting?.since).toBe(since);

    const second = createEngineHarness(endpoint, {
      userDataDir: first.userDataDir,
      timing: appTiming(clock),
    });
    const seen = watchEngine(second.engine, clock);
    const resumed = await second.engine.resume(id);
    expect(resumed.step === 'tearingDown' && resumed.waiting?.since).toBe(since);
    const end = await second.engine.settled(id);
    expect(end.step).toBe('tornDown');
    const endAt = firstAt(seen, (s) => s.step === 'tornDown') as number;
    expect(endAt - since).toBeGreaterThan(33 * MINUTE);
  });

  it('an account whose CloudFormation Describe calls are throttled at one call per second (other tools share the rate) still completes the flow and teardown', async () => {
    profile = await useAwsTimingProfile(endpoint, {
      eniReleaseMinutes: 20,
      throttle: { perSecond: 1, burst: 1 },
    });
    const { clock } = profile;
    const { engine } = createEngineHarness(endpoint, { timing: appTiming(clock) });
    const created = await engine.create(postgresRequest(seeded, 'timed-throttled'));
    const id = created.plan.connectionId;
    expect((await driveToEnd(engine, id)).step).toBe('complete');
    expect((await tearDownFully(engine, id)).step).toBe('tornDown');
    const status = (await (await fetch(`${endpoint}/moto-api/smooz/timing-profile`)).json()) as {
      throttled: number;
    };
    // The rate was reached (so the test can fail) and the SDK's retries absorbed it.
    expect(status.throttled).toBeGreaterThan(0);
  });
});
