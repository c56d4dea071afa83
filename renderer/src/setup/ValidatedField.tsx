import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisplayKind } from '../../../shared/redaction/kinds';
import type { ValidationResult } from '../../../shared/validation/result';
import { useSupportMode } from '../support/SupportModeContext';

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
  /** Lists (subnet ids) wrap onto more lines instead of scrolling out of sight. */
  readonly multiline?: boolean;
  /** What the value is when it identifies the customer (an endpoint): masked in support mode. */
  readonly sensitive?: DisplayKind;
}

/**
 * A text field validated as typed: the message appears under the field once the user has typed or
 * left it — or at once for a value the app filled in (a derived name that is already taken must
 * say so, not just disable the button) — in the current language, and marks only this field
 * invalid.
 */
export function ValidatedField(props: Props) {
  const { t } = useTranslation(['guided', 'validation']);
  const { enabled: supportMode, format } = useSupportMode();
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
  const common = {
    value: props.value,
    autoComplete: 'off',
    spellCheck: false,
    'aria-invalid': message !== undefined,
    'aria-describedby': describedBy || undefined,
    onChange: (e: { target: { value: string } }) => {
      setTouched(true);
      props.onChange(e.target.value);
    },
    onBlur: () => setTouched(true),
  };
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {supportMode && props.sensitive !== undefined ? (
        // As in the offline checklist: the value never enters the page, its masked form is the
        // placeholder, and typing replaces it.
        <input
          id={id}
          key="support-mode"
          type="password"
          placeholder={format(props.sensitive, props.value)}
          autoComplete="off"
          aria-describedby={describedBy || undefined}
          onChange={common.onChange}
          onBlur={common.onBlur}
        />
      ) : props.multiline ? (
        <textarea id={id} rows={2} {...common} />
      ) : (
        <input
          id={id}
          type={props.secret ? 'password' : 'text'}
          inputMode={props.inputMode ?? 'text'}
          {...common}
        />
      )}
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
