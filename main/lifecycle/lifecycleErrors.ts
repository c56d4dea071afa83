export const LifecycleErrorCodes = {
  /** Adopt names a setup the latest scan of that profile and region did not show. */
  notScanned: 'lifecycle.notScanned',
  alreadyTracked: 'lifecycle.alreadyTracked',
  setupChanged: 'lifecycle.setupChanged',
  setupGone: 'lifecycle.setupGone',
  notAdopted: 'lifecycle.notAdopted',
  /** Teardown of a setup no stack holds: its parts were made one by one, by hand. */
  noStack: 'lifecycle.noStack',
} as const;
