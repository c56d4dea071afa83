import type { DisplayKind } from '../../../shared/redaction/kinds';
import { useSupportMode } from './SupportModeContext';

/**
 * A value that may identify the customer (account id, ARN, endpoint, IP, token). In support mode
 * only its masked form reaches the DOM: no title, no data attribute, nothing a tooltip, a copy
 * or a screenshot could reveal. Other screens use this for every such value.
 */
export function Sensitive({
  kind,
  value,
  className,
}: {
  kind: DisplayKind;
  value: string;
  className?: string;
}) {
  const { format, enabled } = useSupportMode();
  return (
    <span className={`sensitive ${className ?? ''}`} data-masked={enabled ? 'true' : undefined}>
      {format(kind, value)}
    </span>
  );
}
