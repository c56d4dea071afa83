import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { createAwsClient, type AwsClientContext } from '../aws/clientFactory';
import type { AppConfig } from '../base/config';
import { createEngineClients, type EngineClients } from '../engine/engineClients';

/** The engine's clients plus the two services only the finder reads (load balancers, rules). */
export interface FinderClients extends EngineClients {
  readonly elb: ElasticLoadBalancingV2Client;
  readonly events: EventBridgeClient;
}

export function createFinderClients(config: AppConfig, context: AwsClientContext): FinderClients {
  return {
    ...createEngineClients(config, context),
    elb: createAwsClient(ElasticLoadBalancingV2Client, config, context),
    events: createAwsClient(EventBridgeClient, config, context),
  };
}
