/**
 * Every AWS failure the user can act on has its own code; the renderer words them from
 * `locales/<lang>/aws.json` under `errors.<name>`.
 */
export const AwsErrorCodes = {
  profileNotFound: 'aws.profileNotFound',
  profileIncomplete: 'aws.profileIncomplete',
  profileNoCredentials: 'aws.profileNoCredentials',
  profileConflict: 'aws.profileConflict',
  ssoSessionMissing: 'aws.ssoSessionMissing',
  sourceProfileMissing: 'aws.sourceProfileMissing',
  sourceProfileLoop: 'aws.sourceProfileLoop',
  credentialSourceUnsupported: 'aws.credentialSourceUnsupported',
  mfaNotSupported: 'aws.mfaNotSupported',
  regionMissing: 'aws.regionMissing',
  ssoTokenMissing: 'aws.ssoTokenMissing',
  ssoTokenExpired: 'aws.ssoTokenExpired',
  ssoNotSsoProfile: 'aws.ssoNotSsoProfile',
  ssoLoginInProgress: 'aws.ssoLoginInProgress',
  ssoLoginNotFound: 'aws.ssoLoginNotFound',
  ssoLoginCancelled: 'aws.ssoLoginCancelled',
  ssoLoginTimedOut: 'aws.ssoLoginTimedOut',
  ssoLoginDenied: 'aws.ssoLoginDenied',
  ssoLoginFailed: 'aws.ssoLoginFailed',
  ssoBrowserUrlRejected: 'aws.ssoBrowserUrlRejected',
  accessDenied: 'aws.accessDenied',
  invalidCredentials: 'aws.invalidCredentials',
  expiredCredentials: 'aws.expiredCredentials',
  credentialProcessFailed: 'aws.credentialProcessFailed',
  credentialsUnavailable: 'aws.credentialsUnavailable',
  noNetwork: 'aws.noNetwork',
  clockSkew: 'aws.clockSkew',
  throttled: 'aws.throttled',
  serviceError: 'aws.serviceError',
} as const;
export type AwsErrorCode = (typeof AwsErrorCodes)[keyof typeof AwsErrorCodes];
