import { checkPresence, cleanInput, invalid, valid, type ValidationResult } from './result';

/** EC2 ids: the old 8-hex form and the current 17-hex form. */
const ec2Id = (prefix: string) => new RegExp(`^${prefix}-(?:[0-9a-f]{8}|[0-9a-f]{17})$`);
const VPC_ID = ec2Id('vpc');
const SUBNET_ID = ec2Id('subnet');
const SG_ID = ec2Id('sg');

/** A Lambda function attached to a VPC accepts at most five security groups. */
export const MAX_LAMBDA_SECURITY_GROUPS = 5;
/** One subnet per AZ the database may fail over into; a region has at most six AZs in practice. */
export const MAX_ADDITIONAL_SUBNETS = 5;

function singleId(
  raw: string,
  pattern: RegExp,
  key: 'vpcId.pattern' | 'subnetId.pattern' | 'securityGroupId.pattern',
): ValidationResult {
  const value = cleanInput(raw).toLowerCase();
  const missing = checkPresence(value, 64);
  if (missing) return missing;
  return pattern.test(value) ? valid(value) : invalid(key);
}

export const validateVpcId = (raw: string) => singleId(raw, VPC_ID, 'vpcId.pattern');
export const validateSubnetId = (raw: string) => singleId(raw, SUBNET_ID, 'subnetId.pattern');
export const validateSecurityGroupId = (raw: string) =>
  singleId(raw, SG_ID, 'securityGroupId.pattern');

/** Splits a list typed or pasted with commas, spaces or new lines. */
export function splitList(raw: string): string[] {
  return cleanInput(raw)
    .split(/[\s,、，]+/u)
    .filter((item) => item !== '');
}

function idList(
  raw: string,
  pattern: RegExp,
  keys: {
    item: 'subnetIds.item' | 'securityGroupIds.item';
    duplicate: 'subnetIds.duplicate' | 'securityGroupIds.duplicate';
    tooMany: 'subnetIds.tooMany' | 'securityGroupIds.tooMany';
  },
  max: number,
  required: boolean,
): ValidationResult {
  const items = splitList(raw).map((item) => item.toLowerCase());
  if (items.length === 0) return required ? invalid('required') : valid('');
  if (items.length > max) return invalid(keys.tooMany, { max });
  const bad = items.find((item) => !pattern.test(item));
  if (bad !== undefined) return invalid(keys.item, { item: bad.slice(0, 40) });
  const duplicate = items.find((item, index) => items.indexOf(item) !== index);
  if (duplicate !== undefined) return invalid(keys.duplicate, { item: duplicate });
  return valid(items.join(','));
}

/** ⑦: one or more security group ids, normalized to a comma-separated list. */
export const validateSecurityGroupIds = (raw: string) =>
  idList(
    raw,
    SG_ID,
    {
      item: 'securityGroupIds.item',
      duplicate: 'securityGroupIds.duplicate',
      tooMany: 'securityGroupIds.tooMany',
    },
    MAX_LAMBDA_SECURITY_GROUPS,
    true,
  );

/** Optional extra subnets for Multi-AZ; empty is valid, repeating the ⑥ subnet is not. */
export function validateAdditionalSubnetIds(raw: string, mainSubnetId?: string): ValidationResult {
  const result = idList(
    raw,
    SUBNET_ID,
    { item: 'subnetIds.item', duplicate: 'subnetIds.duplicate', tooMany: 'subnetIds.tooMany' },
    MAX_ADDITIONAL_SUBNETS,
    false,
  );
  const main = cleanInput(mainSubnetId ?? '').toLowerCase();
  if (result.ok && main !== '' && result.value.split(',').includes(main)) {
    return invalid('subnetIds.duplicate', { item: main });
  }
  return result;
}

/**
 * A 12-digit AWS account id. The console shows it as `1234-5678-9012`, so hyphens and spaces
 * between digits are accepted (and full-width digits, which Japanese IMEs produce) and removed.
 */
export function validateAccountId(raw: string): ValidationResult {
  const value = cleanInput(raw).replace(/[０-９]/gu, (d) =>
    String.fromCharCode(d.charCodeAt(0) - 0xfee0),
  );
  const missing = checkPresence(value, 40);
  if (missing) return missing;
  if (!/^[0-9](?:[0-9]|[-‐－ ](?=[0-9]))*$/u.test(value)) return invalid('accountId.pattern');
  const digits = value.replace(/[^0-9]/g, '');
  if (digits.length !== 12) return invalid('accountId.length', { count: digits.length });
  return valid(digits);
}

const IAM_ROLE_ARN = /^arn:aws[a-z-]*:iam::[0-9]{12}:role\/[\w+=,.@/-]{1,512}$/;

