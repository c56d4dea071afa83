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
  // One button per owner, on its first name (a function and its -setup twin share an owner).
  const ownerId = (clash: NameClash) =>
    clash.owner.type === 'notOurs' ? undefined : clash.owner.connectionId;
  const firstOfOwner = (clash: NameClash, index: number) =>
    clashes.findIndex((c) => ownerId(c) === ownerId(clash)) === index;
  return (
    <ul className="clashes" data-testid="name-clashes">
      {clashes.map((clash, index) => (
        <li key={`${clash.kind}:${clash.name}`} data-owner={clash.owner.type}>
          {t(`setup:preflight.nameClash.kind.${clash.kind}`)} {ownerText(clash)}
          {clash.owner.type === 'connection' && onOpen && firstOfOwner(clash, index) && (
            <button
              type="button"
              onClick={() =>
                onOpen(clash.owner.type === 'connection' ? clash.owner.connectionId : '')
              }
            >
              {t('guided:preflight.clash.open', { name: clash.owner.connectionName })}
            </button>
          )}
          {clash.owner.type === 'abandoned' && firstOfOwner(clash, index) && (
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
