import type { guidedChannels } from '../../shared/ipc/channels/guided';
import type { MainServices } from '../app/mainServices';
import type { HandlerTable } from './handlers';

/** The guided flow's SMOOZ side; every change of a record is also pushed as `guided:changed`. */
export function createGuidedHandlers(
  services: MainServices,
): Pick<HandlerTable, keyof typeof guidedChannels> {
  const { guided } = services;
  return {
    'guided:finish': ({ connectionId }, { events }) =>
      guided.finish(connectionId, (record) => events.emit('guided:changed', record)),
    'guided:get': ({ connectionId }) => guided.get(connectionId),
    'guided:list': () => guided.list(),
    'guided:recheck': async ({ connectionId }, { events }) => {
      const record = await guided.recheck(connectionId);
      events.emit('guided:changed', record);
      return record;
    },
    'guided:teardown': ({ connectionId }, { events }) =>
      guided.teardown(connectionId, (record) => events.emit('guided:changed', record)),
  };
}
