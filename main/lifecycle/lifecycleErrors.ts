export const LifecycleErrorCodes = {
  /** Adopt names a setup the latest scan of that profile and region did not show. */
  notScanned: 'lifecycle.notScanned',
  alreadyTracked: 'lifecycle.alreadyTracked',
  setupChanged: 'lifecycle.setupChanged',
  setupGone: 'lifecycle.setupGone',
  notAdopted: 'lifecycle.notAdopted',
  /** Teardown of a setup no stack holds: its parts were made one by one, by hand. */
  noStack: 'lifecycle.noStack',
  /** Migration: the old stack did not go (DELETE_FAILED or still there after the wait). */
  oldSetupNotRemoved: 'lifecycle.oldSetupNotRemoved',
  /** Migration: the new setup stopped short of complete (its checks or its stack); see its flow. */
  newSetupIncomplete: 'lifecycle.newSetupIncomplete',
  /** Migration: SMOOZ's endpoint to the new service ended failed or rejected (with SMOOZ's reason). */
  smoozEndpointFailed: 'lifecycle.smoozEndpointFailed',
  /** Migration: SMOOZ's connectivity test through the new endpoint failed (the old path is kept). */
  newPathTestFailed: 'lifecycle.newPathTestFailed',
  /** Migration: waited too long for SMOOZ (new endpoint available, old endpoint gone). */
  smoozTimeout: 'lifecycle.smoozTimeout',
  notMigrating: 'lifecycle.notMigrating',
  migrationNeedsAdoptedSmoozConnection: 'lifecycle.migrationNeedsAdoptedSmoozConnection',
} as const;
