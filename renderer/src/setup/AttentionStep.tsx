import { useTranslation } from 'react-i18next';
import type { SetupState, StateAt } from '../../../shared/flow/state';
import { ErrorNotice } from '../common/ErrorNotice';
import { IpcCallError } from '../ipc/api';
import { Sensitive } from '../support/Sensitive';
import { useSupportMode } from '../support/SupportModeContext';
import { explainStackReason } from './explainReason';
import { FactRow } from '../common/FactRow';
import { HomeButton } from './HomeButton';
import { loginTargetOf } from './ssoTarget';
import type { ApplyAnswer } from './useSetupFlow';
import { useFlowAction } from './useFlowAction';
import { useFlowCommands } from './useFlowCommands';
import { useSsoLogin } from './useSsoLogin';

type Stopped = StateAt<'failed'> | StateAt<'waitingForLogin'> | StateAt<'cancelled'>;

interface Props {
  readonly state: Stopped;
  readonly apply: ApplyAnswer;
  readonly onHome: () => void;
}

/**
 * The flow stopped and needs the user: a failure (with the failing resource and AWS's reason), an
 * expired login, or a cancel. Nothing done so far is lost; the next action continues from here.
 */
export function AttentionStep({ state, apply, onHome }: Props) {
  const { t } = useTranslation('guided');
  const { format } = useSupportMode();
  const { busy, error, run } = useFlowAction<true>(apply);
  const commands = useFlowCommands(state.plan.connectionId);
  const explained =
    state.step === 'failed' && state.stackFailure
      ? explainStackReason(state.stackFailure.reason)
      : undefined;

  const act = (action: () => Promise<SetupState>) => run(action, true);

  // After the login the engine picks up the step where it stopped (setup:resume).
  const login = useSsoLogin(() => void act(commands.resume));

  return (
    <div className="attention" data-testid={`attention-${state.step}`}>
      {state.step === 'failed' && (
        <>
          {/* A failed stack is told once, as resource and reason below; other failures by code. */}
          {state.stackFailure ? (
            <p className="error-notice" role="alert">
              {t('attention.stackFailed', { status: state.stackFailure.stackStatus })}
            </p>
          ) : (
            <ErrorNotice error={new IpcCallError(state.error)} />
          )}
          {state.stackFailure && (
            <dl className="facts" data-testid="stack-failure">
              <FactRow label={t('attention.resource')}>
                {state.stackFailure.logicalResourceId}{' '}
                <span className="muted">{state.stackFailure.resourceType}</span>
              </FactRow>
              <FactRow label={t('attention.reason')}>
                <Sensitive kind="text" value={state.stackFailure.reason} />
              </FactRow>
              {explained && (
                <FactRow label={t('attention.plainWords')} testId="stack-failure-explained">
                  {explained.key === 'dnsLookup'
                    ? t('attention.explained.dnsLookup', {
                        host: format('hostname', explained.params.host),
                      })
                    : t(`attention.explained.${explained.key}`, {
                        ...('params' in explained ? explained.params : {}),
                      })}
                </FactRow>
              )}
            </dl>
          )}
          <p>
            {state.stackFailure
              ? t('attention.stackNext', { action: t('actions.deleteAndRetry') })
              : t('attention.retryNext')}
          </p>
        </>
      )}
      {state.step === 'waitingForLogin' && (
        <>
          {/* The AWS layer's own words first (which session, expired or never logged in). */}
          {state.error && (
            <div data-testid="login-reason">
              <ErrorNotice error={new IpcCallError(state.error)} />
            </div>
          )}
          {!state.error && (
            <p>{t('attention.loginExpired', { profile: format('text', state.plan.profile) })}</p>
          )}
        </>
      )}
      {state.step === 'cancelled' && <p>{t('attention.cancelled')}</p>}
      {error !== undefined && <ErrorNotice error={error} />}
      {login.error !== undefined && <ErrorNotice error={login.error} />}
      <div className="actions">
        {state.step === 'waitingForLogin' ? (
          <button
            type="button"
            className="primary"
            disabled={busy || !login.canStart}
            onClick={() => void login.start(loginTargetOf(state.plan.profile))}
          >
            {login.canStart
              ? t('target.login')
              : t(`target.loginStages.${login.stage ?? 'starting'}`)}
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void act(commands.resume)}
          >
            {state.step === 'failed' && state.stackFailure
              ? t('actions.deleteAndRetry')
              : state.step === 'failed'
                ? t('actions.retry')
                : t('actions.continue')}
          </button>
        )}
        {state.step !== 'cancelled' ? (
          <button type="button" disabled={busy} onClick={() => void act(commands.cancel)}>
            {t('actions.cancel')}
          </button>
        ) : (
          <button type="button" disabled={busy} onClick={() => void act(commands.teardown)}>
            {t('actions.removeCreated')}
          </button>
        )}
        <HomeButton onHome={onHome} />
      </div>
    </div>
  );
}
