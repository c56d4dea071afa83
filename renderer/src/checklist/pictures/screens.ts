import type { ConsoleScreen } from '../../../../shared/steps/steps';
import type { ValueKey } from '../../../../shared/steps/values';

/**
 * Simplified mock-ups of the console screens the manual shows, as data: rows top to bottom, each
 * optionally inside a numbered frame (the manual's red boxes) and tied to the checklist value
 * it is where to find or enter. Wording comes from `checklist:pictures.<screen>.<label>`.
 */
export type MockRow =
  | { kind: 'tabs'; labels: string[]; active: number; frame?: number }
  | {
      kind: 'field';
      label: string;
      sample?: string;
      select?: boolean;
      frame?: number;
      value?: ValueKey;
    }
  | { kind: 'pair'; label: string; sample: string; frame?: number; value?: ValueKey }
  | {
      kind: 'columns';
      cells: string[];
      header?: boolean;
      frame?: number;
      /** The value the row is about, shown in its last cell. */
      value?: ValueKey;
      /** Other cells showing a user's value instead of the sample, by position. */
      cellValues?: readonly (ValueKey | undefined)[];
    }
  | { kind: 'checkbox'; label: string; frame?: number }
  | { kind: 'radio'; labels: string[]; frame?: number; value?: ValueKey }
  | { kind: 'button'; label: string; frame?: number }
  | { kind: 'heading'; label: string; frame?: number };

export interface MockScreen {
  /** Console name in the top bar, and the breadcrumb under it. */
  readonly product: string;
  readonly breadcrumb: string;
  readonly rows: readonly MockRow[];
}

