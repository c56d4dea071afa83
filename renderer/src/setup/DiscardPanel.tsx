import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { remainingResources } from '../../../shared/flow/discard';
import { ErrorNotice } from '../common/ErrorNotice';
import { IpcCallError } from '../ipc/api';
import { ResourceLine } from './ResourceLine';
import { useDiscard, type DiscardRequest } from './useDiscard';

type Props = {
  readonly request: DiscardRequest;
  /** The setup's name as the user knows it (or its id when this computer has no record). */
  readonly name: string;
  readonly onClose: () => void;
  /** Called once everything listed is gone and the setup's names are free. */
  readonly onDiscarded: () => void;
};

/**
 * Discarding an abandoned setup: exactly what will be removed, listed before anything happens;
 * then what is removed as it goes, and the reason with a retry if it stops.
 */
export function DiscardPanel({ request, name, onClose, onDiscarded }: Props) {
  const { t } = useTranslation('guided');
  const { view, confirm } = useDiscard(request);
  const state = view.phase === 'running' ? view.state : undefined;
  const done = state?.step === 'discarded';
  const reported = useRef(false);
  useEffect(() => {
    if (!done || reported.current) return;
    reported.current = true;
    onDiscarded();
  }, [done, onDiscarded]);

  if (view.phase === 'loading') return <p role="status">{t('common:loading')}</p>;
  const preview = view.preview;
  return (
    <div className="discard-panel" role="group" aria-label={t('discard.title', { name })}>
      {view.phase === 'error' && <ErrorNotice error={view.error} />}
      {state?.step === 'failed' && <ErrorNotice error={new IpcCallError(state.error)} />}
      {preview && view.phase === 'confirm' && (
        <p>
          {t(preview.resources.length > 0 ? 'discard.willRemove' : 'discard.nothing', { name })}
        </p>
      )}
      {view.phase === 'running' && state?.step !== 'failed' && (
        <p role="status">{t(done ? 'discard.done' : 'discard.running', { name })}</p>
      )}
      {preview && (
        <ul className="removed" data-testid="discard-list">
          {(state ? remainingResources(state) : preview.resources).map((r, i) => (
            <li key={`left-${i}`}>
              <ResourceLine resource={r} />
            </li>
          ))}
          {state?.removed.map((r, i) => (
            <li key={`removed-${i}`} className="muted">
              <ResourceLine resource={r} /> — {t('discard.removed')}
            </li>
          ))}
          {state?.alreadyGone.map((r, i) => (
            <li key={`gone-${i}`} className="muted">
              <ResourceLine resource={r} /> — {t('teardown.alreadyGone')}
            </li>
          ))}
          {state?.handedOver?.map((h, i) => (
            <li key={`handed-${i}`} className="muted">
              <ResourceLine resource={h.resource} /> — {t('teardown.handedOver')}
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        {preview && (view.phase === 'confirm' || state?.step === 'failed') && (
          <button type="button" className="danger" onClick={() => confirm(preview)}>
            {t(view.phase === 'confirm' ? 'discard.confirm' : 'discard.retry', { name })}
          </button>
        )}
        {!done && view.phase !== 'running' && (
          <button type="button" onClick={onClose}>
            {t('discard.keep', { name })}
          </button>
        )}
      </div>
    </div>
  );
}
