import { parseDocument } from 'yaml';
import { TEMPLATE_VERSION_OUTPUT } from '../../../shared/stack/templateVersion';

/**
 * Templates of this app as older releases shipped them, made from the current one by documented
 * edits (the app only ever sends the current template; tests deploy these first).
 */

/**
 * Version 1: before the version was recorded (no `SmoozTemplate` metadata, no
 * `SmoozTemplateVersion` output) and with the updater's timeout at 30 s instead of 60 s — a
 * change CloudFormation applies to the function in place (Modify, no replacement).
 */
export function versionOneTemplate(current: string): string {
  const doc = parseDocument(current);
  doc.deleteIn(['Metadata', 'SmoozTemplate']);
  doc.deleteIn(['Outputs', TEMPLATE_VERSION_OUTPUT]);
  doc.setIn(['Resources', 'UpdaterFunction', 'Properties', 'Timeout'], 30);
  return doc.toString({ lineWidth: 0 });
}

/**
 * Version 1 with an internet-facing NLB: moving to the current (internal) scheme makes
 * CloudFormation replace the load balancer, which the app must refuse.
 */
export function internetFacingTemplate(current: string): string {
  const doc = parseDocument(versionOneTemplate(current));
  doc.setIn(['Resources', 'LoadBalancer', 'Properties', 'Scheme'], 'internet-facing');
  return doc.toString({ lineWidth: 0 });
}

/**
 * The current template with a Lambda memory size AWS refuses on update (above 10,240 MB): the
 * update fails on the updater function and CloudFormation rolls the stack back.
 */
export function failingUpdateTemplate(current: string): string {
  const doc = parseDocument(current);
  doc.setIn(['Resources', 'UpdaterFunction', 'Properties', 'MemorySize'], 20480);
  return doc.toString({ lineWidth: 0 });
}

/** Each edit from the current template back to version 2, as that release shipped it. */
const VERSION_TWO_EDITS: readonly (readonly [string, string])[] = [
  ['    Version: 3\n', '    Version: 2\n'],
  ["    Value: '3'\n", "    Value: '2'\n"],
  ['          - SmoozRoleArn\n', '          - SmoozAccountId\n'],
  [
    '      SmoozRoleArn:\n        default: ⑧ SMOOZ IAMロールARN / Enter Smooz IAM Role ARN\n',
    '      SmoozAccountId:\n        default: ⑧ SMOOZ AWSアカウントID / Enter Smooz AWS Account ID\n',
  ],
  ['      AcceptanceRequired: true\n', '      AcceptanceRequired: false\n'],
  [
    '        - !Ref SmoozRoleArn\n',
    '        - !Sub arn:${AWS::Partition}:iam::${SmoozAccountId}:root\n',
  ],
  [
    '              AWS: !Ref SmoozRoleArn\n',
    '              AWS: !Sub arn:${AWS::Partition}:iam::${SmoozAccountId}:root\n',
  ],
];

/**
 * Version 2: ⑧ was SMOOZ's AWS account id, the endpoint service allowed that account's root and
 * accepted every endpoint by itself (AcceptanceRequired false).
 */
export function versionTwoTemplate(current: string): string {
  let text = current;
  for (const [from, to] of VERSION_TWO_EDITS) {
    if (!text.includes(from)) throw new Error(`template v2 edit no longer applies: ${from}`);
    text = text.replace(from, to);
  }
  const doc = parseDocument(text);
  doc.deleteIn(['Parameters', 'SmoozRoleArn']);
  doc.setIn(['Parameters', 'SmoozAccountId'], {
    Type: 'String',
    AllowedPattern: '^[0-9]{12}$',
    ConstraintDescription: '12 digits.',
    Description: "SMOOZ's AWS account id, the only principal allowed to connect.",
  });
  return doc.toString({ lineWidth: 0 });
}
