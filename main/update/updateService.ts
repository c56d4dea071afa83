import { AppError } from '../../shared/errors';
import {
  INITIAL_UPDATE_STATUS,
  reduceUpdate,
  type UpdateEvent,
  type UpdateStatus,
} from '../../shared/update/updateState';
import type { Logger } from '../base/logger';
import { createListeners } from '../base/listeners';

/** What the service needs from an updater (electron-updater in the app; see electronUpdater.ts). */
export interface UpdaterPort {
  /** The newer version on the feed, or null when this one is the newest. */
  findNewerVersion(): Promise<string | null>;
  /** Downloads it in the background; rejects unless its SHA-512 matches the feed's. */
  download(): Promise<void>;
  /** Whether a downloaded update installs when the app quits. */
  setInstallOnQuit(install: boolean): void;
  /** Quits and installs the downloaded update. */
  quitAndInstall(): void;
}

export interface UpdateService {
  /** Checks now, then every `intervalMs` (a day); a ready update stops further checks. */
  start(): void;
  stop(): void;
  status(): UpdateStatus;
  /** The user confirmed: install now. Refused while a setup runs, or with nothing downloaded. */
  installNow(): void;
  /** On quit: a ready update installs, unless a setup is running (it resumes after restart). */
  beforeQuit(): void;
  /** Every change of the status. */
  subscribe(listener: (status: UpdateStatus) => void): () => void;
  /** One check-and-download round; settles when it is done (for `start` and tests). */
  checkNow(): Promise<void>;
}

export const UpdateErrorCodes = {
  busy: 'update.busy',
  notReady: 'update.notReady',
} as const;

export interface UpdateServiceOptions {
  /** Absent where the app cannot update itself (development, tests, the browser demo). */
  readonly updater?: UpdaterPort;
  /** True while a setup or teardown is acting in the customer's account. */
  readonly isBusy: () => boolean;
  readonly logger: Logger;
  readonly intervalMs?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function createUpdateService(options: UpdateServiceOptions): UpdateService {
  const { updater, logger } = options;
  let state = INITIAL_UPDATE_STATUS;
  const changes = createListeners<UpdateStatus>((error) =>
    logger.warn('update.listenerFailed', { error: String(error) }),
  );
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> | undefined;

  const apply = (event: UpdateEvent) => {
    state = reduceUpdate(state, event);
    changes.emit(state);
  };

  async function checkAndDownload(port: UpdaterPort): Promise<void> {
    apply({ type: 'checkStarted' });
    let version: string | null;
    try {
      version = await port.findNewerVersion();
    } catch (error) {
      // Offline, a proxy, the feed down for maintenance: the app works as it is and says
      // nothing; the next daily check tries again.
      logger.info('update.feedUnreachable', { reason: reasonOf(error) });
      apply({ type: 'feedUnreachable' });
      return;
    }
    if (version === null) {
      apply({ type: 'upToDate' });
      return;
    }
    apply({ type: 'updateFound', version });
    try {
      await port.download();
      apply({ type: 'downloaded' });
      logger.info('update.ready', { version });
    } catch (error) {
      // A checksum mismatch (a tampered or truncated file) lands here too: nothing is installed.
      logger.warn('update.downloadFailed', { version, reason: reasonOf(error) });
      apply({ type: 'downloadFailed' });
    }
  }

  const service: UpdateService = {
    checkNow() {
      if (!updater || state.status !== 'idle') return round ?? Promise.resolve();
      round = checkAndDownload(updater).finally(() => {
        round = undefined;
      });
      return round;
    },
    start() {
      if (!updater || timer) return;
      void service.checkNow();
      timer = setInterval(() => void service.checkNow(), options.intervalMs ?? DAY_MS);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
    status: () => state,
    installNow() {
      if (!updater || state.status !== 'ready') throw new AppError(UpdateErrorCodes.notReady);
      if (options.isBusy()) throw new AppError(UpdateErrorCodes.busy);
      apply({ type: 'installStarted' });
      updater.quitAndInstall();
    },
    beforeQuit() {
      updater?.setInstallOnQuit(state.status === 'ready' && !options.isBusy());
    },
    subscribe: changes.subscribe,
  };
  return service;
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown';
}
