import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../main/base/logger';
import { createUpdateService, type UpdaterPort } from '../../../main/update/updateService';
import { IllegalUpdateTransition, reduceUpdate } from '../../../shared/update/updateState';

/** An updater whose feed offers `newer` (or nothing), recording what the service asked of it. */
function fakeUpdater(newer: string | null) {
  const calls: string[] = [];
  let installOnQuit = false;
  const port: UpdaterPort = {
    findNewerVersion: async () => {
      calls.push('check');
      return newer;
    },
    download: async () => void calls.push('download'),
    setInstallOnQuit: (install) => {
      installOnQuit = install;
    },
    quitAndInstall: () => void calls.push('quitAndInstall'),
  };
  return { port, calls, installOnQuit: () => installOnQuit };
}

afterEach(() => vi.useRealTimers());

describe('the update lifecycle', () => {
  it('refuses transitions out of order (no install before a download, no check while ready)', () => {
    expect(() => reduceUpdate({ status: 'idle' }, { type: 'installStarted' })).toThrow(
      IllegalUpdateTransition,
    );
    expect(() =>
      reduceUpdate({ status: 'ready', version: '0.2.0' }, { type: 'checkStarted' }),
    ).toThrow(IllegalUpdateTransition);
    expect(() =>
      reduceUpdate({ status: 'downloading', version: '0.2.0' }, { type: 'upToDate' }),
    ).toThrow(IllegalUpdateTransition);
  });
});

describe('the update service', () => {
  it('checks at start and then daily, and stops checking once an update is ready', async () => {
    vi.useFakeTimers();
    const { port, calls } = fakeUpdater(null);
    const service = createUpdateService({
      updater: port,
      isBusy: () => false,
      logger: silentLogger,
    });
    service.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['check']);
    await vi.advanceTimersByTimeAsync(23 * 60 * 60 * 1000);
    expect(calls).toEqual(['check']);
    await vi.advanceTimersByTimeAsync(60 * 60 * 1000);
    expect(calls).toEqual(['check', 'check']);
    service.stop();
  });

  it('installs only on the user confirmation, and never while a setup is running', async () => {
    const { port, calls } = fakeUpdater('0.2.0');
    let busy = true;
    const pushed: unknown[] = [];
    const service = createUpdateService({
      updater: port,
      isBusy: () => busy,
      logger: silentLogger,
    });
    service.subscribe((status) => void pushed.push(status));
    await service.checkNow();
    expect(calls).toEqual(['check', 'download']);
    expect(pushed.at(-1)).toEqual({ status: 'ready', version: '0.2.0' });
    expect(() => service.installNow()).toThrow(expect.objectContaining({ code: 'update.busy' }));
    expect(calls).not.toContain('quitAndInstall');
    busy = false;
    service.installNow();
    expect(calls.at(-1)).toBe('quitAndInstall');
  });

  it('installs a ready update on quit, unless a setup is running', async () => {
    const { port, installOnQuit } = fakeUpdater('0.2.0');
    let busy = false;
    const service = createUpdateService({
      updater: port,
      isBusy: () => busy,
      logger: silentLogger,
    });
    service.beforeQuit();
    expect(installOnQuit()).toBe(false);
    await service.checkNow();
    service.beforeQuit();
    expect(installOnQuit()).toBe(true);
    busy = true;
    service.beforeQuit();
    expect(installOnQuit()).toBe(false);
  });

  it('does nothing where the app cannot update itself (development, tests, the demo)', async () => {
    const service = createUpdateService({ isBusy: () => false, logger: silentLogger });
    service.start();
    await service.checkNow();
    expect(service.status()).toEqual({ status: 'idle' });
    expect(() => service.installNow()).toThrow(
      expect.objectContaining({ code: 'update.notReady' }),
    );
  });
});
