import { normalizedValue, regionOf, type ChecklistValues } from './values';

/**
 * What the offline checklist hands to the automated flow when the user switches modes: every
 * value typed so far that is valid, normalized, in the shapes the setup plan uses. Invalid or
 * empty values are left out (the automated flow derives or asks for them). The raw values stay
 * in the checklist store (`checklist:get` → `state.values`), so switching back loses nothing.
 */
export interface AutomatedPrefill {
  region?: string;
  /** The customer's account id, 12 digits. */
  accountId?: string;
  rdsType?: 'instance' | 'cluster';
  rdsEndpoint?: string;
  rdsPort?: number;
  vpcId?: string;
  /** ⑥ first, then the additional Multi-AZ subnets. */
  subnetIds?: string[];
  lambdaSecurityGroupId?: string;
  rdsSecurityGroupId?: string;
  authMethod?: 'password' | 'iam';
  dbUser?: string;
  dbResourceId?: string;
  externalId?: string;
  smoozRoleArn?: string;
  lambdaFunctionName?: string;
  stackName?: string;
  connectionName?: string;
}

export function automatedPrefill(values: ChecklistValues): AutomatedPrefill {
  const get = (key: Parameters<typeof normalizedValue>[0]) => {
    const value = normalizedValue(key, values);
    return value === undefined || value === '' ? undefined : value;
  };
  const subnet = get('subnetId');
  const extra = get('additionalSubnetIds')?.split(',') ?? [];
  const port = get('rdsPort');
  const entries: [keyof AutomatedPrefill, unknown][] = [
    ['region', regionOf(values)],
    ['accountId', get('customerAccountId')],
    ['rdsType', get('rdsType')],
    ['rdsEndpoint', get('rdsEndpoint')],
    ['rdsPort', port === undefined ? undefined : Number(port)],
    ['vpcId', get('vpcId')],
    ['subnetIds', subnet === undefined ? undefined : [subnet, ...extra]],
    ['lambdaSecurityGroupId', get('lambdaSecurityGroupId')],
    ['rdsSecurityGroupId', get('rdsSecurityGroupId')],
    ['authMethod', get('dbAuthMethod')],
    ['dbUser', get('dbUser')],
    ['dbResourceId', get('dbResourceId')],
    ['externalId', get('externalId')],
    ['smoozRoleArn', get('smoozRoleArn')],
    ['lambdaFunctionName', get('lambdaFunctionName')],
    ['stackName', get('stackName')],
    ['connectionName', get('connectionName')],
  ];
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined)) as AutomatedPrefill;
}
