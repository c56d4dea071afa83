import type { AwsClientContext } from '../../main/aws/clientFactory';
import {
  AppConfigSchema,
  DEFAULT_EXTERNAL_LINK_HOSTS,
  type AppConfig,
} from '../../main/base/config';

/** The app's own config, pointed at a local moto server. */
export function motoAppConfig(endpoint: string): AppConfig {
  return AppConfigSchema.parse({
    aws: { endpointUrl: endpoint },
    externalLinkHosts: DEFAULT_EXTERNAL_LINK_HOSTS,
  });
}

/** moto accepts any key pair; these never leave the test process. */
export const motoContext: AwsClientContext = {
  region: 'ap-northeast-1',
  credentials: { accessKeyId: 'AKIATESTTESTTESTTEST', secretAccessKey: 'test-secret' },
};