export const SCREENS: Readonly<Record<ConsoleScreen, MockScreen>> = {
  rdsConnectivity: {
    product: 'rds',
    breadcrumb: 'rdsBreadcrumb',
    rows: [
      { kind: 'tabs', labels: ['tabSummary', 'tabConnectivity', 'tabMonitoring'], active: 1 },
      { kind: 'pair', label: 'role', sample: 'roleSample', frame: 1, value: 'rdsType' },
      { kind: 'pair', label: 'endpoint', sample: 'endpointSample', frame: 1, value: 'rdsEndpoint' },
      { kind: 'pair', label: 'port', sample: 'portSample', frame: 2, value: 'rdsPort' },
      { kind: 'pair', label: 'az', sample: 'azSample', frame: 3, value: 'rdsAvailabilityZone' },
      { kind: 'pair', label: 'vpc', sample: 'vpcSample', frame: 4, value: 'vpcId' },
      { kind: 'pair', label: 'sg', sample: 'sgSample', frame: 5, value: 'rdsSecurityGroupId' },
    ],
  },
  vpcSubnets: {
    product: 'vpc',
    breadcrumb: 'subnetsBreadcrumb',
    rows: [
      { kind: 'columns', cells: ['colSubnetId', 'colAz', 'colCidr'], header: true },
      { kind: 'pair', label: 'subnetId', sample: 'subnetSample', frame: 1, value: 'subnetId' },
      { kind: 'pair', label: 'az', sample: 'azSample', frame: 2, value: 'rdsAvailabilityZone' },
      { kind: 'pair', label: 'cidr', sample: 'cidrSample', frame: 3, value: 'subnetCidr' },
      { kind: 'tabs', labels: ['tabDetails', 'tabRouteTable'], active: 1 },
      { kind: 'columns', cells: ['colDestination', 'colTarget'], header: true },
      { kind: 'columns', cells: ['routeDefault', 'routeNat'], frame: 4 },
    ],
  },
  createSecurityGroup: {
    product: 'ec2',
    breadcrumb: 'sgCreateBreadcrumb',
    rows: [
      { kind: 'field', label: 'sgName', sample: 'sgNameSample', frame: 1 },
      { kind: 'field', label: 'sgDescription', sample: 'sgDescriptionSample', frame: 1 },
      { kind: 'field', label: 'vpc', sample: 'vpcSample', select: true, frame: 2, value: 'vpcId' },
      { kind: 'pair', label: 'inbound', sample: 'inboundNone', frame: 3 },
      { kind: 'pair', label: 'outbound', sample: 'outboundDefault', frame: 3 },
      { kind: 'button', label: 'createSg', frame: 4 },
      { kind: 'pair', label: 'sgId', sample: 'sgSample', frame: 4, value: 'lambdaSecurityGroupId' },
    ],
  },
  editInboundRules: {
    product: 'ec2',
    breadcrumb: 'rulesBreadcrumb',
    rows: [
      { kind: 'pair', label: 'sgId', sample: 'rdsSgSample', value: 'rdsSecurityGroupId' },
      { kind: 'columns', cells: ['colType', 'colPort', 'colSource'], header: true },
      {
        kind: 'columns',
        cells: ['customTcp', 'portSample', 'sgSample'],
        cellValues: [undefined, 'rdsPort'],
        frame: 1,
        value: 'lambdaSecurityGroupId',
      },
      { kind: 'button', label: 'saveRules' },
    ],
  },
  networkInterfaces: {
    product: 'ec2',
    breadcrumb: 'eniBreadcrumb',
    rows: [
      { kind: 'field', label: 'filter', sample: 'filterSample', frame: 1 },
      { kind: 'columns', cells: ['colEni', 'colSubnet', 'colPrivateIp'], header: true },
      { kind: 'columns', cells: ['eniSample', 'subnetSample', 'ipSample'], frame: 2 },
      { kind: 'columns', cells: ['eniSample', 'subnetSample', 'ipSample2'], frame: 2 },
      { kind: 'heading', label: 'thenRules' },
      {
        kind: 'columns',
        cells: ['customTcp', 'portSample', 'ipRuleSample'],
        cellValues: [undefined, 'rdsPort'],
      },
    ],
  },
  endpointConnections: {
    product: 'vpc',
    breadcrumb: 'connectionsBreadcrumb',
    rows: [
      {
        kind: 'pair',
        label: 'serviceName',
        sample: 'serviceNameSample',
        value: 'endpointServiceName',
      },
      {
        kind: 'tabs',
        labels: ['tabDetails', 'tabConnections', 'tabPrincipals'],
        active: 1,
      },
      { kind: 'columns', cells: ['colEndpoint', 'colOwner', 'colState'], header: true },
      {
        kind: 'columns',
        cells: ['endpointSample', 'ownerSample', 'statePending'],
        frame: 1,
      },
      { kind: 'button', label: 'acceptButton', frame: 2 },
    ],
  },
  smoozNewConnection: {
    product: 'smooz',
    breadcrumb: 'smoozBreadcrumb',
    rows: [
      { kind: 'button', label: 'newConnection', frame: 1 },
      { kind: 'radio', labels: ['authPassword', 'authIam'], frame: 2, value: 'dbAuthMethod' },
      { kind: 'button', label: 'createResources', frame: 3 },
    ],
  },
  stackParameters: {
    product: 'cloudformation',
    breadcrumb: 'quickCreateBreadcrumb',
    rows: [
      { kind: 'field', label: 'stackName', sample: 'stackNameSample', value: 'stackName' },
      { kind: 'field', label: 'p1', sample: 'p1Sample', frame: 1, value: 'lambdaFunctionName' },
      { kind: 'field', label: 'p2', sample: 'p2Sample', select: true, frame: 2, value: 'rdsType' },
      { kind: 'field', label: 'p3', sample: 'endpointSample', frame: 3, value: 'rdsEndpoint' },
      { kind: 'field', label: 'p4', sample: 'portSample', frame: 4, value: 'rdsPort' },
      { kind: 'field', label: 'p5', sample: 'vpcSample', select: true, frame: 5, value: 'vpcId' },
      {
        kind: 'field',
        label: 'p6',
        sample: 'subnetSample',
        select: true,
        frame: 6,
        value: 'subnetId',
      },
      {
        kind: 'field',
        label: 'p7',
        sample: 'sgSample',
        select: true,
        frame: 7,
        value: 'lambdaSecurityGroupId',
      },
      { kind: 'field', label: 'p8', sample: 'roleArnSample', frame: 8, value: 'smoozRoleArn' },
      { kind: 'field', label: 'additional', sample: 'additionalSample', frame: 9 },
    ],
  },
  stackAcknowledge: {
    product: 'cloudformation',
    breadcrumb: 'quickCreateBreadcrumb',
    rows: [
      { kind: 'heading', label: 'permissions' },
      { kind: 'field', label: 'iamRole', sample: 'iamRoleEmpty', select: true, frame: 1 },
      { kind: 'heading', label: 'capabilities' },
      { kind: 'checkbox', label: 'capabilitiesText', frame: 2 },
      { kind: 'button', label: 'createStack', frame: 3 },
    ],
  },
  stackOutputs: {
    product: 'cloudformation',
    breadcrumb: 'stacksBreadcrumb',
    rows: [
      { kind: 'pair', label: 'status', sample: 'createComplete', frame: 1 },
      {
        kind: 'tabs',
        labels: ['tabStackInfo', 'tabEvents', 'tabResources', 'tabOutputs'],
        active: 3,
      },
      { kind: 'columns', cells: ['colKey', 'colValue'], header: true },
      {
        kind: 'columns',
        cells: ['outAzIds', 'azIdSample'],
        frame: 2,
        value: 'availabilityZoneIds',
      },
      { kind: 'columns', cells: ['outAzs', 'azSample'], frame: 2, value: 'availabilityZones' },
      {
        kind: 'columns',
        cells: ['outServiceName', 'serviceNameSample'],
        frame: 3,
        value: 'endpointServiceName',
      },
    ],
  },
  smoozEndpointForm: {
    product: 'smooz',
    breadcrumb: 'smoozEndpointBreadcrumb',
    rows: [
      {
        kind: 'field',
        label: 'connectionName',
        sample: 'connectionNameSample',
        frame: 1,
        value: 'connectionName',
      },
      {
        kind: 'field',
        label: 'accountId',
        sample: 'accountSample',
        frame: 2,
        value: 'customerAccountId',
      },
      {
        kind: 'field',
        label: 'azField',
        sample: 'azIdSample',
        frame: 3,
        value: 'availabilityZoneIds',
      },
      {
        kind: 'field',
        label: 'serviceName',
        sample: 'serviceNameSample',
        frame: 4,
        value: 'endpointServiceName',
      },
      { kind: 'radio', labels: ['authPassword', 'authIam'], frame: 5, value: 'dbAuthMethod' },
      { kind: 'button', label: 'create' },
    ],
  },
  smoozEndpointStatus: {
    product: 'smooz',
    breadcrumb: 'smoozEndpointBreadcrumb',
    rows: [
      { kind: 'columns', cells: ['connectionName', 'colStatus'], header: true },
      { kind: 'columns', cells: ['connectionNameSample', 'statusAvailable'], frame: 1 },
    ],
  },
};

/** The frame number a screen shows a value in, so a field can say "frame ③ in the picture". */
export function frameForValue(screen: ConsoleScreen, key: ValueKey): number | undefined {
  return SCREENS[screen].rows.find((row) => 'value' in row && row.value === key)?.frame;
}
