import { AdoptionStateSchema } from '../../shared/lifecycle/adopt';
import type { lifecycleChannels } from '../../shared/ipc/channels/lifecycle';
import type { MainServices } from '../app/mainServices';
import type { HandlerTable } from './handlers';

/** Finding, diagnosing and adopting setups (main/lifecycle); adoption states on the wire are plain copies. */
export function createLifecycleHandlers(
  services: MainServices,
): Pick<HandlerTable, keyof typeof lifecycleChannels> {
  const { lifecycle } = services;
  const wire = AdoptionStateSchema.parse;
  return {
    'lifecycle:scan': ({ profile, region }) => lifecycle.scan(profile, region),
    'lifecycle:adopt': async (request) => wire(await lifecycle.adopt(request)),
    'lifecycle:listAdoptions': async () => lifecycle.listAdoptions().map((a) => wire(a)),
    'lifecycle:release': async ({ key }) => wire(lifecycle.release(key)),
    'lifecycle:teardown': async ({ key }) => wire(await lifecycle.teardown(key)),
  };
}
