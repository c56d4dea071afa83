import { CreateDBClusterCommand, CreateDBInstanceCommand, RDSClient } from '@aws-sdk/client-rds';
import { createAwsClient } from '../../../main/aws/clientFactory';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';
import type { SeededAccount } from '../../support/seedAccount';

/** The AZ the seeded VPC has no subnet in (older accounts in Tokyo still have it). */
export const UNCOVERED_AZ = 'ap-northeast-1b';
export const ORDERS_CLUSTER = 'customer-orders';

/**
 * An Aurora cluster whose writer may fail over into an AZ where the VPC has no subnet: its
 * preflight passes every check but warns about that AZ (the stack cannot follow it there).
 */
export async function seedUncoveredAzCluster(endpoint: string, seeded: SeededAccount) {
  const rds = createAwsClient(RDSClient, motoAppConfig(endpoint), motoContext);
  await rds.send(
    new CreateDBClusterCommand({
      DBClusterIdentifier: ORDERS_CLUSTER,
      Engine: 'aurora-mysql',
      MasterUsername: 'admin',
      MasterUserPassword: 'not-a-real-password',
      DBSubnetGroupName: 'customer-db-subnets',
      VpcSecurityGroupIds: [seeded.aurora.securityGroupId],
      AvailabilityZones: [seeded.azs[0], seeded.azs[1], UNCOVERED_AZ],
      Port: 3306,
    }),
  );
  await rds.send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: `${ORDERS_CLUSTER}-writer`,
      DBClusterIdentifier: ORDERS_CLUSTER,
      Engine: 'aurora-mysql',
      DBInstanceClass: 'db.r6g.large',
      AvailabilityZone: seeded.azs[0],
      DBSubnetGroupName: 'customer-db-subnets',
    }),
  );
}
