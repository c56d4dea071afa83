import {
  CloudFormationClient,
  DeleteStackCommand,
  DescribeStacksCommand,
} from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_TIMING } from '../../../main/engine/timing';
import type { FinderClients } from '../../../main/lifecycle/finderClients';
import { LifecycleErrorCodes } from '../../../main/lifecycle/lifecycleErrors';
import { removeOldSetup } from '../../../main/lifecycle/oldSetupRemoval';
import { VirtualClock } from '../../support/virtualClock';

const cfnMock = mockClient(CloudFormationClient);
afterEach(() => cfnMock.reset());

const clients = {
  cfn: new CloudFormationClient({ region: 'ap-northeast-1' }),
} as unknown as FinderClients;
const parts = {
  endpointServiceId: 'vpce-svc-0old',
  endpointServiceName: 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0old',
  targetGroupArns: [],
  stackName: 'smooz-old-setup',
};
const START = Date.UTC(2026, 0, 5, 9, 0, 0);
const MINUTE = 60_000;
const awsError = (name: string) => Object.assign(new Error(name), { name });

/** CloudFormation deleting the stack for `minutes` of the clock's time, then not knowing it. */
function deletingFor(clock: VirtualClock, minutes: number) {
  cfnMock.on(DeleteStackCommand).resolves({});
  cfnMock.on(DescribeStacksCommand).callsFake(() => {
    if (clock.now() - START >= minutes * MINUTE) throw awsError('ValidationError');
    return { Stacks: [{ StackName: parts.stackName, StackStatus: 'DELETE_IN_PROGRESS' }] };
  });
}

describe("migration's removal of the old setup", () => {
  it("waits out a 20-minute stack deletion on the injected clock, polling by the engine's policy", async () => {
    const clock = new VirtualClock(START);
    deletingFor(clock, 20);
    const realStart = Date.now();
    await removeOldSetup(clients, parts, {
      clock,
      poll: DEFAULT_TIMING.poll,
      maxWaitMs: 30 * MINUTE,
    });
    expect(clock.now() - START).toBeGreaterThanOrEqual(20 * MINUTE);
    // Twenty minutes of waits pass in the time the calls between them take.
    expect(Date.now() - realStart).toBeLessThan(5_000);
    // Polled soon at first, then at most every idleMaxMs: 20 minutes cost under 100 calls.
    const calls = cfnMock.commandCalls(DescribeStacksCommand).length;
    expect(calls).toBeGreaterThanOrEqual((20 * MINUTE) / DEFAULT_TIMING.poll.idleMaxMs);
    expect(calls).toBeLessThan(100);
  });

  it('gives up when the stack is still going after the wait allowed on the injected clock', async () => {
    const clock = new VirtualClock(START);
    deletingFor(clock, 60);
    await expect(
      removeOldSetup(clients, parts, { clock, poll: DEFAULT_TIMING.poll, maxWaitMs: 30 * MINUTE }),
    ).rejects.toMatchObject({
      code: LifecycleErrorCodes.oldSetupNotRemoved,
      params: { stackName: parts.stackName, status: 'timeout' },
    });
    expect(clock.now() - START).toBeGreaterThanOrEqual(30 * MINUTE);
    expect(clock.now() - START).toBeLessThan(31 * MINUTE);
  });
});
