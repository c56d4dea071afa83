import type { TFunction } from 'i18next';
import type { AppErrorData } from '../../../shared/errors';
import { IpcCallError } from '../ipc/api';

/** Turns an error code from main into a sentence in the current language. */
export function errorText(t: TFunction, error: unknown): string {
  const data: AppErrorData = error instanceof IpcCallError ? error.error : { code: 'internal' };
  const key = `errors:${data.code}`;
  return t(key, {
    ...data.params,
    code: data.code,
    defaultValue: t('errors:unknown', { code: data.code }),
  });
}
