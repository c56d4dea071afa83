import { useTranslation } from 'react-i18next';
import type { SetupState } from '../../../shared/flow/state';
import { EXPECTED_WAITS } from '../../../shared/flow/waitEstimate';
import { ErrorNotice } from '../common/ErrorNotice';
import { useAction } from '../data/useAction';
import { IpcCallError } from '../ipc/api';
import { ResourceLine, ResourceList } from './ResourceLine';
import type { TeardownStage } from './teardownStage';
import { useGuidedCommands } from './useGuidedCommands';
import { formatDuration } from './format';
import { useNow } from './useNow';
import { WaitLeft } from './WaitLeft';

/** A wait AWS imposes (a deleted Lambda's network interfaces): why, how long so far, how long yet. */
function InterfaceWait({ since }: { since: number }) {
  const { t } = useTranslation('guided');
  const elapsed = Math.max(0, useNow(1000) - since);
  return (
    <section aria-labelledby="teardown-wait" data-testid="teardown-wait">
      <h3 id="teardown-wait">{t('teardown.interfaces.title')}</h3>
      <p>{t('teardown.interfaces.body')}</p>
      <p className="timing">
        {t('teardown.interfaces.waited', { time: formatDuration(elapsed) })} ·{' '}
        <WaitLeft expected={EXPECTED_WAITS.lambdaInterfaces} elapsedMs={elapsed} />
      </p>
    </section>
  );
}

/**
 * Removing a connection, on its own screen: what is being removed while it runs, the report
 * when done, or the reason it stopped with a retry (which picks up where it stopped).
 */
export function TeardownView({
  state,
  stage,
  onHome,
}: {
  state: SetupState;
  stage: TeardownStage;
  onHome: () => void;
}) {
  const { t } = useTranslation('guided');
  const commands = useGuidedCommands();
  const retry = useAction();
  const report = state.teardown ?? { removed: [], alreadyGone: [] };
  const handedOver = report.handedOver ?? [];
  const retryTeardown = () =>
    void retry.run(() => commands.teardown(state.plan.connectionId), true);

  return (
    <div className="teardown" data-testid={`teardown-${stage.kind}`} data-stage={stage.kind}>
      {stage.kind === 'failed' ? (
        <>
          <ErrorNotice error={new IpcCallError(stage.error)} />
          <p>{t(`teardown.failed.${stage.side}`)}</p>
        </>
      ) : (
        <p role="status">{t(`teardown.stages.${stage.kind}`)}</p>
      )}
      {state.step === 'tearingDown' && state.waiting && (
        <InterfaceWait since={state.waiting.since} />
      )}
      {stage.kind !== 'done' && state.created.length > 0 && (
        <section aria-labelledby="teardown-remaining">
          <h3 id="teardown-remaining">{t('teardown.remaining')}</h3>
          <ResourceList resources={state.created} testId="teardown-remaining" />
        </section>
      )}
      {report.removed.length + report.alreadyGone.length + handedOver.length > 0 && (
        <section aria-labelledby="teardown-removed">
          <h3 id="teardown-removed">{t('teardown.removedTitle')}</h3>
          <ul className="removed" data-testid="teardown-removed">
            {report.removed.map((r, i) => (
              <li key={`removed-${i}`}>
                <ResourceLine resource={r} />
              </li>
            ))}
            {report.alreadyGone.map((r, i) => (
              <li key={`gone-${i}`} className="muted">
                <ResourceLine resource={r} /> — {t('teardown.alreadyGone')}
              </li>
            ))}
            {handedOver.map((h, i) => (
              <li key={`handed-${i}`} className="muted">
                <ResourceLine resource={h.resource} /> — {t('teardown.handedOver')}
              </li>
            ))}
          </ul>
        </section>
      )}
      {retry.error !== undefined && <ErrorNotice error={retry.error} />}
      <div className="actions">
        {stage.kind === 'failed' && (
          <button
            type="button"
            className="primary"
            disabled={retry.busy !== undefined}
            onClick={retryTeardown}
          >
            {t('teardown.retry')}
          </button>
        )}
        <button type="button" onClick={onHome}>
          {t('actions.home')}
        </button>
      </div>
    </div>
  );
}
