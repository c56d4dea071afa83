import {
  CloudFormationClient,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  type StackEvent,
} from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineClients } from '../../../main/engine/engineClients';
import { watchStack } from '../../../main/engine/stack';

const STACK_ID = 'arn:aws:cloudformation:ap-northeast-1:123456789012:stack/s/1';
const cfnMock = mockClient(CloudFormationClient);
afterEach(() => cfnMock.reset());

const event = (id: string, resource: string, status: string): StackEvent => ({
  EventId: id,
  StackId: STACK_ID,
  StackName: 's',
  LogicalResourceId: resource,
  ResourceType: resource === 's' ? 'AWS::CloudFormation::Stack' : 'AWS::EC2::Thing',
  ResourceStatus: status as StackEvent['ResourceStatus'],
  Timestamp: new Date('2026-01-01T00:00:00Z'),
});

const stack = (status: string) => ({
  Stacks: [
    {
      StackId: STACK_ID,
      StackName: 's',
      StackStatus: status as never,
      CreationTime: new Date('2026-01-01T00:00:00Z'),
    },
  ],
});

describe('following a stack', () => {
  it('reports the final count even when the last poll brings no new event', async () => {
    // The stack finished between the first DescribeStacks and its DescribeStackEvents: the first
    // poll already sees every event, the second only the finished status.
    const all = [
      event('5', 's', 'CREATE_COMPLETE'),
      event('4', 'B', 'CREATE_COMPLETE'),
      event('3', 'A', 'CREATE_COMPLETE'),
      event('2', 'B', 'CREATE_IN_PROGRESS'),
      event('1', 'A', 'CREATE_IN_PROGRESS'),
    ];
    cfnMock
      .on(DescribeStacksCommand)
      .resolvesOnce(stack('CREATE_IN_PROGRESS'))
      .resolves(stack('CREATE_COMPLETE'));
    cfnMock.on(DescribeStackEventsCommand).resolves({ StackEvents: all });
    const reports: { events: number; done: number; total: number }[] = [];
    const clients = { cfn: new CloudFormationClient({ region: 'ap-northeast-1' }) };
    await watchStack(clients as unknown as EngineClients, STACK_ID, 3, {
      pollMs: 1,
      onEvents: (events, done, total) => {
        reports.push({ events: events.length, done, total });
      },
    });
    expect(reports.at(-1)).toEqual({ events: 0, done: 3, total: 3 });
    // Each event reported once, oldest first.
    expect(reports.reduce((n, r) => n + r.events, 0)).toBe(all.length);
  });

  it('does not end a delete while DescribeStacks still shows the status from before DeleteStack', async () => {
    cfnMock
      .on(DescribeStacksCommand)
      .resolvesOnce(stack('ROLLBACK_COMPLETE'))
      .resolvesOnce(stack('DELETE_IN_PROGRESS'))
      .resolves(stack('DELETE_COMPLETE'));
    cfnMock.on(DescribeStackEventsCommand).resolves({ StackEvents: [] });
    const clients = { cfn: new CloudFormationClient({ region: 'ap-northeast-1' }) };
    const final = await watchStack(
      clients as unknown as EngineClients,
      STACK_ID,
      3,
      { pollMs: 1, onEvents: () => undefined },
      'delete',
    );
    expect(final?.StackStatus).toBe('DELETE_COMPLETE');
    expect(cfnMock.commandCalls(DescribeStacksCommand)).toHaveLength(3);
  });

  it('ends a delete when the stack no longer exists', async () => {
    cfnMock
      .on(DescribeStacksCommand)
      .resolvesOnce(stack('ROLLBACK_COMPLETE'))
      .rejects(new Error('Stack with id s does not exist'));
    cfnMock.on(DescribeStackEventsCommand).resolves({ StackEvents: [] });
    const reports: { done: number; total: number }[] = [];
    const clients = { cfn: new CloudFormationClient({ region: 'ap-northeast-1' }) };
    const final = await watchStack(
      clients as unknown as EngineClients,
      STACK_ID,
      3,
      { pollMs: 1, onEvents: (_events, done, total) => void reports.push({ done, total }) },
      'delete',
    );
    expect(final).toBeUndefined();
    expect(cfnMock.commandCalls(DescribeStacksCommand)).toHaveLength(2);
    expect(reports.at(-1)).toEqual({ done: 3, total: 3 });
  });
});
