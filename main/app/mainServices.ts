import type { AwsServices } from '../aws/awsServices';
import type { SetupEngine } from '../engine/setupEngine';
import type { GuidedService } from '../guided/guidedService';
import type { AwsConfigPaths } from '../aws/sharedConfigFiles';
import type { AppConfig } from '../base/config';
import type { ChecklistStore } from '../checklist/checklistStore';
import type { PrintToPdf, SaveFile } from '../checklist/fileOutput';
import type { DiagnosticsRegistry } from '../base/diagnosticsRegistry';
import type { AppStore } from '../base/appStore';
import type { Logger } from '../base/logger';
import type { RuntimeInfo } from '../base/runtimeInfo';
import type { SmoozServices } from '../smooz/smoozServices';
import type { UpdateService } from '../update/updateService';
import type { LifecycleService } from '../lifecycle/lifecycleService';
import type { Migrator } from '../lifecycle/migrator';
import type { Upgrader } from '../lifecycle/upgrader';

/**
 * Everything the handlers need, passed in rather than imported, so the same handler table runs in
 * Electron and in plain Node behind the test bridge.
 */
export interface MainServices extends AwsServices {
  readonly config: AppConfig;
  readonly store: AppStore;
  readonly runtime: RuntimeInfo;
  readonly awsPaths: AwsConfigPaths;
  readonly logger: Logger;
  /** Opens an app link in the system browser; refuses (AppError) a URL off the allow-list. */
  readonly openExternal: (url: string) => Promise<void>;
  /** The offline checklist's persisted values and check-offs. */
  readonly checklistStore: ChecklistStore;
  /** Asks where to save a file (a dialog in the app, a fixed folder in tests) and writes it. */
  readonly saveFile: SaveFile;
  /** HTML to PDF bytes (Chromium printing). */
  readonly printToPdf: PrintToPdf;
  /** Where the bundled CloudFormation templates are (resources folder when packaged). */
  readonly templatesDir: string;
  /** Report sections contributed by features, and the last errors main logged. */
  readonly diagnostics: DiagnosticsRegistry;
  /** SMOOZ API client, encrypted token, connection status tracking. */
  readonly smooz: SmoozServices;
  /** The setup engine: discovery, preflight, creation, resume and teardown in the customer's account. */
  readonly setup: SetupEngine;
  /** The guided flow's last stretch: stack outputs to SMOOZ, tracking, the home list's line. */
  readonly guided: GuidedService;
  /** The app's own updates: checked daily, downloaded in the background, installed on consent. */
  readonly update: UpdateService;
  /** Setups found in an account (this app's or hand-made), their diagnosis, adoption. */
  readonly lifecycle: LifecycleService;
  /** Side-by-side migrations of adopted setups to the current design, resumed after a restart. */
  readonly migrator: Migrator;
  /** In-place template upgrades of this app's connections by change set. */
  readonly upgrader: Upgrader;
}
