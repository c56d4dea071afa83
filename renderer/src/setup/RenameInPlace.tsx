import { useTranslation } from 'react-i18next';
import type { StateAt } from '../../../shared/flow/state';
import { Sensitive } from '../support/Sensitive';
import { NameFields, useNameDraft } from './NameFields';

type Props = {
  readonly state: StateAt<'preflight'> | StateAt<'ready'>;
  readonly busy: boolean;
  /** Sends the new names, then runs the checks again, as one step of the flow. */
  readonly onRename: (patch: { connectionName?: string; lambdaFunctionName?: string }) => void;
};

/**
 * The fix for a name clash, next to the failed check: new names, shown as derived while typed,
 * and one button that changes the plan and checks again — no need to cancel or go back.
 */
export function RenameInPlace({ state, busy, onRename }: Props) {
  const { t } = useTranslation('guided');
  const { plan } = state;
  const names = useNameDraft(plan, state.created);
  const { draft } = names;
  const changed = Object.keys(draft.patch).length > 0;
  return (
    <form
      className="rename-in-place"
      aria-label={t('preflight.rename.title')}
      onSubmit={(event) => {
        event.preventDefault();
        if (changed && draft.nameCheck.ok && draft.lambdaCheck.ok) onRename(draft.patch);
      }}
    >
      <p>{t('preflight.rename.hint')}</p>
      {/* ① is the one name the user can type over; a rename re-derives it unless typed. */}
      <NameFields idPrefix="preflight" names={names} />
      <p className="muted" data-testid="rename-preview">
        {t('preflight.rename.preview')} <Sensitive kind="text" value={draft.names.stackName} />,{' '}
        <Sensitive kind="text" value={draft.names.lambdaFunctionName} />
      </p>
      <button
        type="submit"
        className="primary"
        disabled={busy || !changed || !draft.nameCheck.ok || !draft.lambdaCheck.ok}
      >
        {t('preflight.rename.apply')}
      </button>
    </form>
  );
}
