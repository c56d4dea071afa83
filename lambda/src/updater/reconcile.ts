import { errorText, type Log } from '../common/log';
import type { RegisteredTarget, UpdateOutcome } from '../common/messages';

export interface CurrentTarget extends RegisteredTarget {
  /** ELB target health state, e.g. `healthy`, `initial`, `draining`, `unused`. */
  state: string;
  reason?: string | undefined;
}

/** Everything the reconciliation touches outside itself, injected so tests control it. */
export interface UpdaterDeps {
  /** IPv4 addresses the endpoint resolves to now; throws on DNS failure or timeout. */
  resolve(host: string): Promise<string[]>;
  describeTargets(): Promise<CurrentTarget[]>;
  register(targets: RegisteredTarget[]): Promise<void>;
  deregister(targets: RegisteredTarget[]): Promise<void>;
  /** `open` or the reason the TCP connection failed. */
  probe(address: string, port: number): Promise<string>;
  log: Log;
}

export interface UpdaterSettings {
  endpoint: string;
  port: number;
}

const key = (t: RegisteredTarget) => `${t.id}:${t.port}`;
const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/** How often a run re-resolves when the database keeps moving while it works. */
const MAX_PASSES = 3;

type Resolved = { addresses: string[] } | { reason: string };

async function resolveNow(settings: UpdaterSettings, deps: UpdaterDeps): Promise<Resolved> {
  try {
    const addresses = [...new Set(await deps.resolve(settings.endpoint))].sort();
    return addresses.length > 0
      ? { addresses }
      : { reason: `DNS lookup of ${settings.endpoint} returned no IPv4 address` };
  } catch (error) {
    return { reason: `DNS lookup of ${settings.endpoint} failed: ${errorText(error)}` };
  }
}

/**
 * A lookup can be stale (a resolver cache during a failover): when none of the addresses it gave
 * answers on the database port but a target it would remove does, the database is evidently there,
 * so that target stays; a run with a current answer removes it later.
 */
async function stillAnsweringKept(
  stale: RegisteredTarget[],
  kept: RegisteredTarget[],
  deps: UpdaterDeps,
): Promise<RegisteredTarget[]> {
  if (stale.length === 0) return stale;
  const probe = (t: RegisteredTarget) => deps.probe(t.id, t.port);
  if ((await Promise.all(kept.map(probe))).includes('open')) return stale;
  const answering = await Promise.all(stale.map(async (t) => (await probe(t)) === 'open'));
  const spared = stale.filter((_, i) => answering[i]);
  if (spared.length > 0) deps.log('warn', 'kept-answering', { targets: spared.map(key) });
  return stale.filter((_, i) => !answering[i]);
}

/**
 * Points the target group at the addresses the RDS endpoint resolves to now.
 *
 * Runs may overlap (no reserved concurrency: an RDS event and the schedule, or several events), so
 * each run keeps two rules that hold whatever the others do: it registers before it deregisters,
 * and it deregisters only targets it saw or registered itself that a fresh lookup, taken after its
 * registrations, no longer returns. A run that started before a move and finishes after it
 * therefore never removes the new address; the address it registered late is removed by itself.
 * A lookup that is stale for a whole run is caught by the database's port: see stillAnsweringKept.
 * A target being drained counts as gone, so a quick move back re-registers it.
 *
 * When nothing changed a run makes one AWS call (DescribeTargetHealth) and writes one log line,
 * carrying `context` (what triggered it) and the targets' health.
 */
export async function reconcile(
  settings: UpdaterSettings,
  deps: UpdaterDeps,
  context: Record<string, unknown> = {},
): Promise<UpdateOutcome> {
  const { log } = deps;
  const first = await resolveNow(settings, deps);
  if ('reason' in first) {
    log('warn', 'unresolved', { ...context, endpoint: settings.endpoint, reason: first.reason });
    return { status: 'unresolved', reason: first.reason };
  }
  let addresses = first.addresses;
  const desiredKeys = (list: readonly string[]) =>
    list.map((id) => key({ id, port: settings.port }));

  const current = await deps.describeTargets();
  const active = current.filter((t) => t.state !== 'draining');
  const known = new Map(active.map((t) => [key(t), { id: t.id, port: t.port }]));
  const activeKeys = [...known.keys()];
  if (sameSet(activeKeys, desiredKeys(addresses))) {
    const unhealthy = current.filter((t) => t.state !== 'healthy');
    // The NLB has no subnet in an `unused` target's AZ (or it is settling): traffic cannot reach it.
    log(unhealthy.length > 0 ? 'warn' : 'info', 'unchanged', {
      ...context,
      endpoint: settings.endpoint,
      addresses,
      targets: current.map((t) => ({ target: key(t), state: t.state, reason: t.reason })),
    });
    return { status: 'unchanged', addresses, registered: [], deregistered: [] };
  }

  const registered: RegisteredTarget[] = [];
  const deregistered: RegisteredTarget[] = [];
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const missing = addresses
      .map((id) => ({ id, port: settings.port }))
      .filter((t) => !known.has(key(t)));
    if (missing.length > 0) {
      try {
        await deps.register(missing);
      } catch (error) {
        log('error', 'register-failed', { targets: missing.map(key), error: errorText(error) });
        throw error;
      }
      for (const t of missing) known.set(key(t), t);
      registered.push(...missing);
      log('info', 'registered', { targets: missing.map(key) });
    }
    const fresh = await resolveNow(settings, deps);
    if ('reason' in fresh) {
      // Keep everything registered: the next run, with a working lookup, removes what is stale.
      log('warn', 'unresolved', { endpoint: settings.endpoint, reason: fresh.reason });
      break;
    }
    const moved = !sameSet(fresh.addresses, addresses);
    addresses = fresh.addresses;
    if (moved) {
      // The database moved while this run worked: register where it is now before removing
      // anything; out of passes, leave the removal to the next run.
      if (pass < MAX_PASSES) continue;
      break;
    }
    const keep = new Set(desiredKeys(addresses));
    const stale = await stillAnsweringKept(
      [...known.entries()].filter(([k]) => !keep.has(k)).map(([, t]) => t),
      addresses.map((id) => ({ id, port: settings.port })),
      deps,
    );
    if (stale.length > 0) {
      await deps.deregister(stale);
      for (const t of stale) known.delete(key(t));
      deregistered.push(...stale);
      log('info', 'deregistered', { targets: stale.map(key) });
    }
    break;
  }

  const probes = await Promise.all(
    registered.map(async (t) => ({ target: key(t), result: await deps.probe(t.id, t.port) })),
  );
  const blocked = probes.some((p) => p.result !== 'open');
  log(blocked ? 'warn' : 'info', 'updated', {
    ...context,
    endpoint: settings.endpoint,
    addresses,
    probes,
  });
  return { status: 'updated', addresses, registered, deregistered };
}
