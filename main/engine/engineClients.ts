import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { RDSClient } from '@aws-sdk/client-rds';
import { ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
import { STSClient } from '@aws-sdk/client-sts';
import { createAwsClient, type AwsClientContext } from '../aws/clientFactory';
import type { AppConfig } from '../base/config';
import { AbortedError } from '../base/backoff';

/** Receives the name of every AWS API operation the engine sends (the benchmark counts them). */
export type ApiCallListener = (service: string, operation: string) => void;

export interface EngineClients {
  readonly region: string;
  readonly ec2: EC2Client;
  readonly rds: RDSClient;
  readonly cfn: CloudFormationClient;
  readonly sts: STSClient;
  readonly iam: IAMClient;
  readonly lambda: LambdaClient;
  readonly quotas: ServiceQuotasClient;
  readonly logs: CloudWatchLogsClient;
}

interface MiddlewareClient {
  middlewareStack: {
    add(
      middleware: (
        next: (args: unknown) => Promise<unknown>,
        context: { clientName?: string; commandName?: string },
      ) => (args: unknown) => Promise<unknown>,
      options: { step: 'initialize'; name: string },
    ): void;
  };
}

/**
 * Every call goes through here first: a cancelled flow sends nothing more (a call already on the
 * wire still completes; what it made is found again by its tag), and the listener sees the rest.
 */
function instrumented<T>(
  client: T,
  listener: ApiCallListener | undefined,
  signal: AbortSignal | undefined,
): T {
  if (!listener && !signal) return client;
  (client as MiddlewareClient).middlewareStack.add(
    (next, context) => (args) => {
      if (signal?.aborted) return Promise.reject(new AbortedError());
      listener?.(
        (context.clientName ?? 'unknown').replace(/Client$/, ''),
        (context.commandName ?? 'unknown').replace(/Command$/, ''),
      );
      return next(args);
    },
    { step: 'initialize', name: 'smoozEngineCalls' },
  );
  return client;
}

/** One client per service the engine uses, for one profile and region (and one run of a flow). */
export function createEngineClients(
  config: AppConfig,
  context: AwsClientContext,
  listener?: ApiCallListener,
  signal?: AbortSignal,
): EngineClients {
  const make = <T>(client: T): T => instrumented(client, listener, signal);
  return {
    region: context.region,
    ec2: make(createAwsClient(EC2Client, config, context)),
    rds: make(createAwsClient(RDSClient, config, context)),
    cfn: make(createAwsClient(CloudFormationClient, config, context)),
    sts: make(createAwsClient(STSClient, config, context)),
    iam: make(createAwsClient(IAMClient, config, context)),
    lambda: make(createAwsClient(LambdaClient, config, context)),
    quotas: make(createAwsClient(ServiceQuotasClient, config, context)),
    logs: make(createAwsClient(CloudWatchLogsClient, config, context)),
  };
}
