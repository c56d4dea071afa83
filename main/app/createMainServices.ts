import { join } from 'node:path';
import type Conf from 'conf';
import { AppError } from '../../shared/errors';
import { createAwsServices } from '../aws/awsServices';
import type { AwsConfigPaths } from '../aws/sharedConfigFiles';
import type { AppConfig } from '../base/config';
import { createChecklistStore } from '../checklist/checklistStore';
import type { PrintToPdf, SaveFile } from '../checklist/fileOutput';
import { createStoreJournal } from '../base/diagnosticsJournal';
import { createDiagnosticsRegistry } from '../base/diagnosticsRegistry';
import { registerFlowDiagnostics } from '../report/flowDiagnostics';
import { readTemplateText } from '../checklist/templateFile';
import { createStoreDiscardRepository } from '../engine/discardRepository';
import { createStoreFlowRepository } from '../engine/flowRepository';
import { createSetupEngine } from '../engine/setupEngine';
import { DEFAULT_TIMING } from '../engine/timing';
import { createGuided } from '../guided/createGuided';
import { createAppStore } from '../base/appStore';
import { createExternalLinks, type OpenInBrowser } from './externalLinks';
import { restrictToOwner } from '../base/ownerOnly';
import type { Logger } from '../base/logger';
import type { MainServices } from './mainServices';
import type { RuntimeInfo } from '../base/runtimeInfo';
import type { PersistedState } from './storeSchema';
import type { SecretEncryptor } from '../smooz/secretEncryptor';
import { createSmoozServices } from '../smooz/smoozServices';
import { createUpdateService, type UpdaterPort } from '../update/updateService';
import { hasFinishedStack, isActiveStep } from '../../shared/flow/reducer';
import { createStoreAdoptionRepository } from '../lifecycle/adoptionRepository';
import type { ResolveAddresses } from '../lifecycle/database';
import { resolveWithSystemDns } from '../lifecycle/dnsResolver';
import { createLifecycleService } from '../lifecycle/lifecycleService';
import { createFinderClients } from '../lifecycle/finderClients';
import { createStoreMigrationRepository } from '../lifecycle/migrationRepository';
import { createMigrator } from '../lifecycle/migrator';
import { removeOldSetup } from '../lifecycle/oldSetupRemoval';
import { createStoreUpgradeRepository } from '../lifecycle/upgradeRepository';
import { createUpgrader } from '../lifecycle/upgrader';
import { engineLedger } from '../lifecycle/connectionLedger';
import { createEngineClients } from '../engine/engineClients';

/** What differs between the Electron app and a plain-Node host (tests, the browser demo). */
export interface HostEnvironment {
  readonly config: AppConfig;
  /** electron-store in the app, Conf in a temporary folder in tests. */
  readonly storeBacking: Conf<PersistedState>;
  readonly runtime: RuntimeInfo;
  readonly awsPaths: AwsConfigPaths;
  readonly logger: Logger;
  /** The system browser, unchecked; services only reach it through `createExternalLinks`. */
  readonly openExternal: OpenInBrowser;
  /** Save dialog + write; hosts without a dialog (tests, the demo) save into a folder. */
  readonly saveFile?: SaveFile;
  readonly printToPdf?: PrintToPdf;
  /** Defaults to `templates/` under the working directory (the repository in dev and tests). */
  readonly templatesDir?: string;
  /** Electron safeStorage; without it the SMOOZ token cannot be stored (never in plain text). */
  readonly secretEncryptor?: SecretEncryptor;
  /** electron-updater in the packaged app; absent where the app cannot update itself. */
  readonly updater?: UpdaterPort;
  /** Where an RDS endpoint points now; the system resolver unless a test world stands in. */
  readonly resolveDatabaseAddresses?: ResolveAddresses;
}

