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
  noSubnetInDatabaseAz: 'setup.noSubnetInDatabaseAz',
  alreadyRunning: 'setup.alreadyRunning',
  fixNotOffered: 'setup.fixNotOffered',
  stackFailed: 'setup.stackFailed',
  stackTimedOut: 'setup.stackTimedOut',
  stackOutputsMissing: 'setup.stackOutputsMissing',
  stackNotOurs: 'setup.stackNotOurs',
  deleteTimedOut: 'setup.deleteTimedOut',
  resourceInUse: 'setup.resourceInUse',
  templateMissing: 'setup.templateMissing',
} as const;
export type SetupErrorCode = (typeof SetupErrorCodes)[keyof typeof SetupErrorCodes];
