import { z } from 'zod';

/**
 * The app's own update, as the home screen sees it. `idle` covers "up to date" and "the feed
 * could not be reached" alike: neither is the user's concern. `ready` is downloaded and verified
 * (SHA-512): it installs when the app restarts, or now if the user confirms.
 */
export const UpdateStatusSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('idle') }),
  z.object({ status: z.literal('checking') }),
  z.object({ status: z.literal('downloading'), version: z.string() }),
  z.object({ status: z.literal('ready'), version: z.string() }),
  z.object({ status: z.literal('installing'), version: z.string() }),
]);
export type UpdateStatus = z.infer<typeof UpdateStatusSchema>;

export type UpdateEvent =
  | { type: 'checkStarted' }
  | { type: 'upToDate' }
  | { type: 'feedUnreachable' }
  | { type: 'updateFound'; version: string }
  | { type: 'downloaded' }
  | { type: 'downloadFailed' }
  | { type: 'installStarted' };

export class IllegalUpdateTransition extends Error {
  constructor(status: UpdateStatus['status'], event: UpdateEvent['type']) {
    super(`update: ${event} is not allowed while ${status}`);
  }
}

export const INITIAL_UPDATE_STATUS: UpdateStatus = { status: 'idle' };

/** The update lifecycle; anything not listed here is refused. */
export function reduceUpdate(state: UpdateStatus, event: UpdateEvent): UpdateStatus {
  const illegal = () => new IllegalUpdateTransition(state.status, event.type);
  switch (state.status) {
    case 'idle':
      if (event.type === 'checkStarted') return { status: 'checking' };
      throw illegal();
    case 'checking':
      if (event.type === 'upToDate' || event.type === 'feedUnreachable') return { status: 'idle' };
      if (event.type === 'updateFound') return { status: 'downloading', version: event.version };
      throw illegal();
    case 'downloading':
      if (event.type === 'downloaded') return { status: 'ready', version: state.version };
      if (event.type === 'downloadFailed') return { status: 'idle' };
      throw illegal();
    case 'ready':
      if (event.type === 'installStarted') return { status: 'installing', version: state.version };
      throw illegal();
    case 'installing':
      throw illegal();
  }
}
