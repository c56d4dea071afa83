import type { guidedChannels } from '../../shared/ipc/channels/guided';
import type { MainServices } from '../app/mainServices';
import type { HandlerTable } from './handlers';

/** The guided flow's SMOOZ side; the service pushes every change of a record (`guided:changed`). */
export function createGuidedHandlers(
  services: MainServices,
): Pick<HandlerTable, keyof typeof guidedChannels> {
  const { guided } = services;
  return {
    'guided:finish': ({ connectionId }) => guided.finish(connectionId),
    'guided:get': ({ connectionId }) => guided.get(connectionId),
    'guided:list': () => guided.list(),
    'guided:recheck': ({ connectionId }) => guided.recheck(connectionId),
    'guided:teardown': ({ connectionId }) => guided.teardown(connectionId),
  };
}
