import type { DisplayKind } from '../redaction/kinds';
import { APP_ONLY_VALUES, STACK_PARAMETER_SOURCES, type AppOnlyValue } from './stackParameters';
import type { ParameterNumber } from './stepRef';
import {
  isIamAuth,
  isInsideVpc,
  normalizedValue,
  VALUE_SPECS,
  type ChecklistValues,
} from './values';

export interface StackParameterValue {
  readonly name: string;
  readonly number?: ParameterNumber;
  /** Normalized when valid, as typed otherwise, the template default when nothing was typed. */
  readonly value: string;
  readonly valid: boolean;
  readonly display: DisplayKind;
}

const isAppOnly = (key: string): key is AppOnlyValue =>
  (APP_ONLY_VALUES as readonly string[]).includes(key);

/**
 * The stack's parameters with the values to enter, in the console's order. IAM-only parameters
 * are left out for password authentication, ⑦ for an updater outside the VPC; the app's
 * connection id is not used offline.
 */
export function stackParameterList(
  values: ChecklistValues,
  templateDefaults: Readonly<Record<string, string>>,
): StackParameterValue[] {
  const iam = isIamAuth(values);
  const inVpc = isInsideVpc(values);
  const list: StackParameterValue[] = [];
  for (const source of STACK_PARAMETER_SOURCES) {
    if (source.iamOnly && !iam) continue;
    if (source.insideVpcOnly && !inVpc) continue;
    const key = source.value;
    if (isAppOnly(key)) continue;
    const raw = (values[key] ?? '').trim();
    const normalized = normalizedValue(key, values);
    const fallback = templateDefaults[source.name] ?? '';
    const value = normalized ?? (raw === '' ? fallback : raw);
    const isValid =
      normalized !== undefined || (raw === '' && (source.optional === true || fallback !== ''));
    list.push({
      name: source.name,
      ...(source.number === undefined ? {} : { number: source.number }),
      value,
      valid: isValid,
      display: VALUE_SPECS[key].display,
    });
  }
  return list;
}
