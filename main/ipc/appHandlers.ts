import type { appChannels } from '../../shared/ipc/channels/app';
import { describeConfigFiles, listProfileNames } from '../aws/sharedConfigFiles';
import type { MainServices } from '../app/mainServices';
import type { HandlerTable } from './handlers';
import { definedFields } from '../../shared/definedFields';

export function createAppHandlers(
  services: MainServices,
): Pick<HandlerTable, keyof typeof appChannels> {
  return {
    'app:getDiagnostics': async () => {
      const { runtime, awsPaths } = services;
      const profiles = await listProfileNames(awsPaths).catch(() => []);
      return {
        appVersion: runtime.appVersion,
        versions: runtime.versions,
        platform: runtime.platform,
        arch: runtime.arch,
        aws: { ...describeConfigFiles(awsPaths), profileCount: profiles.length },
        endpointOverrides: services.config.endpointOverrides,
      };
    },
    'app:getPreferences': async () => services.store.getPreferences(),
    'app:setPreferences': async (patch) => services.store.setPreferences(definedFields(patch)),
    'connections:list': async () => services.store.listConnections(),
    // The opener checks the allow-list itself.
    'shell:openExternal': async ({ url }) => {
      await services.openExternal(url);
    },
  };
}
