import {
  ADDITIONAL_PARAMETERS,
  MANUAL_PARAMETERS,
  type TemplateParameterName,
} from '../stack/templateParameters';
import type { ParameterNumber } from './stepRef';
import type { ValueKey } from './values';

/**
 * The template's parameters in the manual's order and the checklist value each takes. Names and
 * order come from shared/stack/templateParameters.ts (the template's interface); this record
 * only adds where each value comes from, and a parameter without a source is a compile error.
 */
export interface StackParameterSource {
  readonly name: TemplateParameterName;
  /** ①–⑧ as the console labels them; the additional parameters have none. */
  readonly number?: ParameterNumber;
  /** A checklist value, or one only the app knows (left out of the offline checklist). */
  readonly value: ValueKey | AppOnlyValue;
  readonly iamOnly?: boolean;
  /** Only where the updater runs inside the VPC (UpdaterPlacement insideVpc). */
  readonly insideVpcOnly?: boolean;
  readonly optional?: boolean;
}

/** Values the automated setup fills in and the offline checklist leaves at the default. */
export const APP_ONLY_VALUES = ['connectionId', 'clusterMemberArns'] as const;
export type AppOnlyValue = (typeof APP_ONLY_VALUES)[number];

const SOURCES: Readonly<
  Record<TemplateParameterName, Omit<StackParameterSource, 'name' | 'number'>>
> = {
  LambdaFunctionName: { value: 'lambdaFunctionName' },
  RDSType: { value: 'rdsType' },
  RDSEndpoint: { value: 'rdsEndpoint' },
  RDSPort: { value: 'rdsPort' },
  VpcId: { value: 'vpcId' },
  SubnetId: { value: 'subnetId' },
  LambdaSecurityGroupIds: { value: 'lambdaSecurityGroupId', insideVpcOnly: true },
  SmoozRoleArn: { value: 'smoozRoleArn' },
  AdditionalSubnetIds: { value: 'additionalSubnetIds', optional: true },
  // Found by discovery; offline the schedule follows the writer.
  ClusterMemberArns: { value: 'clusterMemberArns', optional: true },
  DbAuthMethod: { value: 'dbAuthMethod' },
  DbUser: { value: 'dbUser', iamOnly: true },
  DbResourceId: { value: 'dbResourceId', iamOnly: true },
  ExternalId: { value: 'externalId', iamOnly: true },
  // The app's own connection id tags resources in automated mode; offline there is none.
  ConnectionId: { value: 'connectionId', optional: true },
  UpdaterPlacement: { value: 'updaterPlacement', optional: true },
};

export const STACK_PARAMETER_SOURCES: readonly StackParameterSource[] = [
  ...MANUAL_PARAMETERS.map((p, index) => ({
    name: p.name,
    number: (index + 1) as ParameterNumber,
    ...SOURCES[p.name],
  })),
  ...ADDITIONAL_PARAMETERS.map((name) => ({ name, ...SOURCES[name] })),
];
