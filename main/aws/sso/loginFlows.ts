import {
  CreateTokenCommand,
  RegisterClientCommand,
  StartDeviceAuthorizationCommand,
  type CreateTokenCommandOutput,
  type RegisterClientCommandOutput,
} from '@aws-sdk/client-sso-oidc';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../../../shared/errors';
import { AwsErrorCodes } from '../../../shared/aws/errorCodes';
import type { SsoSessionRef } from '../profileCatalog';
import { startLoopbackRedirect } from './loopbackRedirect';
import { createSsoOidcClient, recordEndpoint } from './oidcClient';
import { createPkcePair } from './pkce';
import { cliTimestamp, type SsoCachedToken } from './tokenCache';
import { awsErrorName } from '../awsErrors';

/** Without this scope IAM Identity Center issues no refresh token and logins last only hours. */
export const SSO_SCOPE = 'sso:account:access';
const CLIENT_NAME = 'smooz-privatelink-assistant';
const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
// RFC 8628 §3.5: on slow_down the polling interval grows by 5 seconds.
const SLOW_DOWN_STEP_S = 5;

export interface LoginIo {
  readonly signal: AbortSignal;
  readonly now: () => Date;
  /** Opens the sign-in page in the system browser (authorization code flow). */
  openBrowser(url: string, oidcEndpoint: string | null): Promise<void>;
  browserOpened(): void;
  /** The device code flow's code and page, shown to the user. */
  deviceCode(
    userCode: string,
    verificationUri: string,
    expiresAt: Date,
    oidcEndpoint: string | null,
  ): void;
}

function cacheEntry(
  session: SsoSessionRef,
  registration: RegisterClientCommandOutput,
  token: CreateTokenCommandOutput,
  now: Date,
): SsoCachedToken {
  if (
    !token.accessToken ||
    !token.expiresIn ||
    !registration.clientId ||
    !registration.clientSecret
  ) {
    throw new AppError(AwsErrorCodes.ssoLoginFailed, { reason: 'incomplete_token' });
  }
  return {
    startUrl: session.startUrl,
    region: session.region,
    accessToken: token.accessToken,
    expiresAt: cliTimestamp(new Date(now.getTime() + token.expiresIn * 1000)),
    clientId: registration.clientId,
    clientSecret: registration.clientSecret,
    ...(registration.clientSecretExpiresAt
      ? { registrationExpiresAt: cliTimestamp(new Date(registration.clientSecretExpiresAt * 1000)) }
      : {}),
    ...(token.refreshToken ? { refreshToken: token.refreshToken } : {}),
  };
}

/** Authorization code with PKCE through a loopback redirect, as `aws sso login` does by default. */
export async function authCodeLogin(session: SsoSessionRef, io: LoginIo): Promise<SsoCachedToken> {
  const oidc = createSsoOidcClient(session.region);
  const endpoint = recordEndpoint(oidc, '/client/register');
  const redirect = await startLoopbackRedirect();
  try {
    const registration = await oidc.send(
      new RegisterClientCommand({
        clientName: CLIENT_NAME,
        clientType: 'public',
        scopes: [SSO_SCOPE],
        grantTypes: ['authorization_code', 'refresh_token'],
        redirectUris: [redirect.registeredUri],
        issuerUrl: session.startUrl,
      }),
      { abortSignal: io.signal },
    );
    const base = endpoint();
    if (!base || !registration.clientId)
      throw new AppError(AwsErrorCodes.ssoLoginFailed, { reason: 'registration' });
    const pkce = createPkcePair();
    const state = randomUUID();
    const authorize = new URL(`${base.replace(/\/$/, '')}/authorize`);
    authorize.search = new URLSearchParams({
      response_type: 'code',
      client_id: registration.clientId,
      redirect_uri: redirect.redirectUri,
      state,
      code_challenge_method: 'S256',
      scopes: SSO_SCOPE,
      code_challenge: pkce.challenge,
    }).toString();
    await io.openBrowser(authorize.toString(), base);
    io.browserOpened();
    const code = await redirect.waitForCode(state, io.signal);
    const token = await oidc.send(
      new CreateTokenCommand({
        clientId: registration.clientId,
        clientSecret: registration.clientSecret,
        grantType: 'authorization_code',
        code,
        redirectUri: redirect.redirectUri,
        codeVerifier: pkce.verifier,
      }),
      { abortSignal: io.signal },
    );
    return cacheEntry(session, registration, token, io.now());
  } finally {
    await redirect.close();
  }
}

/** Device authorization (RFC 8628): the user enters a code on a page; the app polls for the token. */
export async function deviceCodeLogin(
  session: SsoSessionRef,
  io: LoginIo,
): Promise<SsoCachedToken> {
  const oidc = createSsoOidcClient(session.region);
  const endpoint = recordEndpoint(oidc, '/client/register');
  const registration = await oidc.send(
    new RegisterClientCommand({
      clientName: CLIENT_NAME,
      clientType: 'public',
      scopes: [SSO_SCOPE],
    }),
    { abortSignal: io.signal },
  );
  const device = await oidc.send(
    new StartDeviceAuthorizationCommand({
      clientId: registration.clientId,
      clientSecret: registration.clientSecret,
      startUrl: session.startUrl,
    }),
    { abortSignal: io.signal },
  );
  if (!device.deviceCode || !device.userCode) {
    throw new AppError(AwsErrorCodes.ssoLoginFailed, { reason: 'device_authorization' });
  }
  const expiresAt = new Date(io.now().getTime() + (device.expiresIn ?? 600) * 1000);
  io.deviceCode(
    device.userCode,
    device.verificationUriComplete ?? device.verificationUri ?? '',
    expiresAt,
    endpoint(),
  );
  let interval = device.interval ?? 5;
  for (;;) {
    await sleep(interval * 1000, undefined, { signal: io.signal });
    try {
      const token = await oidc.send(
        new CreateTokenCommand({
          clientId: registration.clientId,
          clientSecret: registration.clientSecret,
          grantType: DEVICE_GRANT,
          deviceCode: device.deviceCode,
        }),
        { abortSignal: io.signal },
      );
      return cacheEntry(session, registration, token, io.now());
    } catch (error) {
      switch (awsErrorName(error)) {
        case 'AuthorizationPendingException':
          continue;
        case 'SlowDownException':
          interval += SLOW_DOWN_STEP_S;
          continue;
        case 'ExpiredTokenException':
          throw new AppError(AwsErrorCodes.ssoLoginTimedOut, {}, error);
        case 'AccessDeniedException':
          throw new AppError(AwsErrorCodes.ssoLoginDenied, {}, error);
        default:
          throw error;
      }
    }
  }
}