/** An IAM role ARN (⑧, SMOOZ's role): the role, not the account, is what the service allows. */
export function validateIamRoleArn(raw: string): ValidationResult {
  const value = cleanInput(raw);
  const missing = checkPresence(value, 600);
  if (missing) return missing;
  return IAM_ROLE_ARN.test(value) ? valid(value) : invalid('roleArn.pattern');
}

const REGION = /^[a-z]{2}(?:-(?:gov|iso[a-z]?))?-[a-z]+-\d{1,2}$/;

export function validateRegion(raw: string): ValidationResult {
  const value = cleanInput(raw).toLowerCase();
  const missing = checkPresence(value, 32);
  if (missing) return missing;
  return REGION.test(value) ? valid(value) : invalid('region.pattern');
}

/** `ap-northeast-1a`, and Local Zones such as `us-west-2-lax-1a`. */
const AZ_NAME = /^[a-z]{2}(?:-(?:gov|iso[a-z]?))?-[a-z]+-\d{1,2}(?:-[a-z]{3}-\d)?[a-z]$/;
/** `apne1-az4`, and Local Zones such as `usw2-lax1-az1`. */
const AZ_ID = /^[a-z]{2,5}\d{1,2}(?:-[a-z]{3}\d)?-az\d{1,2}$/;

export function validateAvailabilityZone(raw: string): ValidationResult {
  const value = cleanInput(raw).toLowerCase();
  const missing = checkPresence(value, 40);
  if (missing) return missing;
  return AZ_NAME.test(value) ? valid(value) : invalid('availabilityZone.pattern');
}

/**
 * An AZ **ID**. AZ names map to different physical zones in each account, so SMOOZ needs the ID;
 * a name typed here gets its own message saying where to find the ID.
 */
export function validateAvailabilityZoneId(raw: string): ValidationResult {
  const value = cleanInput(raw).toLowerCase();
  const missing = checkPresence(value, 40);
  if (missing) return missing;
  if (AZ_ID.test(value)) return valid(value);
  return AZ_NAME.test(value)
    ? invalid('availabilityZoneId.isName', { name: value })
    : invalid('availabilityZoneId.pattern');
}

function zoneList(
  raw: string,
  check: (item: string) => ValidationResult,
  key: 'availabilityZoneIds.item' | 'availabilityZones.item',
): ValidationResult {
  const items = splitList(raw);
  if (items.length === 0) return invalid('required');
  if (items.length > 6) return invalid('tooLong', { max: 6 });
  const normalized: string[] = [];
  for (const item of items) {
    const result = check(item);
    if (!result.ok)
      return result.message.key === 'availabilityZoneId.isName'
        ? result
        : invalid(key, { item: item.slice(0, 40) });
    if (!normalized.includes(result.value)) normalized.push(result.value);
  }
  return valid(normalized.join(','));
}

/** The stack output `AvailabilityZoneIds`: one or more AZ IDs, comma-separated. */
export const validateAvailabilityZoneIds = (raw: string) =>
  zoneList(raw, validateAvailabilityZoneId, 'availabilityZoneIds.item');
/** The stack output `AvailabilityZones`: one or more AZ names, comma-separated. */
export const validateAvailabilityZones = (raw: string) =>
  zoneList(raw, validateAvailabilityZone, 'availabilityZones.item');

const SERVICE_NAME =
  /^com\.amazonaws\.vpce\.([a-z]{2}(?:-(?:gov|iso[a-z]?))?-[a-z]+-\d{1,2})\.vpce-svc-[0-9a-f]{17}$/;

/** The stack output `EndpointServiceName`; when the region is known it must match. */
export function validateEndpointServiceName(raw: string, region?: string): ValidationResult {
  const value = cleanInput(raw).toLowerCase();
  const missing = checkPresence(value, 128);
  if (missing) return missing;
  const match = SERVICE_NAME.exec(value);
  if (!match) return invalid('endpointServiceName.pattern');
  if (region !== undefined && region !== '' && match[1] !== region) {
    return invalid('endpointServiceName.regionMismatch', { region, found: match[1] ?? '' });
  }
  return valid(value);
}

/**
 * The IPv4 range the NLB's addresses come from (the subnet's CIDR), for the RDS security group.
 * Anything wider than /8 is refused: the rule must never open the database to the world.
 */
export function validateIpv4Cidr(raw: string): ValidationResult {
  const value = cleanInput(raw);
  const missing = checkPresence(value, 18);
  if (missing) return missing;
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(value);
  if (!match) return invalid('cidr.pattern');
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (
    octets.some((o) => o > 255) ||
    prefix > 32 ||
    match.slice(1, 5).some((o) => /^0\d/.test(o ?? ''))
  ) {
    return invalid('cidr.pattern');
  }
  if (prefix < 8) return invalid('cidr.tooBroad', { prefix });
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  const hostBits = 2 ** (32 - prefix);
  if (address % hostBits !== 0) return invalid('cidr.hostBits', { prefix });
  return valid(value);
}
