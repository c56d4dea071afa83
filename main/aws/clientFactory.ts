import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { AppConfig } from '../base/config';

export interface AwsClientContext {
  readonly region: string;
  readonly credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
}

interface ClientOptions {
  region: string;
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  endpoint?: string;
  maxAttempts: number;
}

/**
 * Builds any AWS SDK v3 client for the chosen profile and region. The endpoint comes from config
 * only, which is how every test points the real SDK at moto server.
 */
export function createAwsClient<T>(
  Client: new (options: ClientOptions) => T,
  config: AppConfig,
  context: AwsClientContext,
): T {
  const options: ClientOptions = {
    region: context.region,
    credentials: context.credentials,
    maxAttempts: 5,
  };
  if (config.aws.endpointUrl) options.endpoint = config.aws.endpointUrl;
  return new Client(options);
}
