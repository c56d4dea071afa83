import { z } from 'zod';
import type { DisplayKind } from '../redaction/kinds';
import {
  validateAccountId,
  validateAdditionalSubnetIds,
  validateAvailabilityZone,
  validateAvailabilityZoneIds,
  validateAvailabilityZones,
  validateEndpointServiceName,
  validateIamRoleArn,
  validateIpv4Cidr,
  validateRegion,
  validateSecurityGroupId,
  validateSubnetId,
  validateVpcId,
} from '../validation/awsIds';
import {
  validateConnectionName,
  validateDbAuthMethod,
  validateDbResourceId,
  validateDbUser,
  validateExternalId,
  validateLambdaFunctionName,
  validateStackName,
  validateUpdaterPlacement,
} from '../validation/names';
import {
  parseRdsEndpoint,
  validatePort,
  validateRdsEndpoint,
  validateRdsType,
} from '../validation/rds';
import { cleanInput, valid, type ValidationResult } from '../validation/result';

/**
 * Every value the manual has the user type, select or paste, named once. Typed in one step, the
 * value is carried into every later step that shows it, into the stack parameters and into
 * SMOOZ's form. The automated flow reads the same record when the user switches modes.
 */
export const VALUE_KEYS = [
  'region',
  'rdsType',
  'rdsEndpoint',
  'rdsPort',
  'vpcId',
  'rdsAvailabilityZone',
  'rdsSecurityGroupId',
  'subnetId',
  'subnetCidr',
  'additionalSubnetIds',
  'updaterPlacement',
  'lambdaSecurityGroupId',
  'dbAuthMethod',
  'stackName',
  'lambdaFunctionName',
  'smoozRoleArn',
  'dbUser',
  'dbResourceId',
  'externalId',
  'availabilityZoneIds',
  'availabilityZones',
  'endpointServiceName',
  'connectionName',
  'customerAccountId',
] as const;
export type ValueKey = (typeof VALUE_KEYS)[number];

export const ValueKeySchema = z.enum(VALUE_KEYS);
/** Raw text as typed, per value; validation happens on read, so a bad value is kept, not lost. */
export const ChecklistValuesSchema = z.partialRecord(ValueKeySchema, z.string().max(2000));
export type ChecklistValues = z.infer<typeof ChecklistValuesSchema>;

export interface ValueSpec {
  readonly key: ValueKey;
  /** How the value is shown: sensitive kinds are masked in support mode and in every export. */
  readonly display: DisplayKind;
  readonly optional?: boolean;
  /** Only asked for when the database uses IAM authentication. */
  readonly iamOnly?: boolean;
  /** Only asked for when the updater runs inside the VPC. */
  readonly insideVpcOnly?: boolean;
  readonly validate: (raw: string, values: ChecklistValues) => ValidationResult;
}

const spec = (
  key: ValueKey,
  display: DisplayKind,
  validate: ValueSpec['validate'],
  extra: Partial<Pick<ValueSpec, 'optional' | 'iamOnly' | 'insideVpcOnly'>> = {},
): ValueSpec => ({ key, display, validate, ...extra });

