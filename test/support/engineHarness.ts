import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import type { AwsClientContext } from '../../main/aws/clientFactory';
import { readTemplateText } from '../../main/checklist/templateFile';
import type { ApiCallListener } from '../../main/engine/engineClients';
import {
  createStoreDiscardRepository,
  type DiscardRepository,
} from '../../main/engine/discardRepository';
import { createStoreFlowRepository, type FlowRepository } from '../../main/engine/flowRepository';
import { createSetupEngine, type SetupEngine } from '../../main/engine/setupEngine';
import type { EngineTiming } from '../../main/engine/timing';
import { silentLogger } from '../../main/base/logger';
import { storeOptions, type PersistedState } from '../../main/app/storeSchema';
import { motoAppConfig, motoContext } from './awsTestConfig';
import { ROOT } from './projectRoot';

export interface EngineHarnessOptions {
  /** The app's data folder; pass the same one to a second engine to simulate a restart. */
  readonly userDataDir?: string;
  readonly getAwsContext?: (profile: string, region: string) => Promise<AwsClientContext>;
  /** Wraps the real store-backed repository (crash injection). */
  readonly wrapRepository?: (repository: FlowRepository) => FlowRepository;
  readonly onApiCall?: ApiCallListener;
  /** By default short polls on real time: moto answers at once, so tests need not sleep. */
  readonly timing?: Partial<EngineTiming>;
  /** The template the engine creates stacks from; the repository's by default. */
  readonly loadTemplate?: () => Promise<string>;
}

export interface EngineHarness {
  readonly engine: SetupEngine;
  readonly userDataDir: string;
  /** The store the engine persists to (unwrapped). */
  readonly repository: FlowRepository;
  readonly discards: DiscardRepository;
}

/** templates/smooz-privatelink.yaml as the app loads it. */
export const currentTemplate = () => readTemplateText(join(ROOT, 'templates'));

/** The real engine against moto server, with the real store in a temporary data folder. */
export function createEngineHarness(
  motoEndpoint: string,
  options: EngineHarnessOptions = {},
): EngineHarness {
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'smooz-engine-'));
  const backing = new Conf<PersistedState>({ ...storeOptions('0.1.0'), cwd: userDataDir });
  const repository = createStoreFlowRepository(backing, silentLogger);
  const discards = createStoreDiscardRepository(backing, silentLogger);
  const engine = createSetupEngine({
    config: motoAppConfig(motoEndpoint),
    getAwsContext: options.getAwsContext ?? (async () => motoContext),
    repository: options.wrapRepository ? options.wrapRepository(repository) : repository,
    discards,
    loadTemplate: options.loadTemplate ?? currentTemplate,
    logger: silentLogger,
    timing: options.timing ?? {
      poll: { fastMs: 20, idleMaxMs: 40 },
      interfaceWait: { fastMs: 10, idleMaxMs: 40 },
    },
    onApiCall: options.onApiCall,
  });
  return { engine, userDataDir, repository, discards };
}
