import type { ValueKey } from './values';
import type { ParameterNumber } from './stepRef';

/**
 * The template's parameters in the manual's order and the checklist value each takes. The names
 * are the fixed interface with templates/smooz-privatelink.yaml; a test compares them with the
 * bundled template's Parameters so the two cannot drift.
 */
export interface StackParameterSource {
  readonly name: string;
  /** ①–⑧ as the console labels them; the additional parameters have none. */
  readonly number?: ParameterNumber;
  readonly value: ValueKey | 'connectionId';
  readonly iamOnly?: boolean;
  readonly optional?: boolean;
}

export const STACK_PARAMETER_SOURCES: readonly StackParameterSource[] = [
  { name: 'LambdaFunctionName', number: 1, value: 'lambdaFunctionName' },
  { name: 'RDSType', number: 2, value: 'rdsType' },
  { name: 'RDSEndpoint', number: 3, value: 'rdsEndpoint' },
  { name: 'RDSPort', number: 4, value: 'rdsPort' },
  { name: 'VpcId', number: 5, value: 'vpcId' },
  { name: 'SubnetId', number: 6, value: 'subnetId' },
  { name: 'LambdaSecurityGroupIds', number: 7, value: 'lambdaSecurityGroupId' },
  { name: 'SmoozAccountId', number: 8, value: 'smoozAccountId' },
  { name: 'AdditionalSubnetIds', value: 'additionalSubnetIds', optional: true },
  { name: 'DbAuthMethod', value: 'dbAuthMethod' },
  { name: 'DbUser', value: 'dbUser', iamOnly: true },
  { name: 'DbResourceId', value: 'dbResourceId', iamOnly: true },
  { name: 'ExternalId', value: 'externalId', iamOnly: true },
  { name: 'ConnectionId', value: 'connectionId', optional: true },
];

export const stackParameterForNumber = (n: ParameterNumber): StackParameterSource =>
  STACK_PARAMETER_SOURCES.find((p) => p.number === n) as StackParameterSource;