export const VALUE_SPECS: Readonly<Record<ValueKey, ValueSpec>> = {
  // Left empty, the region is the one the RDS endpoint names.
  region: spec('region', 'text', (raw, v) => {
    const derived = parseRdsEndpoint(cleanInput(v.rdsEndpoint).toLowerCase())?.region;
    return cleanInput(raw) === '' && derived !== undefined ? valid(derived) : validateRegion(raw);
  }),
  rdsType: spec('rdsType', 'text', (raw) => validateRdsType(raw)),
  rdsEndpoint: spec('rdsEndpoint', 'hostname', (raw, v) => validateRdsEndpoint(raw, v.rdsType)),
  rdsPort: spec('rdsPort', 'text', (raw) => validatePort(raw)),
  vpcId: spec('vpcId', 'text', (raw) => validateVpcId(raw)),
  rdsAvailabilityZone: spec('rdsAvailabilityZone', 'text', (raw) => validateAvailabilityZone(raw)),
  rdsSecurityGroupId: spec('rdsSecurityGroupId', 'text', (raw) => validateSecurityGroupId(raw)),
  subnetId: spec('subnetId', 'text', (raw) => validateSubnetId(raw)),
  subnetCidr: spec('subnetCidr', 'ip', (raw) => validateIpv4Cidr(raw)),
  additionalSubnetIds: spec(
    'additionalSubnetIds',
    'text',
    (raw, v) => validateAdditionalSubnetIds(raw, v.subnetId),
    {
      optional: true,
    },
  ),
  updaterPlacement: spec('updaterPlacement', 'text', (raw) => validateUpdaterPlacement(raw), {
    optional: true,
  }),
  lambdaSecurityGroupId: spec(
    'lambdaSecurityGroupId',
    'text',
    (raw) => validateSecurityGroupId(raw),
    { insideVpcOnly: true },
  ),
  dbAuthMethod: spec('dbAuthMethod', 'text', (raw) => validateDbAuthMethod(raw)),
  stackName: spec('stackName', 'text', (raw) => validateStackName(raw)),
  lambdaFunctionName: spec('lambdaFunctionName', 'text', (raw) => validateLambdaFunctionName(raw)),
  smoozRoleArn: spec('smoozRoleArn', 'arn', (raw) => validateIamRoleArn(raw)),
  dbUser: spec('dbUser', 'text', (raw) => validateDbUser(raw), { iamOnly: true }),
  dbResourceId: spec('dbResourceId', 'token', (raw) => validateDbResourceId(raw), {
    iamOnly: true,
  }),
  externalId: spec('externalId', 'token', (raw) => validateExternalId(raw), { iamOnly: true }),
  availabilityZoneIds: spec('availabilityZoneIds', 'text', (raw) =>
    validateAvailabilityZoneIds(raw),
  ),
  availabilityZones: spec('availabilityZones', 'text', (raw) => validateAvailabilityZones(raw)),
  endpointServiceName: spec('endpointServiceName', 'endpointServiceName', (raw, v) =>
    validateEndpointServiceName(raw, regionOf(v)),
  ),
  connectionName: spec('connectionName', 'text', (raw) => validateConnectionName(raw)),
  customerAccountId: spec('customerAccountId', 'accountId', (raw) => validateAccountId(raw)),
};

/** The region: typed, or read from the RDS endpoint (which names it). */
export function regionOf(values: ChecklistValues): string | undefined {
  const result = VALUE_SPECS.region.validate(values.region ?? '', values);
  return result.ok ? result.value : undefined;
}

export const isIamAuth = (values: ChecklistValues): boolean =>
  (values.dbAuthMethod ?? '').trim().toLowerCase() === 'iam';

/** The updater goes into the VPC (step 3-1's security group and ⑦ exist only then). */
export const isInsideVpc = (values: ChecklistValues): boolean =>
  normalizedValue('updaterPlacement', values) === 'insideVpc';

/** Whether a value is asked for at all with the values given so far (IAM-only, in-VPC-only). */
export const isValueRelevant = (key: ValueKey, values: ChecklistValues): boolean =>
  (!VALUE_SPECS[key].iamOnly || isIamAuth(values)) &&
  (!VALUE_SPECS[key].insideVpcOnly || isInsideVpc(values));

export function validateValue(key: ValueKey, values: ChecklistValues): ValidationResult {
  return VALUE_SPECS[key].validate(values[key] ?? '', values);
}

/** The normalized value when it is present and valid, else undefined. */
export function normalizedValue(key: ValueKey, values: ChecklistValues): string | undefined {
  const result = validateValue(key, values);
  return result.ok ? result.value : undefined;
}
