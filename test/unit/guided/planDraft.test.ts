import { describe, expect, it } from 'vitest';
import { derivedNameFields } from '../../../shared/naming/planNames';
import { draftNames } from '../../../renderer/src/setup/planDraft';
import { samplePlan } from '../../support/flowFixtures';

const plan = {
  ...samplePlan,
  ...derivedNameFields({
    connectionId: samplePlan.connectionId,
    connectionName: samplePlan.connectionName,
  }),
};

describe('the names shown while the connection name is typed', () => {
  it('lists every derived name of the plan as it stands when nothing was typed', () => {
    const draft = draftNames(plan, [], { connectionName: plan.connectionName });
    expect(draft.patch).toEqual({});
    expect(draft.names.stackName).toBe(plan.stackName);
    expect(draft.names.lambdaFunctionName).toBe(plan.lambdaFunctionName);
    expect(draft.names.updaterLogGroupName).toBe(`/aws/lambda/${plan.lambdaFunctionName}`);
  });

  it('re-derives the stack, ①, groups and log groups from a new connection name', () => {
    const draft = draftNames(plan, [], { connectionName: 'staging-db' });
    expect(draft.patch).toEqual({ connectionName: 'staging-db' });
    for (const name of Object.values(draft.names)) expect(name).toContain('staging-db');
    expect(draft.lambdaFunctionName).toBe(draft.names.lambdaFunctionName);
  });

  it('keeps a typed ① while the rest follows the connection name', () => {
    const draft = draftNames(plan, [], {
      connectionName: 'staging-db',
      lambdaFunctionName: 'orders-updater',
    });
    expect(draft.patch).toEqual({
      connectionName: 'staging-db',
      lambdaFunctionName: 'orders-updater',
    });
    expect(draft.names.lambdaFunctionName).toBe('orders-updater');
    expect(draft.names.stackName).toContain('staging-db');
  });

  it('sends nothing for a name that does not validate, and says why', () => {
    const draft = draftNames(plan, [], { connectionName: '' });
    expect(draft.nameCheck.ok).toBe(false);
    expect(draft.patch).toEqual({});
  });
});
