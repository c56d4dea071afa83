import { useEffect, useState } from 'react';
import type { SsoSessionNotice, SsoTarget } from '../../../shared/aws/sso';
import { useIpcClient } from '../data/IpcClientContext';
import { useIpcEvent } from '../data/useIpcEvent';
import { watchedSessionOf } from './ssoTarget';
import { useAwsProfiles } from './useAwsProfiles';

export type SessionNotice = Pick<SsoSessionNotice, 'state' | 'endsAt'>;
type Watched = { target: SsoTarget; session: string };

/**
 * Watches the SSO session behind a profile while mounted: main renews it silently and pushes a
 * notice when it cannot. `round` watches again (after a fresh login; after `ended` it is not).
 */
export function useSsoSessionWatch(profile: string, round: number) {
  const client = useIpcClient();
  const listing = useAwsProfiles(profile);
  // The session of the profile it was looked up for; an answer for another profile is not used.
  const watched: Watched | null =
    listing.status === 'ready' ? watchedSessionOf(profile, listing.value) : null;
  const [notice, setNotice] = useState<SessionNotice>();

  useIpcEvent(
    'aws:ssoSessionNotice',
    (next) => {
      if (next.session === watched?.session) setNotice({ state: next.state, endsAt: next.endsAt });
    },
    watched !== null,
  );

  const session = watched?.session;
  const target = watched === null ? undefined : JSON.stringify(watched.target);
  useEffect(() => {
    if (target === undefined) return undefined;
    return () =>
      void client
        .call('aws:ssoUnwatchSession', { target: JSON.parse(target) as SsoTarget })
        .catch(() => undefined);
  }, [client, target, session]);

  // Watching again after a login is not preceded by an unwatch, which could overtake it.
  useEffect(() => {
    if (target !== undefined)
      client
        .call('aws:ssoWatchSession', { target: JSON.parse(target) as SsoTarget })
        .catch(() => undefined);
  }, [client, target, round]);

  return { watched, notice, setNotice };
}
