import { describe, expect, it, vi } from 'vitest';
import type { CfnRequest, CfnResponse } from '../../../lambda/src/setup/cfnEvent';
import { provision, type SetupDeps } from '../../../lambda/src/setup/provision';

const ZONES = [
  { subnetId: 'subnet-aaaaaaaa', zoneName: 'ap-northeast-1a', zoneId: 'apne1-az4' },
  { subnetId: 'subnet-cccccccc', zoneName: 'ap-northeast-1c', zoneId: 'apne1-az1' },
  { subnetId: 'subnet-dddddddd', zoneName: 'ap-northeast-1c', zoneId: 'apne1-az1' },
];

function request(type: CfnRequest['RequestType'], extra: Partial<CfnRequest> = {}): CfnRequest {
  return {
    RequestType: type,
    ResponseURL: 'https://cloudformation-custom-resource-response.s3.amazonaws.com/presigned',
    StackId: 'arn:aws:cloudformation:ap-northeast-1:123456789012:stack/s/1',
    RequestId: 'req-1',
    LogicalResourceId: 'TargetRegistration',
    ResourceProperties: {
      UpdaterFunctionName: 'smooz-updater',
      SubnetIds: ['subnet-cccccccc', 'subnet-aaaaaaaa'],
    },
    ...extra,
  };
}

function deps(overrides: Partial<SetupDeps> = {}) {
  const responses: CfnResponse[] = [];
  const d: SetupDeps = {
    describeSubnets: vi.fn(async (ids: string[]) => ZONES.filter((z) => ids.includes(z.subnetId))),
    invokeUpdater: vi.fn(async () => ({
      outcome: {
        status: 'updated' as const,
        addresses: ['10.0.1.5'],
        registered: [{ id: '10.0.1.5', port: 3306 }],
        deregistered: [],
      },
    })),
    respond: vi.fn(async (_url: string, body: CfnResponse) => {
      responses.push(body);
    }),
    remainingMs: () => 170_000,
    log: () => undefined,
    ...overrides,
  };
  return { d, responses };
}

describe('setup helper (custom resource TargetRegistration)', () => {
  it('Create: runs the updater and answers SUCCESS with AZ names and AZ IDs in subnet order', async () => {
    const { d, responses } = deps();
    await provision(request('Create'), d);
    expect(d.invokeUpdater).toHaveBeenCalledWith(
      'smooz-updater',
      { source: 'smooz.setup', requestType: 'Create' },
      165_000,
    );
    expect(responses).toEqual([
      expect.objectContaining({
        Status: 'SUCCESS',
        PhysicalResourceId: 'smooz-updater-registration',
        RequestId: 'req-1',
        LogicalResourceId: 'TargetRegistration',
        Data: {
          AvailabilityZones: 'ap-northeast-1c,ap-northeast-1a',
          AvailabilityZoneIds: 'apne1-az1,apne1-az4',
          Addresses: '10.0.1.5',
        },
      }),
    ]);
  });

  it('lists an AZ once when two subnets share it', async () => {
    const { d, responses } = deps();
    await provision(
      request('Create', {
        ResourceProperties: {
          UpdaterFunctionName: 'smooz-updater',
          SubnetIds: ['subnet-cccccccc', 'subnet-dddddddd'],
        },
      }),
      d,
    );
    expect(responses[0]?.Data).toMatchObject({ AvailabilityZoneIds: 'apne1-az1' });
  });

  it('Update: re-runs the updater and keeps the physical id, so CloudFormation replaces nothing', async () => {
    const { d, responses } = deps();
    await provision(request('Update', { PhysicalResourceId: 'smooz-updater-registration' }), d);
    expect(d.invokeUpdater).toHaveBeenCalledWith(
      'smooz-updater',
      { source: 'smooz.setup', requestType: 'Update' },
      expect.any(Number),
    );
    expect(responses[0]).toMatchObject({
      Status: 'SUCCESS',
      PhysicalResourceId: 'smooz-updater-registration',
    });
  });

  it('Create: answers FAILED with the reason and the egress hint when the updater fails', async () => {
    const { d, responses } = deps({
      invokeUpdater: async () => ({ error: 'connect ETIMEDOUT 52.119.1.1:443' }),
    });
    await provision(request('Create'), d);
    expect(responses[0]?.Status).toBe('FAILED');
    expect(responses[0]?.Reason).toContain('ETIMEDOUT');
    expect(responses[0]?.Reason).toContain('NAT gateway');
  });

  it('Create: answers FAILED when DNS gave the updater nothing to register', async () => {
    const { d, responses } = deps({
      invokeUpdater: async () => ({
        outcome: { status: 'unresolved' as const, reason: 'DNS lookup of x failed' },
      }),
    });
    await provision(request('Create'), d);
    expect(responses[0]).toMatchObject({
      Status: 'FAILED',
      Reason: expect.stringContaining('DNS'),
    });
  });

  it('Create: answers FAILED (never hangs) when describing the subnets throws', async () => {
    const { d, responses } = deps({
      describeSubnets: async () => {
        throw new Error('InvalidSubnetID.NotFound');
      },
    });
    await provision(request('Create'), d);
    expect(responses).toEqual([expect.objectContaining({ Status: 'FAILED' })]);
    expect(responses[0]?.Reason).toContain('InvalidSubnetID.NotFound');
  });

  it('Create: answers FAILED before its own timeout when the updater never returns', async () => {
    vi.useFakeTimers();
    try {
      const { d, responses } = deps({
        invokeUpdater: () => new Promise(() => undefined),
        remainingMs: () => 30_000,
      });
      const done = provision(request('Create'), d);
      await vi.advanceTimersByTimeAsync(27_500);
      await done;
      expect(responses).toEqual([
        expect.objectContaining({ Status: 'FAILED', Reason: expect.stringContaining('timed out') }),
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('Delete: answers SUCCESS at once without calling EC2 or the updater', async () => {
    const { d, responses } = deps();
    await provision(request('Delete', { PhysicalResourceId: 'smooz-updater-registration' }), d);
    expect(d.describeSubnets).not.toHaveBeenCalled();
    expect(d.invokeUpdater).not.toHaveBeenCalled();
    expect(responses).toEqual([
      expect.objectContaining({
        Status: 'SUCCESS',
        PhysicalResourceId: 'smooz-updater-registration',
      }),
    ]);
  });

  it('Delete after a failed Create succeeds with the physical id the failure reported', async () => {
    const invokeUpdater = vi.fn(async () => ({ error: 'Task timed out' }));
    const { d, responses } = deps({ invokeUpdater });
    const failed = await provision(request('Create'), d);
    expect(failed.Status).toBe('FAILED');
    await provision(request('Delete', { PhysicalResourceId: failed.PhysicalResourceId }), d);
    expect(responses[1]).toMatchObject({
      Status: 'SUCCESS',
      PhysicalResourceId: failed.PhysicalResourceId,
    });
    expect(invokeUpdater).toHaveBeenCalledTimes(1);
  });
});
