/**
 * The AWS APIs the in-VPC updater function calls itself. Preflight checks egress from the chosen
 * subnet for exactly these services (a NAT route, or an interface endpoint with private DNS).
 * Everything else the stack needs at creation (EC2 DescribeSubnets, Lambda Invoke, the
 * CloudFormation response to S3) is done by the setup helper, which runs outside the VPC.
 *
 * The template repeats this list in its Metadata (`SmoozUpdater.VpcEgress`); a unit test keeps
 * the two and the updater's imports in step.
 */
export const UPDATER_VPC_API_CALLS = [
  {
    service: 'elasticloadbalancing',
    actions: ['DescribeTargetHealth', 'RegisterTargets', 'DeregisterTargets'],
  },
] as const;

export type UpdaterVpcService = (typeof UPDATER_VPC_API_CALLS)[number]['service'];

/** Interface endpoint service names (`com.amazonaws.<region>.<service>`) the updater needs. */
export function updaterEndpointServiceNames(region: string): string[] {
  return UPDATER_VPC_API_CALLS.map((api) => `com.amazonaws.${region}.${api.service}`);
}
