import { errorText, type Log } from '../common/log';
import type { RegisteredTarget, UpdateOutcome } from '../common/messages';

export interface CurrentTarget extends RegisteredTarget {
  /** ELB target health state, e.g. `healthy`, `initial`, `draining`, `unused`. */
  state: string;
  reason?: string;
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

/**
 * Points the target group at the addresses the RDS endpoint resolves to now. Registration comes
 * first and deregistration only after it succeeded, so the group is never empty during a move;
 * a target being drained counts as gone, so a quick move back re-registers it.
 */
export async function reconcile(
  settings: UpdaterSettings,
  deps: UpdaterDeps,
): Promise<UpdateOutcome> {
  const { log } = deps;
  let addresses: string[];
  try {
    addresses = [...new Set(await deps.resolve(settings.endpoint))].sort();
  } catch (error) {
    const reason = `DNS lookup of ${settings.endpoint} failed: ${errorText(error)}`;
    log('warn', 'unresolved', { endpoint: settings.endpoint, reason });
    return { status: 'unresolved', reason };
  }
  if (addresses.length === 0) {
    const reason = `DNS lookup of ${settings.endpoint} returned no IPv4 address`;
    log('warn', 'unresolved', { endpoint: settings.endpoint, reason });
    return { status: 'unresolved', reason };
  }

  const current = await deps.describeTargets();
  const active = current.filter((t) => t.state !== 'draining');
  const desired = addresses.map((id) => ({ id, port: settings.port }));
  const activeKeys = new Set(active.map(key));
  const desiredKeys = new Set(desired.map(key));
  const toRegister = desired.filter((t) => !activeKeys.has(key(t)));
  const toDeregister = active
    .filter((t) => !desiredKeys.has(key(t)))
    .map(({ id, port }) => ({ id, port }));

  for (const target of current) {
    if (target.state === 'unused' && desiredKeys.has(key(target))) {
      // The NLB has no subnet in the target's AZ (or it is still settling): traffic cannot reach it.
      log('warn', 'target-not-in-use', { target: key(target), reason: target.reason });
    }
  }

  if (toRegister.length > 0) {
    try {
      await deps.register(toRegister);
    } catch (error) {
      log('error', 'register-failed', { targets: toRegister.map(key), error: errorText(error) });
      throw error;
    }
    log('info', 'registered', { targets: toRegister.map(key) });
  }
  if (toDeregister.length > 0) {
    await deps.deregister(toDeregister);
    log('info', 'deregistered', { targets: toDeregister.map(key) });
  }

  await Promise.all(
    desired.map(async (t) => {
      const result = await deps.probe(t.id, t.port);
      log(result === 'open' ? 'info' : 'warn', 'tcp-probe', { target: key(t), result });
    }),
  );

  const changed = toRegister.length > 0 || toDeregister.length > 0;
  log('info', changed ? 'updated' : 'unchanged', { endpoint: settings.endpoint, addresses });
  return {
    status: changed ? 'updated' : 'unchanged',
    addresses,
    registered: toRegister,
    deregistered: toDeregister,
  };
}
