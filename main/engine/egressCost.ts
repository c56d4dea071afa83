import type { EgressCost } from '../../shared/flow/preflight';

const HOURS_PER_MONTH = 730;

interface Prices {
  readonly natGatewayHour: number;
  readonly natGatewayGb: number;
  readonly endpointHourPerAz: number;
  readonly endpointGb: number;
}

// AWS list prices (USD) at the time of writing; shown as an estimate, not a quote.
const US_EAST_1: Prices = {
  natGatewayHour: 0.045,
  natGatewayGb: 0.045,
  endpointHourPerAz: 0.01,
  endpointGb: 0.01,
};
const BY_REGION: Readonly<Record<string, Prices>> = {
  'us-east-1': US_EAST_1,
  'ap-northeast-1': {
    natGatewayHour: 0.062,
    natGatewayGb: 0.062,
    endpointHourPerAz: 0.014,
    endpointGb: 0.01,
  },
  'ap-northeast-3': {
    natGatewayHour: 0.062,
    natGatewayGb: 0.062,
    endpointHourPerAz: 0.014,
    endpointGb: 0.01,
  },
};

const round = (usd: number) => Math.round(usd * 100) / 100;

/**
 * The monthly cost of the two ways out for the Lambda: one NAT gateway, or one interface endpoint
 * per service in each AZ of the chosen subnets.
 */
export function egressCost(region: string, serviceCount: number, azCount: number): EgressCost {
  const p = BY_REGION[region] ?? US_EAST_1;
  return {
    natGatewayMonthlyUsd: round(p.natGatewayHour * HOURS_PER_MONTH),
    interfaceEndpointsMonthlyUsd: round(
      p.endpointHourPerAz * HOURS_PER_MONTH * serviceCount * Math.max(1, azCount),
    ),
    natGatewayPerGbUsd: p.natGatewayGb,
    interfaceEndpointPerGbUsd: p.endpointGb,
  };
}
