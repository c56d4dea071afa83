import { paginateDescribeNetworkInterfaces } from '@aws-sdk/client-ec2';
import { AppError, hasErrorCode } from '../../shared/errors';
import { retryWhile, type RetryOptions } from '../base/backoff';
import type { EngineClients } from './engineClients';
import { SetupErrorCodes } from './setupErrors';

/**
 * AWS describes a load balancer's network interfaces as `ELB <type>/<name>/<id>`, the tail of
 * its ARN (`…:loadbalancer/net/<name>/<id>`).
 */
export function loadBalancerInterfaceDescription(loadBalancerArn: string): string {
  const tail = loadBalancerArn.split(':loadbalancer/')[1];
  if (!tail)
    throw new AppError(SetupErrorCodes.stackOutputsMissing, { outputs: 'LoadBalancerArn' });
  return `ELB ${tail}`;
}

const noAddressYet = hasErrorCode(SetupErrorCodes.loadBalancerAddressesMissing);

/**
 * The NLB's private addresses, one per subnet, read from its network interfaces. They exist once
 * the balancer is active; a read that finds none (a describe that lags) is repeated for a while.
 */
export async function loadBalancerAddresses(
  clients: EngineClients,
  loadBalancerArn: string,
  retry: RetryOptions,
): Promise<string[]> {
  const description = loadBalancerInterfaceDescription(loadBalancerArn);
  return retryWhile(
    async () => {
      const addresses = new Set<string>();
      for await (const page of paginateDescribeNetworkInterfaces(
        { client: clients.ec2 },
        { Filters: [{ Name: 'description', Values: [description] }] },
      )) {
        for (const eni of page.NetworkInterfaces ?? []) {
          for (const ip of eni.PrivateIpAddresses ?? []) {
            if (ip.PrivateIpAddress) addresses.add(ip.PrivateIpAddress);
          }
          if (eni.PrivateIpAddress) addresses.add(eni.PrivateIpAddress);
        }
      }
      if (addresses.size === 0) {
        throw new AppError(SetupErrorCodes.loadBalancerAddressesMissing, { description });
      }
      return [...addresses].sort();
    },
    noAddressYet,
    retry,
  );
}
