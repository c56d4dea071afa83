import { dirname, join } from 'node:path';
import { z } from 'zod';
import { SmoozStatusEventSchema, type SmoozStatusEvent } from '../../shared/ipc/channels/smooz';
import type { CustomerSide } from '../../shared/smooz/trackingRecord';
import type { AwsClientContext } from '../aws/clientFactory';
import type { AppConfig } from '../base/config';
import { createStoreJournal } from '../base/diagnosticsJournal';
import type { Logger } from '../base/logger';
import type { StoreBacking } from '../base/storeBacking';
import type { JournalState } from '../base/diagnosticsJournal';
import type { TrackingRecords } from './trackingStore';
import { createCrossChecker } from './customerCrossCheck';
import type { SecretEncryptor } from './secretEncryptor';
import { createSmoozClient, type SmoozApi, type SmoozClientOptions } from './smoozApiClient';
import { createStatusTracker, type StatusTracker, type TrackingPolicy } from './statusTracker';
import { createTokenStore, type TokenStore } from './tokenStore';
import { createTrackingStore } from './trackingStore';
import { createListeners } from '../base/listeners';

export interface SmoozServices {
  readonly tokens: TokenStore;
  /** The client with the stored token. */
  readonly client: SmoozApi;
  /** A client with a token that is not stored yet, to check it before storing. */
  clientWithToken(token: string): SmoozApi;
  readonly tracker: StatusTracker;
  /** Every status change of a tracked connection. */
  subscribe(listener: (event: SmoozStatusEvent) => void): () => void;
}

export interface SmoozHost {
  readonly config: AppConfig;
  readonly storeBacking: StoreBacking<TrackingRecords & JournalState> & { readonly path: string };
  /** Electron safeStorage in the app; without one the token cannot be stored. */
  readonly secretEncryptor?: SecretEncryptor;
  readonly logger: Logger;
  /** Credentials for the customer-side cross-check (the profile the stack was made with). */
  readonly customerContext: (side: CustomerSide) => Promise<AwsClientContext>;
  /** Tests shorten the client's retries and the tracker's polling. */
  readonly clientOptions?: Partial<SmoozClientOptions>;
  readonly trackingPolicy?: TrackingPolicy;
}

export const TOKEN_FILE_NAME = 'smooz-token.bin';

/**
 * The SMOOZ feature's services. The token file sits beside the app's state file; connections
 * that were in flight when the app last closed resume tracking here, at start-up.
 */
export function createSmoozServices(host: SmoozHost): SmoozServices {
  const tokens = createTokenStore(
    join(dirname(host.storeBacking.path), TOKEN_FILE_NAME),
    host.secretEncryptor,
  );
  const clientFor = (token: () => Promise<string | undefined>) =>
    createSmoozClient({
      baseUrl: host.config.smooz.apiBaseUrl,
      token,
      logger: host.logger,
      ...host.clientOptions,
    });
  const client = clientFor(() => tokens.read());
  const statusChanges = createListeners<SmoozStatusEvent>((error) =>
    host.logger.warn('smooz.listenerFailed', { error: String(error) }),
  );
  const journal = createStoreJournal(host.storeBacking);
  const tracker = createStatusTracker({
    client,
    store: createTrackingStore(host.storeBacking),
    emit: statusChanges.emit,
    crossCheck: createCrossChecker(host.config, host.customerContext),
    logger: host.logger,
    history: {
      load: () => journal.read('smoozHistory', z.array(SmoozStatusEventSchema), []),
      save: (events) => journal.save('smoozHistory', events),
    },
    ...(host.trackingPolicy ? { policy: host.trackingPolicy } : {}),
  });
  tracker.resume();
  return {
    tokens,
    client,
    clientWithToken: (token) => clientFor(async () => token),
    tracker,
    subscribe: statusChanges.subscribe,
  };
}
