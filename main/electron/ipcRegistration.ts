import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { ErrorCodes } from '../../shared/errors';
import { CHANNEL_NAMES, type EventName, type EventPayloadOf } from '../../shared/ipc/contract';
import { dispatch } from '../ipc/dispatch';
import type { EventSink } from '../ipc/handlers';
import type { IpcEndpoint } from '../ipc/ipcEndpoint';
import type { Logger } from '../base/logger';

/**
 * The only module that touches `ipcMain`: one `handle` per contract channel, all through
 * dispatch, and the contract's events connected to the window once.
 */
export function registerIpcHandlers(
  endpoint: IpcEndpoint,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
  events: EventSink,
  logger: Logger,
): void {
  const { handlers } = endpoint;
  endpoint.connectEvents(events);
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!isTrustedSender(event)) {
        logger.warn('ipc.untrustedSender', { channel });
        return { ok: false, error: { code: ErrorCodes.forbiddenSender } };
      }
      return dispatch(handlers, channel, payload, logger);
    });
  }
}

export function webContentsEventSink(getTarget: () => WebContents | undefined): EventSink {
  return {
    emit<E extends EventName>(event: E, payload: EventPayloadOf<E>) {
      const target = getTarget();
      if (target && !target.isDestroyed()) target.send(event, payload);
    },
  };
}

/** Accepts only the main frame of our own window showing the bundled renderer. */
export function trustedSenderCheck(
  getWindowContents: () => WebContents | undefined,
  rendererUrl: string,
): (event: IpcMainInvokeEvent) => boolean {
  return (event) => {
    const contents = getWindowContents();
    const frame = event.senderFrame;
    return (
      contents !== undefined &&
      event.sender.id === contents.id &&
      frame !== null &&
      frame.parent === null &&
      frame.url === rendererUrl
    );
  };
}
