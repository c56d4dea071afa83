/**
 * The interface of templates/smooz-privatelink.yaml: parameter names in the manual's order, the
 * manual's step labels (手順 3-2 ①–⑧), output names, and the parameter list the engine passes to
 * CreateStack. A unit test checks the template against every constant here.
 */

/** The manual's eight parameters, in its order; the label is what the console shows. */
export const MANUAL_PARAMETERS = [
  { name: 'LambdaFunctionName', step: '①' },
  { name: 'RDSType', step: '②' },
  { name: 'RDSEndpoint', step: '③' },
  { name: 'RDSPort', step: '④' },
  { name: 'VpcId', step: '⑤' },
  { name: 'SubnetId', step: '⑥' },
  { name: 'LambdaSecurityGroupIds', step: '⑦' },
  { name: 'SmoozRoleArn', step: '⑧' },
] as const;

/** Parameters the manual does not have; they follow ⑧ and have no step label. */
export const ADDITIONAL_PARAMETERS = [
  'AdditionalSubnetIds',
  'ClusterMemberArns',
  'DbAuthMethod',
  'DbUser',
  'DbResourceId',
  'ExternalId',
  'ConnectionId',
  'UpdaterPlacement',
] as const;

export type ManualParameterName = (typeof MANUAL_PARAMETERS)[number]['name'];
export type AdditionalParameterName = (typeof ADDITIONAL_PARAMETERS)[number];
export type TemplateParameterName = ManualParameterName | AdditionalParameterName;
export type ManualStepLabel = (typeof MANUAL_PARAMETERS)[number]['step'];

export const TEMPLATE_PARAMETER_NAMES: readonly TemplateParameterName[] = [
  ...MANUAL_PARAMETERS.map((p) => p.name),
  ...ADDITIONAL_PARAMETERS,
];

/** ① → 'LambdaFunctionName' etc., for the checklist that names steps the way the manual does. */
export function manualStepOf(name: TemplateParameterName): ManualStepLabel | undefined {
  return MANUAL_PARAMETERS.find((p) => p.name === name)?.step;
}

export const STACK_OUTPUT_NAMES = [
  'EndpointServiceName',
  'EndpointServiceId',
  'AvailabilityZones',
  'AvailabilityZoneIds',
  'LoadBalancerArn',
  'TargetGroupArn',
  'IamRoleArn',
  'UpdaterFunctionName',
  'SmoozTemplateVersion',
] as const;
export type StackOutputName = (typeof STACK_OUTPUT_NAMES)[number];

export const RDS_TYPES = ['instance', 'cluster'] as const;
export type RdsType = (typeof RDS_TYPES)[number];
export const DB_AUTH_METHODS = ['password', 'iam'] as const;
export type DbAuthMethod = (typeof DB_AUTH_METHODS)[number];
/**
 * Where the updater function runs. `outsideVpc` (the template's default) needs no security group
 * ⑦, no egress and no network interfaces; `insideVpc` is for a publicly accessible database (its
 * name resolves to the public address outside the VPC) or an organisation that requires it.
 */
export const UPDATER_PLACEMENTS = ['outsideVpc', 'insideVpc'] as const;
export type UpdaterPlacement = (typeof UPDATER_PLACEMENTS)[number];
export const DEFAULT_UPDATER_PLACEMENT: UpdaterPlacement = 'outsideVpc';

/** ①'s default, as the template declares it. */
export const DEFAULT_LAMBDA_FUNCTION_NAME = 'smooz-privatelink-target-updater';
/**
 * The stack also creates `<①>-setup` (the custom-resource helper), and Lambda names stop at 64
 * characters, so ① is limited to 58.
 */
export const SETUP_FUNCTION_SUFFIX = '-setup';
export const MAX_LAMBDA_FUNCTION_NAME_LENGTH = 64 - SETUP_FUNCTION_SUFFIX.length;
/** The template's own limit on AdditionalSubnetIds (one per further AZ). */
export const MAX_ADDITIONAL_SUBNET_IDS = 5;

export interface StackParameterValues {
  lambdaFunctionName: string;
  rdsType: RdsType;
  rdsEndpoint: string;
  rdsPort: number;
  vpcId: string;
  subnetId: string;
  updaterPlacement: UpdaterPlacement;
  /** insideVpc only; sent empty outside the VPC. */
  lambdaSecurityGroupIds: readonly string[];
  smoozRoleArn: string;
  additionalSubnetIds?: readonly string[] | undefined;
  /** Cluster only: its DB instances' ARNs, whose events run the updater too. */
  clusterMemberArns?: readonly string[] | undefined;
  dbAuthMethod: DbAuthMethod;
  /** IAM authentication only. */
  dbUser?: string | undefined;
  /** IAM authentication only: the instance's DbiResourceId or the cluster's `cluster-…` id. */
  dbResourceId?: string | undefined;
  /** IAM authentication only. */
  externalId?: string | undefined;
  connectionId?: string | undefined;
}

export interface StackParameter {
  ParameterKey: TemplateParameterName;
  ParameterValue: string;
}

/**
 * The CreateStack parameter list in the template's order. IAM-only values are sent empty for
 * password authentication, and ⑦ outside the VPC, so a stale value can never end up in a stack.
 */
export function buildStackParameters(values: StackParameterValues): StackParameter[] {
  const iam = values.dbAuthMethod === 'iam';
  const inVpc = values.updaterPlacement === 'insideVpc';
  const byName: Record<TemplateParameterName, string> = {
    LambdaFunctionName: values.lambdaFunctionName,
    RDSType: values.rdsType,
    RDSEndpoint: values.rdsEndpoint,
    RDSPort: String(values.rdsPort),
    VpcId: values.vpcId,
    SubnetId: values.subnetId,
    LambdaSecurityGroupIds: inVpc ? values.lambdaSecurityGroupIds.join(',') : '',
    SmoozRoleArn: values.smoozRoleArn,
    AdditionalSubnetIds: (values.additionalSubnetIds ?? [])
      .filter((id) => id !== values.subnetId)
      .join(','),
    ClusterMemberArns:
      values.rdsType === 'cluster' ? (values.clusterMemberArns ?? []).join(',') : '',
    DbAuthMethod: values.dbAuthMethod,
    DbUser: iam ? (values.dbUser ?? '') : '',
    DbResourceId: iam ? (values.dbResourceId ?? '') : '',
    ExternalId: iam ? (values.externalId ?? '') : '',
    ConnectionId: values.connectionId ?? '',
    UpdaterPlacement: values.updaterPlacement,
  };
  return TEMPLATE_PARAMETER_NAMES.map((name) => ({
    ParameterKey: name,
    ParameterValue: byName[name],
  }));
}
