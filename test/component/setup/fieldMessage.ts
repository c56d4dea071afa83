import type { ValidationResult } from '../../../shared/validation/result';
import { t } from '../../support/catalogue';

/** The message a validator's refusal shows under its field, from the catalogue. */
export function fieldMessage(result: ValidationResult): string {
  if (result.ok) throw new Error('the value was expected to be refused');
  return t(`validation:${result.message.key}`, { ...result.message.params });
}
