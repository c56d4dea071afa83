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
  /** Discard or teardown asked for the new setup a migration is still making or using. */
  setupInMigration: 'lifecycle.setupInMigration',
  migrationNeedsAdoptedSmoozConnection: 'lifecycle.migrationNeedsAdoptedSmoozConnection',
  /** An upgrade was asked for something that is not a finished connection of this app. */
  notAConnection: 'lifecycle.notAConnection',
  stackGone: 'lifecycle.stackGone',
  /** CloudFormation could not build the change set (its reason is a parameter). */
  changeSetFailed: 'lifecycle.changeSetFailed',
  /** Apply or cancel without a reviewed change set. */
  upgradeNotReviewed: 'lifecycle.upgradeNotReviewed',
  /** SMOOZ's settings did not give its IAM role, which the new template needs for ⑧. */
  smoozRoleUnavailable: 'lifecycle.smoozRoleUnavailable',
  /** The update ended without the stack reporting the new template version. */
  upgradeNotApplied: 'lifecycle.upgradeNotApplied',
} as const;
