import type { MainServices } from '../app/mainServices';
import { createAppHandlers } from './appHandlers';
import { createAwsHandlers } from './awsHandlers';
import { createChecklistHandlers } from './checklistHandlers';
import { createGuidedHandlers } from './guidedHandlers';
import { createSupportHandlers } from './supportHandlers';
import type { HandlerTable } from './handlers';
import { createLifecycleHandlers } from './lifecycleHandlers';
import { createMigrationHandlers } from './migrationHandlers';
import { createSmoozHandlers } from './smoozHandlers';
import { createSetupHandlers } from './setupHandlers';
import { createUpdateHandlers } from './updateHandlers';
import { createUpgradeHandlers } from './upgradeHandlers';

/** The complete handler table: one factory per feature, merged. */
export function createHandlers(services: MainServices): HandlerTable {
  return {
    ...createAppHandlers(services),
    ...createAwsHandlers(services),
    ...createChecklistHandlers(services),
    ...createSupportHandlers(services),
    ...createSmoozHandlers(services),
    ...createSetupHandlers(services),
    ...createGuidedHandlers(services),
    ...createUpdateHandlers(services),
    ...createLifecycleHandlers(services),
    ...createMigrationHandlers(services),
    ...createUpgradeHandlers(services),
  };
}
