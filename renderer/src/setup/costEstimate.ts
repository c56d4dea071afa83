import type { CreatedResource } from '../../../shared/flow/resources';

/**
 * List prices (USD, ap-northeast-1, 730 hours a month) of what the stack keeps running in the
 * customer's account. Prices vary by region; the screen says so. The endpoint service itself is
 * free for its owner; the interface endpoint is in SMOOZ's account and billed to SMOOZ.
 */
const NLB_HOURLY_USD = 0.0243;
const NLB_LCU_HOURLY_USD = 0.006;
const INTERFACE_ENDPOINT_AZ_HOURLY_USD = 0.014;
const HOURS_PER_MONTH = 730;

export interface MonthlyCost {
  readonly loadBalancerUsd: number;
  /** Per load balancer capacity unit used on average (light database traffic stays near one). */
  readonly perLcuUsd: number;
  /** The interface endpoints a preflight fix created, when there are any. */
  readonly endpointsUsd: number;
  readonly totalUsd: number;
}

export function monthlyCost(created: readonly CreatedResource[], subnetCount: number): MonthlyCost {
  const loadBalancerUsd = NLB_HOURLY_USD * HOURS_PER_MONTH;
  const perLcuUsd = NLB_LCU_HOURLY_USD * HOURS_PER_MONTH;
  // The S3 gateway endpoint is free; interface endpoints are billed per AZ they sit in.
  const interfaceEndpoints = created.filter(
    (r) => r.kind === 'vpcEndpoint' && !r.serviceName.endsWith('.s3'),
  ).length;
  const endpointsUsd =
    interfaceEndpoints *
    Math.max(subnetCount, 1) *
    INTERFACE_ENDPOINT_AZ_HOURLY_USD *
    HOURS_PER_MONTH;
  return {
    loadBalancerUsd,
    perLcuUsd,
    endpointsUsd,
    totalUsd: loadBalancerUsd + perLcuUsd + endpointsUsd,
  };
}