/** The one place services are assembled, so the app and the test bridge run the same graph. */
export function createMainServices(host: HostEnvironment): MainServices {
  restrictToOwner(host.storeBacking.path);
  const journal = createStoreJournal(host.storeBacking);
  const diagnostics = createDiagnosticsRegistry(journal);
  const logger = diagnostics.recordingLogger(host.logger);
  const links = createExternalLinks(host.openExternal, {
    allowedHosts: host.config.externalLinkHosts,
    ssoOidcEndpoint: () => process.env.AWS_ENDPOINT_URL_SSO_OIDC,
  });
  const services: Omit<
    MainServices,
    'smooz' | 'setup' | 'guided' | 'update' | 'lifecycle' | 'migrator' | 'upgrader'
  > = {
    config: host.config,
    store: createAppStore(host.storeBacking),
    runtime: host.runtime,
    awsPaths: host.awsPaths,
    logger,
    openExternal: links.openAppLink,
    ...createAwsServices({
      config: host.config,
      paths: host.awsPaths,
      env: process.env,
      openExternal: links.openSsoPage,
    }),
    checklistStore: createChecklistStore(host.storeBacking),
    saveFile: host.saveFile ?? unavailable('checklist.saveUnavailable'),
    printToPdf: host.printToPdf ?? unavailable('checklist.pdfUnavailable'),
    templatesDir: host.templatesDir ?? join(process.cwd(), 'templates'),
    diagnostics,
  };
  const smooz = createSmoozServicesFor(host, services);
  const setup = createSetupEngineFor(host, services);
  registerFlowDiagnostics(services.diagnostics, setup, journal);
  const guided = createGuided({ ...services, storeBacking: host.storeBacking, setup, smooz });
  const update = createUpdateService({
    ...(host.updater ? { updater: host.updater } : {}),
    // An update waits while main is acting in the customer's account (or waiting for a login
    // to go on doing so); the flow resumes after a restart, but not in the middle of a step.
    isBusy: () =>
      setup.list().some((state) => isActiveStep(state.step) || state.step === 'waitingForLogin'),
    logger,
  });
  const adoptions = createStoreAdoptionRepository(host.storeBacking, logger);
  const lifecycle = createLifecycleService({
    finder: {
      config: host.config,
      contextFor: (profile, region) => services.awsAccess.contextFor(profile, region),
      smooz: smooz.client,
      resolve: host.resolveDatabaseAddresses ?? resolveWithSystemDns,
    },
    teardown: { smooz: smooz.client, timing: DEFAULT_TIMING, smoozDeadlineMs: 10 * 60_000 },
    adoptions,
    connectionIds: () => setup.list().map((flow) => flow.plan.connectionId),
  });
  const migrator = createMigrator({
    migrations: createStoreMigrationRepository(host.storeBacking, logger),
    adoptions,
    releaseAdoption: (key) => lifecycle.release(key),
    engine: setup,
    smooz: smooz.client,
    removeOldSetup: async (state) =>
      removeOldSetup(
        createFinderClients(
          host.config,
          await services.awsAccess.contextFor(state.profile, state.region),
        ),
        state.oldParts,
        { ...DEFAULT_TIMING, maxWaitMs: 30 * 60_000 },
      ),
    linkToSmooz: async (newConnectionId, smoozConnectionId) => {
      await guided.link(newConnectionId, smoozConnectionId);
    },
    logger,
    timing: { ...DEFAULT_TIMING, smoozWaitMs: 15 * 60_000 },
  });
  migrator.resumeInterrupted();
  const upgrader = createUpgrader({
    connection: (connectionId) => {
      const flow = setup.list().find((f) => f.plan.connectionId === connectionId);
      // Accepting SMOOZ's endpoint (now or stopped in it) happens on a finished stack too.
      return flow !== undefined && hasFinishedStack(flow) ? flow.plan : undefined;
    },
    ledger: engineLedger(setup),
    clientsFor: async (profile, region) =>
      createEngineClients(host.config, await services.awsAccess.contextFor(profile, region)),
    loadTemplate: () => readTemplateText(services.templatesDir),
    records: createStoreUpgradeRepository(host.storeBacking, logger),
    timing: DEFAULT_TIMING,
    smoozRoleArn: async () => (await smooz.client.getSettings()).smoozRoleArn,
  });
  void upgrader.resumeInterrupted();
  return { ...services, smooz, setup, guided, update, lifecycle, migrator, upgrader };
}

function createSmoozServicesFor(
  host: HostEnvironment,
  services: Omit<
    MainServices,
    'smooz' | 'setup' | 'guided' | 'update' | 'lifecycle' | 'migrator' | 'upgrader'
  >,
) {
  const smooz = createSmoozServices({
    config: host.config,
    storeBacking: host.storeBacking,
    logger: services.logger,
    customerContext: (side) =>
      services.awsAccess.contextFor(side.profile ?? 'default', side.region),
    ...(host.secretEncryptor ? { secretEncryptor: host.secretEncryptor } : {}),
  });
  services.diagnostics.register('smooz', () => ({
    apiBaseUrl: host.config.smooz.apiBaseUrl,
    tracking: smooz.tracker.list().map((t) => t.tracked),
    statusHistory: smooz.tracker.history(),
  }));
  return smooz;
}

function createSetupEngineFor(
  host: HostEnvironment,
  services: Omit<
    MainServices,
    'smooz' | 'setup' | 'guided' | 'update' | 'lifecycle' | 'migrator' | 'upgrader'
  >,
) {
  return createSetupEngine({
    config: host.config,
    getAwsContext: (profile, region) => services.awsAccess.contextFor(profile, region),
    repository: createStoreFlowRepository(host.storeBacking, services.logger),
    discards: createStoreDiscardRepository(host.storeBacking, services.logger),
    loadTemplate: () => readTemplateText(services.templatesDir),
    logger: services.logger,
  });
}

/** A host without a file dialog or a PDF printer says so when asked, instead of pretending. */
function unavailable(code: string): () => Promise<never> {
  return () => Promise.reject(new AppError(code));
}
