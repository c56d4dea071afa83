import type { updateChannels } from '../../shared/ipc/channels/update';
import type { MainServices } from '../app/mainServices';
import type { HandlerTable } from './handlers';

export function createUpdateHandlers(
  services: MainServices,
): Pick<HandlerTable, keyof typeof updateChannels> {
  const { update } = services;
  return {
    'update:getStatus': async () => update.status(),
    'update:installNow': async () => {
      update.installNow();
    },
  };
}
