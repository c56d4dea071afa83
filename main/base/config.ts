import { z } from 'zod';

/**
 * Environment variables that redirect where the app sends the SMOOZ token and AWS credentials,
 * where it points customers for the template, and where it downloads updates from. Tests and the
 * demo point them at local servers. A packaged app ignores them unless the developer setting
 * below is on, so a process that can only set another process's environment cannot send a
 * customer's token elsewhere; whatever is in force is shown in About.
 */
export const ENDPOINT_OVERRIDES = [
  'SMOOZ_API_BASE_URL',
  'SMOOZ_AWS_ENDPOINT_URL',
  'SMOOZ_TEMPLATE_URL',
  'SMOOZ_UPDATE_FEED_URL',
] as const;
export type EndpointOverride = (typeof ENDPOINT_OVERRIDES)[number];

/** The developer setting (README, "Configuration"): `1` lets a packaged app use the overrides. */
export const DEVELOPER_MODE_VARIABLE = 'SMOOZ_DEVELOPER_MODE';

export const EndpointOverridesSchema = z.object({
  /** Overrides in force, with their values (shown in About). */
  applied: z.array(z.object({ name: z.enum(ENDPOINT_OVERRIDES), value: z.string() })),
  /** Overrides that were set but ignored because the app is packaged without developer mode. */
  ignored: z.array(z.enum(ENDPOINT_OVERRIDES)),
});
export type EndpointOverrides = z.infer<typeof EndpointOverridesSchema>;

export const DEFAULT_UPDATE_FEED_URL = 'https://downloads.smooz.jp/privatelink-assistant/';

/**
 * Every server address main talks to comes from here, so tests and the demo point the app at
 * local servers (moto, the reference SMOOZ server) without code changes.
 */
export const AppConfigSchema = z.object({
  aws: z.object({
    /** Overrides every AWS service endpoint (moto server in tests and the demo). */
    endpointUrl: z.url().optional(),
  }),
  /** Hosts the app may open in the system browser. */
  externalLinkHosts: z.array(z.string().min(1)),
  /**
   * An S3 URL where SMOOZ hosts the same template as templates/smooz-privatelink.yaml; the
   * CloudFormation quick-create link needs one (it cannot load a local file).
   */
  templateUrl: z.url().optional(),
  /** The SMOOZ API (shared/smooz-api/openapi.yaml); the reference server's URL in tests. */
  smooz: z
    .object({ apiBaseUrl: z.url() })
    .default({ apiBaseUrl: 'https://api.smooz.jp/privatelink/v1' }),
  /** Where updates are published (electron-updater's generic provider: latest.yml + files). */
  update: z.object({ feedUrl: z.url() }).default({ feedUrl: DEFAULT_UPDATE_FEED_URL }),
  endpointOverrides: EndpointOverridesSchema.default({ applied: [], ignored: [] }),
});
export type AppConfig = z.infer<typeof AppConfigSchema>;

export const DEFAULT_EXTERNAL_LINK_HOSTS = [
  'docs.aws.amazon.com',
  'console.aws.amazon.com',
  'aws.amazon.com',
  'smooz.jp',
];

export interface LoadConfigOptions {
  /** Electron's `app.isPackaged`: an installed build, not `npm start` or a test. */
  readonly packaged?: boolean;
}

export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  options: LoadConfigOptions = {},
): AppConfig {
  const set = ENDPOINT_OVERRIDES.filter((name) => Boolean(env[name]));
  const honoured = options.packaged !== true || env[DEVELOPER_MODE_VARIABLE] === '1';
  const use = (name: EndpointOverride) => (honoured ? env[name] || undefined : undefined);
  const apiBaseUrl = use('SMOOZ_API_BASE_URL');
  const feedUrl = use('SMOOZ_UPDATE_FEED_URL');
  return AppConfigSchema.parse({
    aws: { endpointUrl: use('SMOOZ_AWS_ENDPOINT_URL') },
    externalLinkHosts: DEFAULT_EXTERNAL_LINK_HOSTS,
    templateUrl: use('SMOOZ_TEMPLATE_URL'),
    smooz: apiBaseUrl ? { apiBaseUrl } : undefined,
    update: feedUrl ? { feedUrl } : undefined,
    endpointOverrides: {
      applied: honoured ? set.map((name) => ({ name, value: env[name] ?? '' })) : [],
      ignored: honoured ? [] : set,
    },
  });
}
