import { AppError, ErrorCodes } from '../../shared/errors';
import { channels, isChannel, type Channel } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/result';
import { redactDeep } from '../../shared/redaction/deep';
import type { HandlerTable } from './handlers';
import type { Logger } from '../base/logger';

/**
 * The one place a request from the renderer is parsed, run and answered; the Electron IPC
 * registration and the test bridge both call it, so both get the same validation.
 */
export async function dispatch(
  handlers: HandlerTable,
  channelName: string,
  payload: unknown,
  logger: Logger,
): Promise<IpcResult<unknown>> {
  if (!isChannel(channelName)) {
    return { ok: false, error: { code: ErrorCodes.unknownChannel } };
  }
  const channel: Channel = channelName;
  const spec = channels[channel];
  const parsed = spec.request.safeParse(payload);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: ErrorCodes.invalidRequest,
        params: { channel, issues: parsed.error.issues.length },
      },
    };
  }
  try {
    const handler = handlers[channel] as (req: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    const checked = spec.response.safeParse(value);
    if (!checked.success) {
      logger.error('ipc.invalidResponse', { channel, issues: checked.error.issues.length });
      return { ok: false, error: { code: ErrorCodes.invalidResponse, params: { channel } } };
    }
    return { ok: true, value: checked.data };
  } catch (error) {
    if (error instanceof AppError) {
      // What the user was told, kept (redacted) for the diagnostic report's last errors.
      const data = error.toData();
      logger.warn('ipc.failed', {
        channel,
        code: data.code,
        params: redactDeep(data.params ?? {}),
      });
      return { ok: false, error: data };
    }
    logger.error('ipc.handlerFailed', { channel, error: String(error) });
    return { ok: false, error: { code: ErrorCodes.internal } };
  }
}
