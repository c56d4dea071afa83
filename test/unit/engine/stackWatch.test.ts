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
import { DEFAULT_TIMING, nextPollMs } from '../../../main/engine/timing';
import type { Clock } from '../../../main/base/clock';

/** A clock whose sleeps pass at once; it records them. */
function steppingClock() {
  const sleeps: number[] = [];
  let now = 0;
  const clock: Clock = {
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
  return { clock, sleeps };
}

const poll = DEFAULT_TIMING.poll;

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
      poll,
      clock: steppingClock().clock,
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
      { poll, clock: steppingClock().clock, onEvents: () => undefined },
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
      {
        poll,
        clock: steppingClock().clock,
        onEvents: (_events, done, total) => void reports.push({ done, total }),
      },
      'delete',
    );
    expect(final).toBeUndefined();
    expect(cfnMock.commandCalls(DescribeStacksCommand)).toHaveLength(2);
    expect(reports.at(-1)).toEqual({ done: 3, total: 3 });
  });

  it('reads only the newest page of events, down to the last event it has seen', async () => {
    // Page 1 (newest) holds the new events and the last one seen; page 2 must not be read again.
    const older = [event('2', 'A', 'CREATE_IN_PROGRESS'), event('1', 's', 'CREATE_IN_PROGRESS')];
    cfnMock
      .on(DescribeStacksCommand)
      .resolvesOnce(stack('CREATE_IN_PROGRESS'))
      .resolves(stack('CREATE_COMPLETE'));
    cfnMock
      .on(DescribeStackEventsCommand)
      .resolvesOnce({ StackEvents: [older[0] as StackEvent], NextToken: 'p2' })
      .resolvesOnce({ StackEvents: [older[1] as StackEvent] })
      .resolves({
        StackEvents: [
          event('4', 's', 'CREATE_COMPLETE'),
          event('3', 'A', 'CREATE_COMPLETE'),
          older[0] as StackEvent,
        ],
        NextToken: 'p2',
      });
    const seen: string[] = [];
    const clients = { cfn: new CloudFormationClient({ region: 'ap-northeast-1' }) };
    await watchStack(clients as unknown as EngineClients, STACK_ID, 1, {
      poll,
      clock: steppingClock().clock,
      onEvents: (events) => void seen.push(...events.map((e) => e.eventId)),
    });
    expect(seen).toEqual(['1', '2', '3', '4']);
    // Two calls for the first read (back to the beginning), then one: the newest page held the
    // last event seen, so its NextToken was not followed.
    expect(cfnMock.commandCalls(DescribeStackEventsCommand)).toHaveLength(3);
  });

  it('polls less and less often while nothing moves, soon again after a change, and checks the stack status once a minute', async () => {
    const quiet = { StackEvents: [event('1', 's', 'CREATE_IN_PROGRESS')] };
    const moved = {
      StackEvents: [event('2', 'A', 'CREATE_IN_PROGRESS'), event('1', 's', 'CREATE_IN_PROGRESS')],
    };
    const done = {
      StackEvents: [event('3', 's', 'CREATE_COMPLETE'), ...moved.StackEvents],
    };
    const events = cfnMock.on(DescribeStackEventsCommand);
    for (let i = 0; i < 12; i++) events.resolvesOnce(quiet);
    events.resolvesOnce(moved).resolvesOnce(moved).resolves(done);
    let describes = 0;
    cfnMock.on(DescribeStacksCommand).callsFake(() => {
      describes += 1;
      return stack(describes > 3 ? 'CREATE_COMPLETE' : 'CREATE_IN_PROGRESS');
    });
    const { clock, sleeps } = steppingClock();
    const clients = { cfn: new CloudFormationClient({ region: 'ap-northeast-1' }) };
    await watchStack(clients as unknown as EngineClients, STACK_ID, 1, {
      poll,
      clock,
      onEvents: () => undefined,
    });
    expect(sleeps.slice(0, 8)).toEqual([1000, 1500, 2250, 3375, 5063, 7595, 11393, 15000]);
    expect(Math.max(...sleeps)).toBe(poll.idleMaxMs);
    // The change (event 2) on the 13th poll brings the next poll back to one second.
    expect(sleeps[12]).toBe(poll.fastMs);
    // DescribeStacks: the first poll, once a minute while quiet, and when the stack's own event
    // says it ended; never on every poll.
    expect(describes).toBeLessThan(sleeps.length / 2);
  });
});

describe('the poll policy', () => {
  it('starts fast, grows by half while idle up to the cap, and resets on a change', () => {
    const policy = { fastMs: 1000, idleMaxMs: 15_000 };
    expect(nextPollMs(policy, undefined, false)).toBe(1000);
    expect(nextPollMs(policy, 1000, false)).toBe(1500);
    expect(nextPollMs(policy, 12_000, false)).toBe(15_000);
    expect(nextPollMs(policy, 15_000, true)).toBe(1000);
  });
});
