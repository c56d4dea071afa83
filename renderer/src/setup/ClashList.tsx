import { useTranslation } from 'react-i18next';
import type { NameClash } from '../../../shared/flow/preflight';
import { useSupportMode } from '../support/SupportModeContext';

type Props = {
  readonly clashes: readonly NameClash[];
  /** Opens the connection that owns a name (its own screen). */
  readonly onOpen?: ((connectionId: string) => void) | undefined;
  /** Starts discarding the abandoned setup that owns a name. */
  readonly onDiscard: (clash: NameClash) => void;
  readonly busy: boolean;
};

/** Each taken name with who owns it, and what the user can do about that owner. */
export function ClashList({ clashes, onOpen, onDiscard, busy }: Props) {
  const { t } = useTranslation(['guided', 'setup']);
  const { format } = useSupportMode();
  const ownerText = (clash: NameClash): string => {
    const { owner } = clash;
    const name = format('text', clash.name);
    if (owner.type === 'abandoned' && owner.connectionName === undefined) {
      return t('setup:preflight.nameClash.owner.abandonedUnknown', {
        name,
        connectionId: owner.connectionId,
      });
    }
    return t(`setup:preflight.nameClash.owner.${owner.type}`, {
      name,
      ...('connectionName' in owner
        ? { connectionName: format('text', owner.connectionName ?? '') }
        : {}),
    });
  };
  return (
    <ul className="clashes" data-testid="name-clashes">
      {clashes.map((clash) => (
        <li key={`${clash.kind}:${clash.name}`} data-owner={clash.owner.type}>
          {t(`setup:preflight.nameClash.kind.${clash.kind}`)} {ownerText(clash)}
          {clash.owner.type === 'connection' && onOpen && (
            <button
              type="button"
              onClick={() =>
                onOpen(clash.owner.type === 'connection' ? clash.owner.connectionId : '')
              }
            >
              {t('guided:preflight.clash.open', { name: clash.owner.connectionName })}
            </button>
          )}
          {clash.owner.type === 'abandoned' && (
            <button type="button" disabled={busy} onClick={() => onDiscard(clash)}>
              {t('guided:preflight.clash.discard', {
                name: clash.owner.connectionName ?? clash.owner.connectionId,
              })}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
