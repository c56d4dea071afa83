import { CreateTokenCommand } from '@aws-sdk/client-sso-oidc';
import type { SsoSessionRef } from '../profileCatalog';
import { createSsoOidcClient } from './oidcClient';
import {
  canRefresh,
  cliTimestamp,
  readSsoToken,
  writeSsoToken,
  type SsoCachedToken,
} from './tokenCache';

/** Renew this long before expiry, like the SDK's token provider (its EXPIRE_WINDOW_MS). */
export const REFRESH_WINDOW_MS = 5 * 60 * 1000;

const inFlight = new Map<string, Promise<SsoCachedToken | null>>();

/**
 * The session's token, renewed through the refresh token when it is about to run out (the AWS CLI
 * does the same and writes the same file). Null when there is no usable token; a failed refresh
 * leaves the cached file as it was. `windowMs` renews earlier (the session watch does, so a refused
 * renewal is known well before the token runs out).
 */
export async function freshSsoToken(
  session: SsoSessionRef,
  now: () => Date,
  windowMs = REFRESH_WINDOW_MS,
): Promise<SsoCachedToken | null> {
  const running = inFlight.get(session.key);
  if (running) return running;
  const work = (async () => {
    const token = await readSsoToken(session.key);
    if (!token) return null;
    const remaining = Date.parse(token.expiresAt) - now().getTime();
    if (remaining > windowMs || !canRefresh(token, now())) {
      return remaining > 0 ? token : null;
    }
    let response;
    try {
      response = await createSsoOidcClient(session.region).send(
        new CreateTokenCommand({
          clientId: token.clientId,
          clientSecret: token.clientSecret,
          refreshToken: token.refreshToken,
          grantType: 'refresh_token',
        }),
      );
    } catch (error) {
      if (remaining > 0) return token;
      // The service answered (revoked grant, expired registration): the user must log in again.
      if (typeof error === 'object' && error !== null && '$metadata' in error) return null;
      throw error;
    }
    if (!response.accessToken || !response.expiresIn) return remaining > 0 ? token : null;
    const renewed: SsoCachedToken = {
      startUrl: session.startUrl,
      region: session.region,
      accessToken: response.accessToken,
      expiresAt: cliTimestamp(new Date(now().getTime() + response.expiresIn * 1000)),
      clientId: token.clientId,
      clientSecret: token.clientSecret,
      registrationExpiresAt: token.registrationExpiresAt,
      refreshToken: response.refreshToken ?? token.refreshToken,
    };
    await writeSsoToken(session.key, renewed);
    return renewed;
  })();
  inFlight.set(session.key, work);
  try {
    return await work;
  } finally {
    inFlight.delete(session.key);
  }
}
