import type { AppUpdater } from 'electron-updater';
import type { Logger } from '../base/logger';
import type { UpdaterPort } from '../update/updateService';

/**
 * electron-updater behind the service's port: the generic provider at the configured feed URL
 * (latest.yml and the files it names), nothing downloaded or installed on its own, the whole
 * file fetched and its SHA-512 checked against the feed's before it counts as downloaded.
 */
export function electronUpdaterPort(
  updater: AppUpdater,
  feedUrl: string,
  logger: Logger,
): UpdaterPort {
  updater.setFeedURL({ provider: 'generic', url: feedUrl });
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = false;
  updater.allowDowngrade = false;
  updater.allowPrerelease = false;
  // Differential downloads patch the installed file block by block; a full download is
  // verified whole against the feed's SHA-512.
  updater.disableDifferentialDownload = true;
  updater.logger = {
    info: () => {},
    warn: (message: unknown) => logger.info('update.updaterNote', { message: String(message) }),
    error: () => {},
  };
  return {
    async findNewerVersion() {
      const result = await updater.checkForUpdates();
      return result?.isUpdateAvailable === true ? result.updateInfo.version : null;
    },
    async download() {
      await updater.downloadUpdate();
    },
    setInstallOnQuit(install) {
      updater.autoInstallOnAppQuit = install;
    },
    quitAndInstall() {
      updater.quitAndInstall(false, true);
    },
  };
}
