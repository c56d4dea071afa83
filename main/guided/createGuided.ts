import type { AwsAccess } from '../aws/awsAccess';
import type { AppConfig } from '../base/config';
import type { SetupEngine } from '../engine/setupEngine';
import type { AppStore } from '../base/appStore';
import type { Logger } from '../base/logger';
import type { StoreBacking } from '../base/storeBacking';
import type { GuidedRecords } from './guidedStore';
import { createCrossChecker } from '../smooz/customerCrossCheck';
import type { SmoozServices } from '../smooz/smoozServices';
import { createGuidedService, type GuidedService } from './guidedService';
import { createGuidedStore } from './guidedStore';

/** Assembles the guided flow's glue from the engine, the SMOOZ services and the app's store. */
export function createGuided(parts: {
  readonly config: AppConfig;
  readonly storeBacking: StoreBacking<GuidedRecords>;
  readonly awsAccess: AwsAccess;
  readonly store: AppStore;
  readonly logger: Logger;
  readonly setup: SetupEngine;
  readonly smooz: SmoozServices;
}): GuidedService {
  return createGuidedService({
    engine: parts.setup,
    smooz: parts.smooz,
    // The same customer-side check the SMOOZ tracker runs, for the summary and for "re-check".
    crossCheck: createCrossChecker(parts.config, (side) =>
      parts.awsAccess.contextFor(side.profile ?? 'default', side.region),
    ),
    store: createGuidedStore(parts.storeBacking),
    connections: parts.store,
    logger: parts.logger,
  });
}
