import { stackParameterList } from '../../shared/steps/parameterList';
import {
  normalizedValue,
  regionOf,
  type ChecklistValues,
  type ValueKey,
} from '../../shared/steps/values';
import type { QuickCreateLink, TemplateInfo } from '../../shared/ipc/channels/checklist';
import { templateDefaults } from './templateFile';

/**
 * The CloudFormation console's quick-create link: the stack page opens with the template, the
 * stack name and every parameter filled in (`param_<Name>`). CloudFormation only loads a
 * quick-create template from an S3 URL, so the link exists only when SMOOZ hosts the same
 * template there (configured `templateUrl`); otherwise the user uploads the saved file.
 * Parameters the template does not declare, and NoEcho ones, are left out (the console would
 * ignore them).
 */
export function buildQuickCreateLink(
  values: ChecklistValues,
  template: TemplateInfo,
): QuickCreateLink {
  if (template.templateUrl === null) {
    return { available: false, reason: 'noTemplateUrl', missing: [] };
  }
  const region = regionOf(values);
  const stackName = normalizedValue('stackName', values);
  const missing: ValueKey[] = [];
  if (region === undefined) missing.push('region');
  if (stackName === undefined) missing.push('stackName');
  if (region === undefined || stackName === undefined) {
    return { available: false, reason: 'missingValues', missing };
  }
  const declared = new Map(template.parameters.map((p) => [p.name, p]));
  const query = new URLSearchParams();
  query.set('templateURL', template.templateUrl);
  query.set('stackName', stackName);
  for (const parameter of stackParameterList(values, templateDefaults(template))) {
    const spec = declared.get(parameter.name);
    if (spec === undefined || spec.noEcho || parameter.value === '') continue;
    query.set(`param_${parameter.name}`, parameter.value);
  }
  const host = `${region}.console.aws.amazon.com`;
  return {
    available: true,
    url: `https://${host}/cloudformation/home?region=${region}#/stacks/quickcreate?${query.toString()}`,
  };
}
