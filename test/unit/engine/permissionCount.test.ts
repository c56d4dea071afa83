import { GetRoleCommand, IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineClients } from '../../../main/engine/engineClients';
import { permissions } from '../../../main/engine/preflight';
import { createHandlers } from '../../../main/ipc/createHandlers';
import { servicesOnDisk } from '../../support/servicesOnDisk';

const stsMock = mockClient(STSClient);
const iamMock = mockClient(IAMClient);
afterEach(() => {
  stsMock.reset();
  iamMock.reset();
});

const clients = () =>
  ({
    sts: new STSClient({ region: 'ap-northeast-1' }),
    iam: new IAMClient({ region: 'ap-northeast-1' }),
  }) as unknown as EngineClients;

describe('the permissions the user is told about', () => {
  it('are one list: the confirmation lists each action once, and preflight counts and simulates exactly those', async () => {
    const { services } = await servicesOnDisk();
    const listed = await createHandlers(services)['setup:requiredPermissions'](undefined);
    const actions = listed.map((p) => p.action);
    expect(new Set(actions).size).toBe(actions.length);

    stsMock
      .on(GetCallerIdentityCommand)
      .resolves({ Arn: 'arn:aws:sts::123456789012:assumed-role/Engineer/alice' });
    iamMock
      .on(GetRoleCommand)
      .resolves({ Role: { Arn: 'arn:aws:iam::123456789012:role/Engineer' } as never });
    iamMock.on(SimulatePrincipalPolicyCommand).callsFake((input: { ActionNames: string[] }) => ({
      EvaluationResults: input.ActionNames.map((a) => ({
        EvalActionName: a,
        EvalDecision: 'allowed',
      })),
    }));
    const check = await permissions(clients());
    expect(check).toMatchObject({ status: 'pass', params: { count: listed.length } });
    const simulated = iamMock.commandCalls(SimulatePrincipalPolicyCommand)[0]?.args[0].input;
    expect(simulated?.ActionNames).toEqual(actions);
  });

  it('gives every listed action each reason the flow has for it', async () => {
    const { services } = await servicesOnDisk();
    const listed = await createHandlers(services)['setup:requiredPermissions'](undefined);
    expect(listed.find((p) => p.action === 'cloudformation:DescribeStacks')?.purposes).toEqual([
      'preflight',
      'stack',
      'teardown',
      'upgrade',
    ]);
  });
});
