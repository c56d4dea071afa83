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
