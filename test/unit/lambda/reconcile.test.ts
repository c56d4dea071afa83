import { describe, expect, it } from 'vitest';
import type { RegisteredTarget } from '../../../lambda/src/common/messages';
import {
  reconcile,
  type CurrentTarget,
  type UpdaterDeps,
} from '../../../lambda/src/updater/reconcile';

const SETTINGS = { endpoint: 'mydb.abc.ap-northeast-1.rds.amazonaws.com', port: 3306 };

type Call = { op: 'register' | 'deregister'; targets: RegisteredTarget[] };

/** A target group in memory that records every call in order, as ELB would receive them. */
function fakeDeps(opts: {
  resolve: () => Promise<string[]>;
  targets?: CurrentTarget[];
  registerFails?: boolean;
}) {
  const calls: Call[] = [];
  const logs: { level: string; msg: string; fields?: Record<string, unknown> }[] = [];
  let targets = [...(opts.targets ?? [])];
  const deps: UpdaterDeps = {
    resolve: opts.resolve,
    describeTargets: async () => targets.map((t) => ({ ...t })),
    register: async (list) => {
      calls.push({ op: 'register', targets: list });
      if (opts.registerFails) throw new Error('AccessDenied');
      targets = [...targets, ...list.map((t) => ({ ...t, state: 'initial' }))];
    },
    deregister: async (list) => {
      calls.push({ op: 'deregister', targets: list });
      targets = targets.filter((t) => !list.some((d) => d.id === t.id && d.port === t.port));
    },
    probe: async () => 'open',
    log: (level, msg, fields) => logs.push({ level, msg, fields }),
  };
  return { deps, calls, logs, current: () => targets };
}

const healthy = (id: string, port = 3306): CurrentTarget => ({ id, port, state: 'healthy' });

