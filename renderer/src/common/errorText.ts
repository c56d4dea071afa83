import type { TFunction } from 'i18next';
import type { AppErrorData } from '../../../shared/errors';
import { IpcCallError } from '../ipc/api';

/**
 * Turns an error code from main into a sentence in the current language. A code `<ns>.<rest>`
 * is looked up first as `errors.<rest>` in the feature's own namespace `<ns>`, then in the
 * shared `errors` namespace, so each feature keeps its messages beside its other strings.
 */
export function errorText(t: TFunction, error: unknown): string {
  const data: AppErrorData = error instanceof IpcCallError ? error.error : { code: 'internal' };
  const values = { ...data.params, code: data.code };
  const dot = data.code.indexOf('.');
  const keys = [`errors:${data.code}`];
  if (dot > 0) keys.unshift(`${data.code.slice(0, dot)}:errors.${data.code.slice(dot + 1)}`);
  return t(keys, { ...values, defaultValue: t('errors:unknown', values) });
}
