import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisplayKind } from '../../../shared/redaction/kinds';
import { useSupportMode } from './SupportModeContext';

/** Copies a value; in support mode it copies the masked form, like everything else on screen. */
export function CopyButton({
  kind,
  value,
  label,
}: {
  kind: DisplayKind;
  value: string;
  label: string;
}) {
  const { t } = useTranslation('support');
  const { format } = useSupportMode();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(format(kind, value)).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <button
      type="button"
      className="copy-button"
      onClick={copy}
      aria-label={t('copy.aria', { label })}
      onBlur={() => setCopied(false)}
    >
      {copied ? t('copy.done') : t('copy.action')}
    </button>
  );
}
