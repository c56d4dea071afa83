/**
 * Error codes of the SMOOZ feature; the renderer localizes each from
 * `renderer/src/locales/<lang>/smooz.json` under `errors.<name>`.
 */
export const SmoozErrorCodes = {
  tokenMissing: 'smooz.tokenMissing',
  keychainUnavailable: 'smooz.keychainUnavailable',
  tokenUnreadable: 'smooz.tokenUnreadable',
  insecureBaseUrl: 'smooz.insecureBaseUrl',
  badRequest: 'smooz.badRequest',
  unauthorized: 'smooz.unauthorized',
  adminRequired: 'smooz.adminRequired',
  notFound: 'smooz.notFound',
  conflict: 'smooz.conflict',
  endpointServiceInUse: 'smooz.endpointServiceInUse',
  invalidState: 'smooz.invalidState',
  idempotencyKeyReused: 'smooz.idempotencyKeyReused',
  validationFailed: 'smooz.validationFailed',
  serverError: 'smooz.serverError',
  unexpectedStatus: 'smooz.unexpectedStatus',
  unreachable: 'smooz.unreachable',
  timeout: 'smooz.timeout',
  invalidResponse: 'smooz.invalidResponse',
  trackingTimedOut: 'smooz.trackingTimedOut',
  connectionGone: 'smooz.connectionGone',
} as const;