describe('reconcile (target-group updater)', () => {
  it('changes nothing when the endpoint still resolves to the registered address', async () => {
    const f = fakeDeps({ resolve: async () => ['10.0.1.5'], targets: [healthy('10.0.1.5')] });
    const outcome = await reconcile(SETTINGS, f.deps);
    expect(outcome.status).toBe('unchanged');
    expect(f.calls).toEqual([]);
  });

  it('registers the first address of an empty target group', async () => {
    const f = fakeDeps({ resolve: async () => ['10.0.1.5'] });
    const outcome = await reconcile(SETTINGS, f.deps);
    expect(outcome).toMatchObject({
      status: 'updated',
      registered: [{ id: '10.0.1.5', port: 3306 }],
    });
    expect(f.calls).toEqual([{ op: 'register', targets: [{ id: '10.0.1.5', port: 3306 }] }]);
  });

  it('registers the new address before it deregisters the old one, both with the port', async () => {
    const f = fakeDeps({ resolve: async () => ['10.0.2.9'], targets: [healthy('10.0.1.5')] });
    const outcome = await reconcile(SETTINGS, f.deps);
    expect(outcome.status).toBe('updated');
    expect(f.calls).toEqual([
      { op: 'register', targets: [{ id: '10.0.2.9', port: 3306 }] },
      { op: 'deregister', targets: [{ id: '10.0.1.5', port: 3306 }] },
    ]);
    expect(f.current().map((t) => t.id)).toEqual(['10.0.2.9']);
  });

  it('keeps every address when the endpoint answers several', async () => {
    const f = fakeDeps({
      resolve: async () => ['10.0.2.9', '10.0.1.5', '10.0.2.9'],
      targets: [healthy('10.0.1.5')],
    });
    const outcome = await reconcile(SETTINGS, f.deps);
    expect(outcome).toMatchObject({ addresses: ['10.0.1.5', '10.0.2.9'] });
    expect(f.calls).toEqual([{ op: 'register', targets: [{ id: '10.0.2.9', port: 3306 }] }]);
  });

  it('follows an Aurora writer into another AZ and warns while the NLB cannot use it', async () => {
    const cluster = { endpoint: 'aur.cluster-abc.ap-northeast-1.rds.amazonaws.com', port: 3306 };
    const f = fakeDeps({ resolve: async () => ['10.0.3.7'], targets: [healthy('10.0.1.5')] });
    await reconcile(cluster, f.deps);
    expect(f.current()).toEqual([{ id: '10.0.3.7', port: 3306, state: 'initial' }]);

    // The next run sees ELB report the new target unused: the NLB has no subnet in its AZ.
    const later = fakeDeps({
      resolve: async () => ['10.0.3.7'],
      targets: [{ id: '10.0.3.7', port: 3306, state: 'unused', reason: 'Target.NotInUse' }],
    });
    const outcome = await reconcile(cluster, later.deps);
    expect(outcome.status).toBe('unchanged');
    expect(later.logs).toContainEqual(
      expect.objectContaining({ level: 'warn', msg: 'target-not-in-use' }),
    );
  });

  it('re-registers an address that is still draining after a quick move back', async () => {
    const f = fakeDeps({
      resolve: async () => ['10.0.1.5'],
      targets: [{ id: '10.0.1.5', port: 3306, state: 'draining' }, healthy('10.0.2.9')],
    });
    await reconcile(SETTINGS, f.deps);
    expect(f.calls).toEqual([
      { op: 'register', targets: [{ id: '10.0.1.5', port: 3306 }] },
      { op: 'deregister', targets: [{ id: '10.0.2.9', port: 3306 }] },
    ]);
  });

  it('deregisters a target left on another port with that port', async () => {
    const f = fakeDeps({
      resolve: async () => ['10.0.1.5'],
      targets: [healthy('10.0.1.5', 5432), healthy('10.0.1.5')],
    });
    await reconcile(SETTINGS, f.deps);
    expect(f.calls).toEqual([{ op: 'deregister', targets: [{ id: '10.0.1.5', port: 5432 }] }]);
  });

  it('leaves the target group alone when DNS fails or times out', async () => {
    for (const error of [
      new Error('getaddrinfo EAI_AGAIN'),
      new Error('DNS timed out after 5000 ms'),
    ]) {
      const f = fakeDeps({
        resolve: async () => {
          throw error;
        },
        targets: [healthy('10.0.1.5')],
      });
      const outcome = await reconcile(SETTINGS, f.deps);
      expect(outcome).toMatchObject({ status: 'unresolved' });
      expect(f.calls).toEqual([]);
      expect(f.current()).toHaveLength(1);
    }
  });

  it('leaves the target group alone when DNS answers no address', async () => {
    const f = fakeDeps({ resolve: async () => [], targets: [healthy('10.0.1.5')] });
    const outcome = await reconcile(SETTINGS, f.deps);
    expect(outcome).toMatchObject({
      status: 'unresolved',
      reason: expect.stringContaining('no IPv4'),
    });
    expect(f.calls).toEqual([]);
  });

  it('never deregisters when registering the new address failed', async () => {
    const f = fakeDeps({
      resolve: async () => ['10.0.2.9'],
      targets: [healthy('10.0.1.5')],
      registerFails: true,
    });
    await expect(reconcile(SETTINGS, f.deps)).rejects.toThrow('AccessDenied');
    expect(f.calls.map((c) => c.op)).toEqual(['register']);
    expect(f.current().map((t) => t.id)).toEqual(['10.0.1.5']);
  });

  it('probes every current address on the RDS port and logs the result', async () => {
    const probed: string[] = [];
    const f = fakeDeps({ resolve: async () => ['10.0.1.5', '10.0.2.9'] });
    f.deps.probe = async (address, port) => {
      probed.push(`${address}:${port}`);
      return address === '10.0.1.5' ? 'open' : 'ECONNREFUSED';
    };
    await reconcile(SETTINGS, f.deps);
    expect(probed.sort()).toEqual(['10.0.1.5:3306', '10.0.2.9:3306']);
    expect(f.logs).toContainEqual({
      level: 'warn',
      msg: 'tcp-probe',
      fields: { target: '10.0.2.9:3306', result: 'ECONNREFUSED' },
    });
  });
});
