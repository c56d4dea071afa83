import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValidationResult } from '../../../shared/validation/result';

/** A message under a field: a validator's (namespace `validation`) or the guided flow's own. */
export type FieldProblem =
  | { readonly source: 'validation'; readonly result: ValidationResult }
  | { readonly source: 'guided'; readonly key: string; readonly params?: Record<string, string> };

export function problemOf(result: ValidationResult): FieldProblem | undefined {
  return result.ok ? undefined : { source: 'validation', result };
}

interface Props {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly problem: FieldProblem | undefined;
  readonly hint?: ReactNode;
  readonly inputMode?: 'text' | 'numeric';
  /** Typed secrets (the SMOOZ token) are not shown on screen. */
  readonly secret?: boolean;
}

/**
 * A text field validated as typed: the message appears under the field once the user has typed or
 * left it — or at once for a value the app filled in (a derived name that is already taken must
 * say so, not just disable the button) — in the current language, and marks only this field
 * invalid.
 */
export function ValidatedField(props: Props) {
  const { t } = useTranslation(['guided', 'validation']);
  const [touched, setTouched] = useState(false);
  const { id, problem } = props;
  const shown = touched || props.value !== '' ? problem : undefined;
  let message: string | undefined;
  if (shown?.source === 'validation' && !shown.result.ok) {
    message = t(`validation:${shown.result.message.key}`, { ...shown.result.message.params });
  } else if (shown?.source === 'guided') {
    message = t(`guided:${shown.key}`, { ...shown.params });
  }
  const describedBy = [props.hint ? `${id}-hint` : '', message ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type={props.secret ? 'password' : 'text'}
        value={props.value}
        autoComplete="off"
        spellCheck={false}
        inputMode={props.inputMode ?? 'text'}
        aria-invalid={message !== undefined}
        aria-describedby={describedBy || undefined}
        onChange={(e) => {
          setTouched(true);
          props.onChange(e.target.value);
        }}
        onBlur={() => setTouched(true)}
      />
      {props.hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {message && (
        <p className="field-error" id={`${id}-error`} data-testid={`${id}-error`}>
          {message}
        </p>
      )}
    </div>
  );
}
