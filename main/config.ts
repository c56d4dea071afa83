import { z } from 'zod';

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
});
export type AppConfig = z.infer<typeof AppConfigSchema>;

export const DEFAULT_EXTERNAL_LINK_HOSTS = [
  'docs.aws.amazon.com',
  'console.aws.amazon.com',
  'aws.amazon.com',
  'smooz.jp',
];

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return AppConfigSchema.parse({
    aws: { endpointUrl: env.SMOOZ_AWS_ENDPOINT_URL || undefined },
    externalLinkHosts: DEFAULT_EXTERNAL_LINK_HOSTS,
    templateUrl: env.SMOOZ_TEMPLATE_URL || undefined,
    smooz: env.SMOOZ_API_BASE_URL ? { apiBaseUrl: env.SMOOZ_API_BASE_URL } : undefined,
  });
}
