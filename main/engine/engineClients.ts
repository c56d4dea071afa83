import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { RDSClient } from '@aws-sdk/client-rds';
import { ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
import { STSClient } from '@aws-sdk/client-sts';
import { createAwsClient, type AwsClientContext } from '../aws/clientFactory';
import type { AppConfig } from '../config';

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

function counted<T>(client: T, listener: ApiCallListener | undefined): T {
  if (!listener) return client;
  (client as MiddlewareClient).middlewareStack.add(
    (next, context) => (args) => {
      listener(
        (context.clientName ?? 'unknown').replace(/Client$/, ''),
        (context.commandName ?? 'unknown').replace(/Command$/, ''),
      );
      return next(args);
    },
    { step: 'initialize', name: 'smoozApiCallCounter' },
  );
  return client;
}

/** One client per service the engine uses, for one profile and region. */
export function createEngineClients(
  config: AppConfig,
  context: AwsClientContext,
  listener?: ApiCallListener,
): EngineClients {
  return {
    region: context.region,
    ec2: counted(createAwsClient(EC2Client, config, context), listener),
    rds: counted(createAwsClient(RDSClient, config, context), listener),
    cfn: counted(createAwsClient(CloudFormationClient, config, context), listener),
    sts: counted(createAwsClient(STSClient, config, context), listener),
    iam: counted(createAwsClient(IAMClient, config, context), listener),
    lambda: counted(createAwsClient(LambdaClient, config, context), listener),
    quotas: counted(createAwsClient(ServiceQuotasClient, config, context), listener),
  };
}
