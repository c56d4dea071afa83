import {
  DescribeVpcEndpointConnectionsCommand,
  DescribeVpcEndpointServiceConfigurationsCommand,
  DescribeVpcEndpointsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import {
  DescribeListenersCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';

/** What the network between SMOOZ's endpoint and the database looks like, link by link. */
export interface PathLinks {
  readonly endpointState?: string | undefined;
  readonly serviceName?: string | undefined;
  /** The customer's endpoint service's connection for SMOOZ's endpoint, as its owner sees it. */
  readonly connectionState?: string | undefined;
  readonly loadBalancerArn?: string | undefined;
  readonly listeners: readonly {
    port: number;
    protocol: string;
    targetGroupArn?: string | undefined;
  }[];
}

export interface TargetView {
  readonly address: string;
  readonly port: number;
  readonly state: string;
}

/**
 * Reads the links of a PrivateLink path on the moto server, each as the account owning it sees it
 * (moto's `x-moto-account-id` header): SMOOZ's interface endpoint, then the customer's endpoint
 * service, NLB, listeners and target groups. In the real world PrivateLink itself carries the
 * packets; the reference server follows the same links to the addresses the packets would reach.
 */
export class NetworkPath {
  constructor(
    private readonly motoEndpoint: string,
    private readonly region: string,
  ) {}

  async links(
    smoozAccountId: string,
    vpcEndpointId: string,
    customerAccountId: string,
  ): Promise<PathLinks> {
    const smoozEc2 = this.client(EC2Client, smoozAccountId);
    const customerEc2 = this.client(EC2Client, customerAccountId);
    const elb = this.client(ElasticLoadBalancingV2Client, customerAccountId);
    try {
      const endpoint = (
        await smoozEc2.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [vpcEndpointId] }))
      ).VpcEndpoints?.[0];
      const serviceName = endpoint?.ServiceName;
      const endpointState = endpoint?.State?.toLowerCase();
      const services = await customerEc2.send(
        new DescribeVpcEndpointServiceConfigurationsCommand({}),
      );
      const service = services.ServiceConfigurations?.find((s) => s.ServiceName === serviceName);
      if (!service?.ServiceId) return { endpointState, serviceName, listeners: [] };
      const connections = await customerEc2.send(
        new DescribeVpcEndpointConnectionsCommand({
          Filters: [{ Name: 'service-id', Values: [service.ServiceId] }],
        }),
      );
      const connectionState = connections.VpcEndpointConnections?.find(
        (c) => c.VpcEndpointId === vpcEndpointId,
      )?.VpcEndpointState?.toLowerCase();
      const loadBalancerArn = service.NetworkLoadBalancerArns?.[0];
      const listeners = loadBalancerArn
        ? ((await elb.send(new DescribeListenersCommand({ LoadBalancerArn: loadBalancerArn })))
            .Listeners ?? [])
        : [];
      return {
        endpointState,
        serviceName,
        connectionState,
        loadBalancerArn,
        listeners: listeners.map((l) => ({
          port: l.Port ?? 0,
          protocol: l.Protocol ?? '',
          targetGroupArn: l.DefaultActions?.find((a) => a.Type === 'forward')?.TargetGroupArn,
        })),
      };
    } finally {
      for (const c of [smoozEc2, customerEc2, elb]) c.destroy();
    }
  }

  async targets(customerAccountId: string, targetGroupArn: string): Promise<TargetView[]> {
    const elb = this.client(ElasticLoadBalancingV2Client, customerAccountId);
    try {
      const health = await elb.send(
        new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }),
      );
      return (health.TargetHealthDescriptions ?? []).map((d) => ({
        address: d.Target?.Id ?? '',
        port: d.Target?.Port ?? 0,
        state: d.TargetHealth?.State ?? 'unknown',
      }));
    } finally {
      elb.destroy();
    }
  }

  private client<C extends EC2Client | ElasticLoadBalancingV2Client>(
    Client: new (config: NonNullable<ConstructorParameters<typeof EC2Client>[0]>) => C,
    accountId: string,
  ): C {
    const client = new Client({
      region: this.region,
      endpoint: this.motoEndpoint,
      credentials: { accessKeyId: 'AKIASMOOZREFERENCE00', secretAccessKey: 'smooz-reference' },
      maxAttempts: 3,
    });
    // Both clients share the Smithy middleware stack; one signature serves both.
    (client as EC2Client).middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { headers?: Record<string, string> };
        if (request.headers) request.headers['x-moto-account-id'] = accountId;
        return next(args);
      },
      { step: 'build', name: 'smoozMotoAccount' },
    );
    return client;
  }
}
