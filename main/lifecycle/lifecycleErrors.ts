export const LifecycleErrorCodes = {
  /** Adopt names a setup the latest scan of that profile and region did not show. */
  notScanned: 'lifecycle.notScanned',
  alreadyTracked: 'lifecycle.alreadyTracked',
  setupChanged: 'lifecycle.setupChanged',
  setupGone: 'lifecycle.setupGone',
  notAdopted: 'lifecycle.notAdopted',
  /** Teardown of a setup no stack holds: its parts were made one by one, by hand. */
  noStack: 'lifecycle.noStack',
  /** An upgrade was asked for something that is not a finished connection of this app. */
  notAConnection: 'lifecycle.notAConnection',
  stackGone: 'lifecycle.stackGone',
  /** CloudFormation could not build the change set (its reason is a parameter). */
  changeSetFailed: 'lifecycle.changeSetFailed',
  /** Apply or cancel without a reviewed change set. */
  upgradeNotReviewed: 'lifecycle.upgradeNotReviewed',
  /** The update ended without the stack reporting the new template version. */
  upgradeNotApplied: 'lifecycle.upgradeNotApplied',
} as const;
