import { describe, expect, it } from 'vitest';
import type { UpdaterPort } from '../../../main/update/updateService';
import { samplePlan } from '../../support/flowFixtures';
import { servicesOnDisk } from '../../support/servicesOnDisk';

const readyUpdater = (): UpdaterPort & { installs: number } => ({
  installs: 0,
  findNewerVersion: async () => '0.2.0',
  download: async () => {},
  setInstallOnQuit: () => {},
  quitAndInstall() {
    this.installs += 1;
  },
});

describe("the app's update, as main assembles it", () => {
  it('waits while a persisted flow is creating its stack, and installs once it has finished', async () => {
    const updater = readyUpdater();
    const { services, storeBacking } = await servicesOnDisk(undefined, { updater });
    const { connectionId } = samplePlan;
    storeBacking.set('setupFlows', {
      [connectionId]: {
        step: 'creatingStack',
        plan: samplePlan,
        created: [],
        progress: { done: 1, total: 9 },
      },
    });
    await services.update.checkNow();
    expect(services.update.status()).toEqual({ status: 'ready', version: '0.2.0' });
    expect(() => services.update.installNow()).toThrow(
      expect.objectContaining({ code: 'update.busy' }),
    );
    storeBacking.set('setupFlows', {
      [connectionId]: {
        step: 'cancelled',
        plan: samplePlan,
        created: [],
        resumeStep: 'creatingStack',
      },
    });
    services.update.installNow();
    expect(updater.installs).toBe(1);
  });
});
