import type { StepRef } from './stepRef';
import type { ValueKey } from './values';

/**
 * The manual's steps, one definition each, shared by the offline checklist and the guided
 * automated screens. A step says where it is in the manual, which console screen it happens on
 * (`screen`, drawn by the renderer with the fields framed and numbered), which values the user
 * types there (`inputs`) and which earlier values it shows for entering (`uses`), and what the
 * user confirms having done (`confirmations`). Wording lives in the renderer catalogues under
 * `steps.<id>`.
 */
export const CONSOLE_SCREENS = [
  'rdsConnectivity',
  'vpcSubnets',
  'createSecurityGroup',
  'editInboundRules',
  'smoozNewConnection',
  'stackParameters',
  'stackAcknowledge',
  'stackOutputs',
  'networkInterfaces',
  'smoozEndpointForm',
  'endpointConnections',
  'smoozEndpointStatus',
] as const;
export type ConsoleScreen = (typeof CONSOLE_SCREENS)[number];

/** Where on the screen the numbered red frames go: a frame number per field. */
export interface StepDefinition {
  readonly id: StepId;
  readonly ref: StepRef;
  readonly screen: ConsoleScreen;
  /** Which numbered frames of the screen this step is about (1-based, as drawn). */
  readonly frames: readonly number[];
  readonly inputs: readonly ValueKey[];
  readonly uses: readonly ValueKey[];
  readonly confirmations: readonly string[];
  /** The template is offered for saving and as a quick-create link on this step. */
  readonly offersTemplate?: boolean;
  /** Only where the updater Lambda runs inside the VPC (step 3-1's group, ⑦). */
  readonly insideVpcOnly?: boolean;
  /** Confirmations that apply only to an updater inside the VPC. */
  readonly insideVpcConfirmations?: readonly string[];
}

export const STEP_IDS = [
  'prep.database',
  'prep.subnet',
  'sg.createLambdaSg',
  'sg.addRdsRules',
  'stack.start',
  'stack.param1',
  'stack.param2',
  'stack.param3',
  'stack.param4',
  'stack.param5',
  'stack.param6',
  'stack.param7',
  'stack.param8',
  'stack.additional',
  'stack.acknowledge',
  'stack.outputs',
  'stack.nlbRules',
  'endpoint.form',
  'endpoint.accept',
  'endpoint.available',
] as const;
export type StepId = (typeof STEP_IDS)[number];

const param = (
  n: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8,
  value: ValueKey,
  input: boolean,
): StepDefinition => ({
  id: `stack.param${n}` as StepId,
  ref: { section: '3-2', parameter: n },
  screen: 'stackParameters',
  frames: [n],
  inputs: input ? [value] : [],
  uses: input ? [] : [value],
  confirmations: ['entered'],
  ...(n === 7 ? { insideVpcOnly: true } : {}),
});

export const STEPS: readonly StepDefinition[] = [
  {
    id: 'prep.database',
    ref: { section: '3-1' },
    screen: 'rdsConnectivity',
    frames: [1, 2, 3, 4, 5],
    inputs: [
      'rdsType',
      'rdsEndpoint',
      'rdsPort',
      'region',
      'vpcId',
      'rdsAvailabilityZone',
      'rdsSecurityGroupId',
      'updaterPlacement',
    ],
    uses: [],
    confirmations: [],
  },
  {
    id: 'prep.subnet',
    ref: { section: '3-1' },
    screen: 'vpcSubnets',
    frames: [1, 2, 3, 4],
    inputs: ['subnetId', 'subnetCidr', 'additionalSubnetIds'],
    uses: ['vpcId', 'rdsAvailabilityZone'],
    confirmations: ['sameAz', 'natRoute'],
    insideVpcConfirmations: ['natRoute'],
  },
  {
    id: 'sg.createLambdaSg',
    ref: { section: '3-1' },
    screen: 'createSecurityGroup',
    frames: [1, 2, 3, 4],
    inputs: ['lambdaSecurityGroupId'],
    uses: ['vpcId'],
    confirmations: ['noInbound', 'defaultOutbound'],
    insideVpcOnly: true,
  },
  {
    id: 'sg.addRdsRules',
    ref: { section: '3-1' },
    screen: 'editInboundRules',
    frames: [1],
    inputs: [],
    uses: ['rdsSecurityGroupId', 'rdsPort', 'lambdaSecurityGroupId'],
    confirmations: ['ruleFromLambdaSg', 'outboundUnchanged'],
    insideVpcOnly: true,
  },
  {
    id: 'stack.start',
    ref: { section: '3-2' },
    screen: 'smoozNewConnection',
    frames: [1, 2, 3],
    inputs: ['dbAuthMethod', 'stackName'],
    uses: [],
    confirmations: ['adminRights'],
    offersTemplate: true,
  },
  param(1, 'lambdaFunctionName', true),
  param(2, 'rdsType', false),
  param(3, 'rdsEndpoint', false),
  param(4, 'rdsPort', false),
  param(5, 'vpcId', false),
  param(6, 'subnetId', false),
  param(7, 'lambdaSecurityGroupId', false),
  param(8, 'smoozRoleArn', true),
  {
    id: 'stack.additional',
    ref: { section: '3-2' },
    screen: 'stackParameters',
    frames: [9],
    inputs: ['dbUser', 'dbResourceId', 'externalId'],
    uses: ['additionalSubnetIds', 'dbAuthMethod'],
    confirmations: ['entered'],
  },
  {
    id: 'stack.acknowledge',
    ref: { section: '3-2' },
    screen: 'stackAcknowledge',
    frames: [1, 2, 3],
    inputs: [],
    uses: [],
    confirmations: ['noPermissionsRole', 'capabilitiesTicked', 'createClicked'],
  },
  {
    id: 'stack.outputs',
    ref: { section: '3-2' },
    screen: 'stackOutputs',
    frames: [1, 2, 3],
    inputs: ['availabilityZoneIds', 'availabilityZones', 'endpointServiceName'],
    uses: [],
    confirmations: ['createComplete'],
  },
  {
    // The NLB's addresses exist only once the stack has made it: its /32s, never its subnets.
    id: 'stack.nlbRules',
    ref: { section: '3-2' },
    screen: 'networkInterfaces',
    frames: [1, 2],
    inputs: [],
    uses: ['rdsSecurityGroupId', 'rdsPort', 'subnetCidr'],
    confirmations: ['foundInterfaces', 'rulePerAddress', 'noSubnetRule'],
  },
  {
    id: 'endpoint.form',
    ref: { section: '4' },
    screen: 'smoozEndpointForm',
    frames: [1, 2, 3, 4, 5],
    inputs: ['connectionName', 'customerAccountId'],
    uses: ['availabilityZoneIds', 'endpointServiceName', 'dbAuthMethod'],
    confirmations: ['created'],
  },
  {
    // The endpoint service requires acceptance: SMOOZ's endpoint waits for the customer.
    id: 'endpoint.accept',
    ref: { section: '4' },
    screen: 'endpointConnections',
    frames: [1, 2],
    inputs: [],
    uses: ['endpointServiceName'],
    confirmations: ['ownerIsSmooz', 'accepted', 'othersRejected'],
  },
  {
    id: 'endpoint.available',
    ref: { section: '4' },
    screen: 'smoozEndpointStatus',
    frames: [1],
    inputs: [],
    uses: [],
    confirmations: ['available'],
  },
];

export const stepById = (id: StepId): StepDefinition =>
  STEPS.find((step) => step.id === id) as StepDefinition;
