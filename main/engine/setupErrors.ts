/**
 * The engine's own failure codes; the renderer words them from `locales/<lang>/setup.json`
 * under `errors.<name>`. AWS failures keep the AWS layer's `aws.*` codes.
 */
export const SetupErrorCodes = {
  illegalTransition: 'setup.illegalTransition',
  unknownConnection: 'setup.unknownConnection',
  databaseNotFound: 'setup.databaseNotFound',
  endpointNotFound: 'setup.endpointNotFound',
  databaseNotInVpc: 'setup.databaseNotInVpc',
  subnetsNotInVpc: 'setup.subnetsNotInVpc',
  alreadyRunning: 'setup.alreadyRunning',
  fixNotOffered: 'setup.fixNotOffered',
  stackFailed: 'setup.stackFailed',
  stackOutputsMissing: 'setup.stackOutputsMissing',
  stackNotOurs: 'setup.stackNotOurs',
  resourceInUse: 'setup.resourceInUse',
  discardPreviewStale: 'setup.discardPreviewStale',
  discardNotAbandoned: 'setup.discardNotAbandoned',
  discardInProgress: 'setup.discardInProgress',
  discardTargetMissing: 'setup.discardTargetMissing',
  loadBalancerAddressesMissing: 'setup.loadBalancerAddressesMissing',
  endpointConnectionMissing: 'setup.endpointConnectionMissing',
  endpointNotSmoozs: 'setup.endpointNotSmoozs',
  endpointConnectionUnusable: 'setup.endpointConnectionUnusable',
  endpointAcceptRefused: 'setup.endpointAcceptRefused',
  endpointRejectRefused: 'setup.endpointRejectRefused',
  /** A plan from template v2 or older has no SMOOZ role ARN for ⑧. */
  smoozRoleMissing: 'setup.smoozRoleMissing',
} as const;
export type SetupErrorCode = (typeof SetupErrorCodes)[keyof typeof SetupErrorCodes];
