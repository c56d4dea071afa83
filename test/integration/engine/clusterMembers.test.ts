import {
  CloudFormationClient,
  DescribeStackResourcesCommand,
  DescribeStacksCommand,
} from '@aws-sdk/client-cloudformation';
import {
  DescribeRuleCommand,
  EventBridgeClient,
  TestEventPatternCommand,
} from '@aws-sdk/client-eventbridge';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createAwsClient } from '../../../main/aws/clientFactory';
import type { SetupState } from '../../../shared/flow/state';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';
import { createEngineHarness } from '../../support/engineHarness';
import { auroraIamRequest, driveToEnd } from '../../support/engineFlows';
import { resetMoto } from '../../support/motoServer';
import { seedCustomerAccount } from '../../support/seedAccount';
import { IDENTIFIER_FORMS, MOVING_EVENTS, rdsEvent } from '../template/rdsEventSamples';

describe('an Aurora cluster set up by the engine', () => {
  const endpoint = inject('motoEndpoint');
  const config = motoAppConfig(endpoint);
  const cfn = createAwsClient(CloudFormationClient, config, motoContext);
  const events = createAwsClient(EventBridgeClient, config, motoContext);
  let done: SetupState;

  beforeAll(async () => {
    await resetMoto(endpoint);
    const seeded = await seedCustomerAccount(endpoint);
    const { engine } = createEngineHarness(endpoint);
    const created = await engine.create(auroraIamRequest(seeded, 'aurora-members'));
    done = await driveToEnd(engine, created.plan.connectionId);
    expect(done.step).toBe('complete');
  });

  it('follows its member instances by ARN: the writer’s restart runs the updater, other instances’ do not', async () => {
    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: done.plan.stackName })))
      .Stacks?.[0];
    const memberArn = 'arn:aws:rds:ap-northeast-1:123456789012:db:customer-aurora-writer';
    expect(stack?.Parameters).toContainEqual({
      ParameterKey: 'ClusterMemberArns',
      ParameterValue: memberArn,
    });
    const resources = await cfn.send(
      new DescribeStackResourcesCommand({ StackName: done.plan.stackName }),
    );
    const ruleName = resources.StackResources?.find(
      (r) => r.LogicalResourceId === 'RdsMemberInstanceEventRule',
    )?.PhysicalResourceId;
    const rule = await events.send(new DescribeRuleCommand({ Name: ruleName }));
    const restart = MOVING_EVENTS.instance.find((e) => e.category === 'availability');
    if (!restart) throw new Error('no restart sample');
    const matches = async (identifier: string, identifierForm: 'bare' | 'prefixed') =>
      (
        await events.send(
          new TestEventPatternCommand({
            EventPattern: rule.EventPattern,
            Event: JSON.stringify(rdsEvent({ ...restart, identifier, identifierForm })),
          }),
        )
      ).Result;
    for (const form of IDENTIFIER_FORMS) {
      expect(await matches('customer-aurora-writer', form)).toBe(true);
      expect(await matches('customer-postgres', form)).toBe(false);
    }
  });
});
