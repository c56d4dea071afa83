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
  const logs: { level: string; msg: string; fields?: Record<string, unknown> | undefined }[] = [];
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
    expect(later.logs).toEqual([
      expect.objectContaining({
        level: 'warn',
        msg: 'unchanged',
        fields: expect.objectContaining({
          targets: [{ target: '10.0.3.7:3306', state: 'unused', reason: 'Target.NotInUse' }],
        }),
      }),
    ]);
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

  it('probes each newly registered address on the RDS port and logs the result in its last line', async () => {
    const probed: string[] = [];
    const f = fakeDeps({ resolve: async () => ['10.0.1.5', '10.0.2.9'] });
    f.deps.probe = async (address, port) => {
      probed.push(`${address}:${port}`);
      return address === '10.0.1.5' ? 'open' : 'ECONNREFUSED';
    };
    await reconcile(SETTINGS, f.deps);
    expect(probed.sort()).toEqual(['10.0.1.5:3306', '10.0.2.9:3306']);
    expect(f.logs.at(-1)).toMatchObject({
      level: 'warn',
      msg: 'updated',
      fields: {
        probes: expect.arrayContaining([{ target: '10.0.2.9:3306', result: 'ECONNREFUSED' }]),
      },
    });
  });

  it('when nothing changed, asks ELB once, probes nothing and writes one line with the trigger', async () => {
    let described = 0;
    const f = fakeDeps({ resolve: async () => ['10.0.1.5'], targets: [healthy('10.0.1.5')] });
    const describe = f.deps.describeTargets;
    f.deps.describeTargets = () => {
      described++;
      return describe();
    };
    f.deps.probe = () => Promise.reject(new Error('no probe expected'));
    await reconcile(SETTINGS, f.deps, { trigger: 'aws.events' });
    expect(described).toBe(1);
    expect(f.logs).toEqual([
      {
        level: 'info',
        msg: 'unchanged',
        fields: {
          trigger: 'aws.events',
          endpoint: SETTINGS.endpoint,
          addresses: ['10.0.1.5'],
          targets: [{ target: '10.0.1.5:3306', state: 'healthy', reason: undefined }],
        },
      },
    ]);
  });

  it('a run that looked up the old address before a move never removes the new one', async () => {
    // Another run registered the new address 10.0.2.9 between this run's lookup and its describe.
    let lookups = 0;
    const f = fakeDeps({
      resolve: async () => (lookups++ === 0 ? ['10.0.1.5'] : ['10.0.2.9']),
      targets: [healthy('10.0.1.5'), healthy('10.0.2.9')],
    });
    const outcome = await reconcile(SETTINGS, f.deps);
    expect(f.calls).toEqual([{ op: 'deregister', targets: [{ id: '10.0.1.5', port: 3306 }] }]);
    expect(f.current().map((t) => t.id)).toEqual(['10.0.2.9']);
    expect(outcome).toMatchObject({ addresses: ['10.0.2.9'] });
  });

  it('a late run that registered the old address after the move removes it again itself', async () => {
    // The new address is in place already; this run's first lookup still gave the old one.
    let lookups = 0;
    const f = fakeDeps({
      resolve: async () => (lookups++ === 0 ? ['10.0.1.5'] : ['10.0.2.9']),
      targets: [healthy('10.0.2.9')],
    });
    await reconcile(SETTINGS, f.deps);
    expect(f.calls).toEqual([
      { op: 'register', targets: [{ id: '10.0.1.5', port: 3306 }] },
      { op: 'deregister', targets: [{ id: '10.0.1.5', port: 3306 }] },
    ]);
    expect(f.current().map((t) => t.id)).toEqual(['10.0.2.9']);
  });

  it('follows a database that moves again while the run works, registering before removing', async () => {
    const answers = [['10.0.2.9'], ['10.0.3.7'], ['10.0.3.7']];
    const f = fakeDeps({
      resolve: async () => answers.shift() ?? ['10.0.3.7'],
      targets: [healthy('10.0.1.5')],
    });
    await reconcile(SETTINGS, f.deps);
    expect(f.calls).toEqual([
      { op: 'register', targets: [{ id: '10.0.2.9', port: 3306 }] },
      { op: 'register', targets: [{ id: '10.0.3.7', port: 3306 }] },
      {
        op: 'deregister',
        targets: [
          { id: '10.0.1.5', port: 3306 },
          { id: '10.0.2.9', port: 3306 },
        ],
      },
    ]);
    expect(f.current().map((t) => t.id)).toEqual(['10.0.3.7']);
  });

  it('removes nothing when the second lookup fails', async () => {
    let lookups = 0;
    const f = fakeDeps({
      resolve: async () => {
        if (lookups++ === 0) return ['10.0.2.9'];
        throw new Error('getaddrinfo EAI_AGAIN');
      },
      targets: [healthy('10.0.1.5')],
    });
    await reconcile(SETTINGS, f.deps);
    expect(f.calls.map((c) => c.op)).toEqual(['register']);
    expect(f.current().map((t) => t.id)).toEqual(['10.0.1.5', '10.0.2.9']);
  });
});

describe('reconcile with a lookup that stays stale for the whole run', () => {
  it('keeps a target the database answers on when none of the looked-up addresses does', async () => {
    const f = fakeDeps({ resolve: async () => ['10.0.1.5'], targets: [healthy('10.0.2.9')] });
    f.deps.probe = async (address) => (address === '10.0.2.9' ? 'open' : 'ECONNREFUSED');
    await reconcile(SETTINGS, f.deps);
    expect(f.calls).toEqual([{ op: 'register', targets: [{ id: '10.0.1.5', port: 3306 }] }]);
    expect(f.current().map((t) => t.id)).toEqual(['10.0.2.9', '10.0.1.5']);
    expect(f.logs).toContainEqual(
      expect.objectContaining({ level: 'warn', msg: 'kept-answering' }),
    );
  });

  it('still removes the old target when the looked-up address answers', async () => {
    const f = fakeDeps({ resolve: async () => ['10.0.1.5'], targets: [healthy('10.0.2.9')] });
    f.deps.probe = async () => 'open';
    await reconcile(SETTINGS, f.deps);
    expect(f.current().map((t) => t.id)).toEqual(['10.0.1.5']);
  });
});
