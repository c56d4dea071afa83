import { describe, expect, it } from 'vitest';
import { automatedPrefill } from '../../../shared/steps/handoff';

describe('hand-off from the offline checklist to the automated flow', () => {
  it('passes valid values normalized and leaves invalid or empty ones out', () => {
    expect(
      automatedPrefill({
        rdsEndpoint: 'DB1.c9akciq32lce.ap-northeast-1.rds.amazonaws.com',
        rdsType: 'instance',
        rdsPort: '5432',
        subnetId: 'subnet-0fedcba9876543210',
        additionalSubnetIds: 'subnet-0123456789abcdef0',
        customerAccountId: '1234-5678-9012',
        vpcId: 'vpc-12',
        connectionName: '',
        dbAuthMethod: 'password',
      }),
    ).toEqual({
      region: 'ap-northeast-1',
      accountId: '123456789012',
      rdsType: 'instance',
      rdsEndpoint: 'db1.c9akciq32lce.ap-northeast-1.rds.amazonaws.com',
      rdsPort: 5432,
      subnetIds: ['subnet-0fedcba9876543210', 'subnet-0123456789abcdef0'],
      authMethod: 'password',
    });
  });
});
