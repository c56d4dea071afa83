import { useCallback } from 'react';
import { useIpcClient } from '../data/IpcClientContext';
import { useIpcQuery } from '../data/useIpcQuery';

export interface SmoozDefaults {
  readonly smoozAccountId: string;
  readonly smoozRoleArn: string;
  /** SMOOZ's start of every AWS name; the app derives the rest per connection. */
  readonly resourceNamePrefix: string;
}

type Readiness =
  | { status: 'loading' }
  | { status: 'needsToken' }
  | { status: 'ready'; defaults: SmoozDefaults }
  | { status: 'error'; error: unknown };
export type SmoozStatus = Readiness & { reload: () => void };

/**
 * Whether SMOOZ can be asked (a token is stored) and what it pre-fills: its AWS account id (⑧)
 * and the prefix of every AWS name a connection gets. Read once; again after a token is entered.
 */
export function useSmoozStatus(): SmoozStatus {
  const query = useIpcQuery(async (client): Promise<SmoozDefaults | null> => {
    const token = await client.call('smooz:getTokenStatus');
    if (!token.isSet) return null;
    const settings = await client.call('smooz:getSettings');
    return {
      smoozAccountId: settings.smoozAwsAccountId,
      smoozRoleArn: settings.smoozRoleArn,
      resourceNamePrefix: settings.resourceNamePrefix,
    };
  });
  const reload = query.refetch;
  if (query.status === 'ready') {
    return query.value === null
      ? { status: 'needsToken', reload }
      : { status: 'ready', defaults: query.value, reload };
  }
  return query.status === 'error'
    ? { status: 'error', error: query.error, reload }
    : { status: 'loading', reload };
}

/** Stores SMOOZ's admin token (main checks it with SMOOZ first; it never comes back). */
export function useSmoozToken(): (token: string) => Promise<void> {
  const client = useIpcClient();
  return useCallback(
    async (token: string) => {
      await client.call('smooz:setToken', { token });
    },
    [client],
  );
}
