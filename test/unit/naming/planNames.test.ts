import { describe, expect, it } from 'vitest';
import { reduce } from '../../../shared/flow/reducer';
import type { SetupState } from '../../../shared/flow/state';
import { deriveConnectionNames } from '../../../shared/naming/connectionNames';
import { derivedNameFields, planNames } from '../../../shared/naming/planNames';
import { samplePlan } from '../../support/flowFixtures';

const plan = {
  ...samplePlan,
  ...derivedNameFields({ connectionId: 'c-0001', connectionName: 'prod-db', prefix: 'acme' }),
  resourceNamePrefix: 'acme',
};
const atPreflight: SetupState = { step: 'preflight', plan, created: [] };

describe('renaming a connection before it is confirmed', () => {
  it('re-derives every AWS name from the new name, with the same prefix and connection id', () => {
    const next = reduce(atPreflight, { type: 'planUpdated', patch: { connectionName: '検証DB' } });
    expect(planNames(next.plan)).toEqual(
      deriveConnectionNames({ connectionId: 'c-0001', connectionName: '検証DB', prefix: 'acme' }),
    );
    expect(next.plan.stackName).not.toBe(plan.stackName);
  });

  it('keeps a Lambda name the user typed, and re-derives the rest', () => {
    const typed = reduce(atPreflight, {
      type: 'planUpdated',
      patch: { lambdaFunctionName: 'my-updater' },
    });
    const renamed = reduce(typed, { type: 'planUpdated', patch: { connectionName: 'staging' } });
    expect(renamed.plan.lambdaFunctionName).toBe('my-updater');
    expect(renamed.plan.stackName).toBe(
      deriveConnectionNames({ connectionId: 'c-0001', connectionName: 'staging', prefix: 'acme' })
        .stackName,
    );
  });

  it('keeps the names of security groups that already exist (made by the egress fix)', () => {
    const withGroup: SetupState = {
      ...atPreflight,
      created: [
        {
          kind: 'securityGroup',
          purpose: 'lambda',
          groupId: 'sg-1',
          groupName: plan.lambdaSecurityGroupName,
          vpcId: 'vpc-1',
        },
      ],
    };
    const next = reduce(withGroup, { type: 'planUpdated', patch: { connectionName: 'other' } });
    expect(next.plan.lambdaSecurityGroupName).toBe(plan.lambdaSecurityGroupName);
    expect(next.plan.endpointsSecurityGroupName).toBe(plan.endpointsSecurityGroupName);
    expect(next.plan.stackName).not.toBe(plan.stackName);
  });

  it('lists, for a flow planned before per-connection names, the endpoints group it used then', () => {
    expect(planNames(samplePlan).endpointsSecurityGroupName).toBe(
      'smooz-privatelink-endpoints-c-0001',
    );
  });
});
