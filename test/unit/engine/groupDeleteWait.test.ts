import { DeleteSecurityGroupCommand, EC2Client } from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../../main/base/clock';
import type { EngineClients } from '../../../main/engine/engineClients';
import { deleteSecurityGroup } from '../../../main/engine/securityGroups';
import { AbortedError } from '../../../main/base/backoff';

const ec2Mock = mockClient(EC2Client);
afterEach(() => ec2Mock.reset());

const awsError = (name: string) => Object.assign(new Error(name), { name });
const clients = { ec2: new EC2Client({ region: 'ap-northeast-1' }) } as unknown as EngineClients;
const policy = { fastMs: 5_000, idleMaxMs: 120_000 };

function steppingClock(onSleep: (ms: number) => void = () => undefined): Clock {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms, signal) => {
      now += ms;
      onSleep(ms);
      // As the real clock: a stop during the wait ends it at once.
      if (signal?.aborted) throw new AbortedError();
    },
  };
}

describe('deleting a security group a deleted Lambda still holds', () => {
  it('tries again, less and less often, for as long as AWS holds it (no cap), telling each time', async () => {
    // 45 minutes of DependencyViolation, then the interfaces are gone.
    const clock = steppingClock();
    ec2Mock.on(DeleteSecurityGroupCommand).callsFake(() => {
      if (clock.now() < 45 * 60_000) throw awsError('DependencyViolation');
      return {};
    });
    const sleeps: number[] = [];
    let held = 0;
    const timed: Clock = {
      now: clock.now,
      sleep: (ms, signal) => (sleeps.push(ms), clock.sleep(ms, signal)),
    };
    const deleted = await deleteSecurityGroup(clients, 'sg-1', {
      clock: timed,
      policy,
      onHeld: () => void (held += 1),
    });
    expect(deleted).toBe(true);
    expect(held).toBe(sleeps.length);
    expect(sleeps.slice(0, 3)).toEqual([5_000, 7_500, 11_250]);
    expect(Math.max(...sleeps)).toBe(policy.idleMaxMs);
    // Well past the old 40-try cap in time, in fewer calls.
    expect(ec2Mock.commandCalls(DeleteSecurityGroupCommand).length).toBeLessThan(40);
  });

  it('stops at once when the user stops the teardown', async () => {
    ec2Mock.on(DeleteSecurityGroupCommand).rejects(awsError('DependencyViolation'));
    const abort = new AbortController();
    const clock = steppingClock(() => abort.abort());
    await expect(
      deleteSecurityGroup(clients, 'sg-1', { clock, policy, signal: abort.signal }),
    ).rejects.toBeInstanceOf(AbortedError);
    expect(ec2Mock.commandCalls(DeleteSecurityGroupCommand)).toHaveLength(1);
  });

  it('reports a group already gone, and raises any other error without waiting', async () => {
    ec2Mock.on(DeleteSecurityGroupCommand).rejectsOnce(awsError('InvalidGroup.NotFound'));
    expect(await deleteSecurityGroup(clients, 'sg-1', { clock: steppingClock(), policy })).toBe(
      false,
    );
    ec2Mock.on(DeleteSecurityGroupCommand).rejects(awsError('UnauthorizedOperation'));
    await expect(
      deleteSecurityGroup(clients, 'sg-1', { clock: steppingClock(), policy }),
    ).rejects.toThrow('UnauthorizedOperation');
  });
});
