import type { updateChannels } from '../../shared/ipc/channels/update';
import type { MainServices } from '../app/mainServices';
import type { HandlerTable } from './handlers';

export function createUpdateHandlers(
  services: MainServices,
): Pick<HandlerTable, keyof typeof updateChannels> {
  const { update } = services;
  return {
    // Every call refreshes where status events go, so a reopened window gets them.
    'update:getStatus': async (_request, { events }) => {
      update.attachEvents(events);
      return update.status();
    },
    'update:installNow': async (_request, { events }) => {
      update.attachEvents(events);
      update.installNow();
    },
  };
}
