import {
  CreateSubnetCommand,
  CreateVpcCommand,
  CreateVpcEndpointCommand,
  DeleteVpcEndpointsCommand,
  DescribeAvailabilityZonesCommand,
  DescribeSubnetsCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';

export interface SmoozAwsOptions {
  /** The moto server both "accounts" live on. */
  readonly endpoint: string;
  /** SMOOZ's AWS account id; every request is made as this account. */
  readonly accountId: string;
}

export type EndpointOutcome =
  | { readonly kind: 'created'; readonly vpcEndpointId: string }
  | { readonly kind: 'rejected' }
  | { readonly kind: 'zones-not-supported'; readonly zoneIds: readonly string[] }
  | { readonly kind: 'failed'; readonly message: string };

const NETWORK_TAG = 'smooz-reference-network';
export const SMOOZ_ROLE_NAME = 'smooz-privatelink';

/**
 * "SMOOZ's" AWS account on the local moto server. moto picks the account of a request from the
 * `x-moto-account-id` header (after MOTO_ACCOUNT_ID, which must stay unset, and before the access
 * key), so this account is distinct from the customer's default 123456789012 without any IAM set-up.
 * It owns one VPC per region with a subnet in every zone, like a SaaS provider's network.
 */
export class SmoozAwsAccount {
  private readonly clients = new Map<string, EC2Client>();

  constructor(private readonly options: SmoozAwsOptions) {}

  get accountId(): string {
    return this.options.accountId;
  }

  /** The role SMOOZ makes its endpoints as: the principal a customer's service allows. */
  get roleArn(): string {
    return `arn:aws:iam::${this.options.accountId}:role/${SMOOZ_ROLE_NAME}`;
  }

  async createEndpoint(
    region: string,
    serviceName: string,
    zoneIds: readonly string[],
    connectionId: string,
  ): Promise<EndpointOutcome> {
    const ec2 = this.client(region);
    const subnets = await this.subnetsByZoneId(region);
    const missing = zoneIds.filter((id) => !subnets.has(id));
    if (missing.length > 0) return { kind: 'zones-not-supported', zoneIds: missing };
    try {
      const created = await ec2.send(
        new CreateVpcEndpointCommand({
          VpcEndpointType: 'Interface',
          VpcId: subnets.get(zoneIds[0] as string)?.vpcId,
          ServiceName: serviceName,
          SubnetIds: zoneIds.map((id) => subnets.get(id)?.subnetId as string),
          ClientToken: connectionId,
          TagSpecifications: [
            {
              ResourceType: 'vpc-endpoint',
              Tags: [{ Key: 'smooz:connection-id', Value: connectionId }],
            },
          ],
        }),
      );
      return { kind: 'created', vpcEndpointId: created.VpcEndpoint?.VpcEndpointId as string };
    } catch (error) {
      // AWS hides a service from principals it does not allow, so "not allowed" reads as unknown.
      if ((error as { name?: string }).name === 'InvalidServiceName') return { kind: 'rejected' };
      return { kind: 'failed', message: (error as Error).message };
    }
  }

  async endpointState(region: string, vpcEndpointId: string): Promise<string | undefined> {
    try {
      const found = await this.client(region).send(
        new DescribeVpcEndpointsCommand({ VpcEndpointIds: [vpcEndpointId] }),
      );
      return found.VpcEndpoints?.[0]?.State?.toLowerCase();
    } catch (error) {
      if ((error as { name?: string }).name?.startsWith('InvalidVpcEndpoint')) return undefined;
      throw error;
    }
  }

  async deleteEndpoint(region: string, vpcEndpointId: string): Promise<void> {
    await this.client(region).send(
      new DeleteVpcEndpointsCommand({ VpcEndpointIds: [vpcEndpointId] }),
    );
  }

  /** SMOOZ's subnets keyed by zone ID, creating the network on first use in a region. */
  private async subnetsByZoneId(
    region: string,
  ): Promise<Map<string, { subnetId: string; vpcId: string }>> {
    const ec2 = this.client(region);
    const vpcs = await ec2.send(
      new DescribeVpcsCommand({ Filters: [{ Name: 'tag-key', Values: [NETWORK_TAG] }] }),
    );
    let vpcId = vpcs.Vpcs?.[0]?.VpcId;
    if (!vpcId) {
      const vpc = await ec2.send(
        new CreateVpcCommand({
          CidrBlock: '10.90.0.0/16',
          TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: NETWORK_TAG, Value: 'true' }] }],
        }),
      );
      vpcId = vpc.Vpc?.VpcId as string;
      const zones = await ec2.send(new DescribeAvailabilityZonesCommand({}));
      let octet = 0;
      for (const zone of zones.AvailabilityZones ?? []) {
        await ec2.send(
          new CreateSubnetCommand({
            VpcId: vpcId,
            AvailabilityZoneId: zone.ZoneId,
            CidrBlock: `10.90.${octet++}.0/24`,
          }),
        );
      }
    }
    const subnets = await ec2.send(
      new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }),
    );
    const byZone = new Map<string, { subnetId: string; vpcId: string }>();
    for (const s of subnets.Subnets ?? []) {
      if (s.AvailabilityZoneId && s.SubnetId)
        byZone.set(s.AvailabilityZoneId, { subnetId: s.SubnetId, vpcId });
    }
    return byZone;
  }

  private client(region: string): EC2Client {
    let client = this.clients.get(region);
    if (!client) {
      client = new EC2Client({
        region,
        endpoint: this.options.endpoint,
        credentials: { accessKeyId: 'AKIASMOOZREFERENCE00', secretAccessKey: 'smooz-reference' },
        maxAttempts: 3,
      });
      const accountId = this.options.accountId;
      client.middlewareStack.add(
        (next) => async (args) => {
          const request = args.request as { headers?: Record<string, string> };
          if (request.headers) request.headers['x-moto-account-id'] = accountId;
          return next(args);
        },
        { step: 'build', name: 'smoozMotoAccount' },
      );
      this.clients.set(region, client);
    }
    return client;
  }

  close(): void {
    for (const client of this.clients.values()) client.destroy();
  }
}
