import { describe, expect, it } from 'vitest';
import type { VpcNetwork } from '../../../main/engine/network';
import { chooseSubnets } from '../../../main/engine/planner';
import { endpointServiceAzs } from '../../../main/engine/serviceAzs';
import type { DatabaseRecord } from '../../../shared/flow/database';
import { samplePlan } from '../../support/flowFixtures';

const subnet = (subnetId: string, availabilityZone: string, n: number) => ({
  subnetId,
  availabilityZone,
  availabilityZoneId: `apne1-az${n}`,
  cidr: `10.0.${n}.0/24`,
});

const network: VpcNetwork = {
  vpcId: 'vpc-1',
  subnets: [
    subnet('subnet-d', 'ap-northeast-1d', 2),
    subnet('subnet-a', 'ap-northeast-1a', 4),
    subnet('subnet-c', 'ap-northeast-1c', 1),
  ],
  routeTables: [],
  endpoints: [],
};

const singleAz = (overrides: Partial<DatabaseRecord> = {}): DatabaseRecord => ({
  ...samplePlan.database,
  availabilityZone: 'ap-northeast-1c',
  availabilityZones: ['ap-northeast-1c'],
  multiAz: false,
  subnetIds: ['subnet-a', 'subnet-c'],
  ...overrides,
});

describe('the endpoint service’s AZs', () => {
  it('gives a single-AZ database a second AZ from its DB subnet group, its own AZ first', () => {
    expect(endpointServiceAzs(network, singleAz())).toEqual(['ap-northeast-1c', 'ap-northeast-1a']);
    expect(chooseSubnets(network, singleAz(), 'ap-northeast-1')).toEqual(['subnet-c', 'subnet-a']);
  });

  it('takes the VPC’s next AZ when the subnet group’s other subnets are not in the VPC listing', () => {
    const db = singleAz({ subnetIds: ['subnet-c', 'subnet-gone'] });
    expect(chooseSubnets(network, db, 'ap-northeast-1')).toEqual(['subnet-c', 'subnet-a']);
  });

  it('keeps a Multi-AZ database’s own AZs, where it may fail over to', () => {
    const db = singleAz({
      multiAz: true,
      availabilityZones: ['ap-northeast-1c', 'ap-northeast-1d'],
    });
    expect(chooseSubnets(network, db, 'ap-northeast-1')).toEqual(['subnet-c', 'subnet-d']);
  });

  it('stays at one AZ only when the VPC has subnets in no other', () => {
    const oneAz: VpcNetwork = { ...network, subnets: [subnet('subnet-c', 'ap-northeast-1c', 1)] };
    expect(chooseSubnets(oneAz, singleAz(), 'ap-northeast-1')).toEqual(['subnet-c']);
  });
});
