import { UpgradeStateSchema } from '../../shared/lifecycle/upgrade';
import type { upgradeChannels } from '../../shared/ipc/channels/upgrade';
import type { MainServices } from '../app/mainServices';
import type { HandlerTable } from './handlers';

/** In-place template upgrades (main/lifecycle/upgrader.ts); states on the wire are plain copies. */
export function createUpgradeHandlers(
  services: MainServices,
): Pick<HandlerTable, keyof typeof upgradeChannels> {
  const { upgrader } = services;
  const wire = (state: unknown) => UpgradeStateSchema.parse(state);
  return {
    'lifecycle:upgradeCheck': async ({ connectionId }) => {
      const { upgrade, ...check } = await upgrader.check(connectionId);
      return { ...check, ...(upgrade ? { upgrade: wire(upgrade) } : {}) };
    },
    'lifecycle:upgradePreview': async ({ connectionId }) =>
      wire(await upgrader.preview(connectionId)),
    'lifecycle:upgradeApply': async ({ connectionId }) => wire(await upgrader.apply(connectionId)),
    'lifecycle:upgradeCancel': async ({ connectionId }) =>
      wire(await upgrader.cancel(connectionId)),
  };
}
