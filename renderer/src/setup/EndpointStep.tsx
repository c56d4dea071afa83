import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StateAt } from '../../../shared/flow/state';
import type { GuidedRecord } from '../../../shared/ipc/channels/guided';
import { ErrorNotice } from '../common/ErrorNotice';
import { IpcCallError } from '../ipc/api';
import { Sensitive } from '../support/Sensitive';
import { ConnectivityResult } from './ConnectivityResult';
import { FactRow } from '../common/FactRow';
import { HomeButton } from './HomeButton';
import { useGuidedCommands } from './useGuidedCommands';

interface Props {
  readonly state: StateAt<'complete'> | StateAt<'acceptingEndpoint'>;
  readonly guided: GuidedRecord | undefined;
  readonly onGuided: (record: GuidedRecord) => void;
  readonly onHome: () => void;
}

/**
 * 4: the stack's outputs go to SMOOZ (no copying between tabs), the endpoint is watched until
 * `available` — every change arrives by itself — and then verified from the customer's side.
 */
export function EndpointStep({ state, guided, onGuided, onHome }: Props) {
  const { t, i18n } = useTranslation('guided');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const asked = useRef(false);
  const commands = useGuidedCommands();
  const connectionId = state.plan.connectionId;

  const act = async (action: () => Promise<GuidedRecord>) => {
    setBusy(true);
    setError(undefined);
    try {
      onGuided(await action());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  // Handing the outputs to SMOOZ is no decision: it starts as soon as the stack is complete.
  useEffect(() => {
    if (guided === undefined && !asked.current) {
      asked.current = true;
      void act(() => commands.finish(connectionId));
    }
  });

  const { outputs, acceptance } = state;
  const acceptanceState =
    acceptance === undefined
      ? 'waiting'
      : acceptance.acceptedAt !== undefined && state.step === 'complete'
        ? 'accepted'
        : 'accepting';
  const phase = guided?.phase ?? 'creating';
  // `failed` before SMOOZ ever answered is a failed call, not an endpoint SMOOZ could not make.
  const phaseText =
    phase === 'failed' && guided?.smoozConnectionId === undefined ? 'notRegistered' : phase;
  const verification = guided?.verification;
  const check = verification?.crossCheck;
  return (
    <div className="endpoint-step">
      <dl className="facts">
        <FactRow label={t('endpoint.serviceName')}>
          <Sensitive kind="endpointServiceName" value={outputs.endpointServiceName} />
        </FactRow>
        <FactRow label={t('endpoint.zones')}>
          {outputs.availabilityZoneIds.join(', ')}{' '}
          <span className="muted">({outputs.availabilityZones.join(', ')})</span>
        </FactRow>
        <div className="facts-row">
          <dt>{t('endpoint.acceptance.title')}</dt>
          <dd data-testid="endpoint-acceptance" data-state={acceptanceState}>
            {acceptance === undefined ? (
              t('endpoint.acceptance.waiting')
            ) : (
              <>
                {t(`endpoint.acceptance.${acceptanceState}`)}{' '}
                <span className="muted">{acceptance.vpcEndpointId}</span>
                {acceptance.rejected.length > 0 && (
                  <span className="target" data-testid="endpoint-acceptance-rejected">
                    {t('endpoint.acceptance.rejected', { count: acceptance.rejected.length })}
                  </span>
                )}
              </>
            )}
          </dd>
        </div>
      </dl>
      <p
        className={`endpoint-phase phase-${phase}`}
        role="status"
        data-testid="endpoint-phase"
        data-phase={phase}
      >
        {t(`endpoint.phases.${phaseText}`)}
      </p>
      {guided?.problem && <ErrorNotice error={new IpcCallError(guided.problem)} />}
      {guided && guided.history.length > 0 && (
        <ol className="status-history" aria-label={t('endpoint.history')}>
          {guided.history.map((entry) => (
            <li key={`${entry.status}-${entry.at}`}>
              {new Date(entry.at).toLocaleTimeString(i18n.language)} — {entry.status}
            </li>
          ))}
        </ol>
      )}
      {verification && (
        <section aria-labelledby="verify-title" className="verification" data-testid="verification">
          <h3 id="verify-title">{t('endpoint.verification')}</h3>
          <dl className="facts">
            <FactRow label={t('endpoint.smoozStatus')} testId="verify-smooz">
              {verification.smoozStatus ?? t('endpoint.unknown')}
            </FactRow>
            <FactRow label={t('endpoint.connectionState')} testId="verify-connection">
              {check === undefined
                ? t('endpoint.unknown')
                : t(`endpoint.connectionStates.${check.endpointConnection.state}`, {
                    defaultValue: check.endpointConnection.state,
                  })}
            </FactRow>
            <FactRow label={t('endpoint.targets')} testId="verify-targets">
              {check === undefined
                ? t('endpoint.unknown')
                : t('endpoint.targetsSummary', {
                    state: t(`endpoint.targetStates.${check.targets.state}`),
                    healthy: check.targets.healthy,
                    total: check.targets.total,
                  })}
              {check?.targets.reasons.map((reason) => (
                <span key={reason.code} className="target">
                  {reason.code}
                  {reason.description ? ` — ${reason.description}` : ''}
                </span>
              ))}
            </FactRow>
          </dl>
          <ConnectivityResult verification={verification} />
          {check?.warnings.map((warning) => (
            <p key={warning} className="error-notice" data-testid={`verify-warning-${warning}`}>
              {t(`endpoint.warnings.${warning}`)}
            </p>
          ))}
          <p className="muted">
            {t('endpoint.checkedAt', {
              time: new Date(verification.checkedAt).toLocaleString(i18n.language),
            })}
          </p>
        </section>
      )}
      {error !== undefined && <ErrorNotice error={error} />}
      <div className="actions">
        {(phase === 'failed' ||
          phase === 'rejected' ||
          (guided === undefined && error !== undefined)) && (
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void act(() => commands.finish(connectionId))}
          >
            {t('actions.retry')}
          </button>
        )}
        {guided !== undefined && (
          <button
            type="button"
            disabled={busy}
            onClick={() => void act(() => commands.recheck(connectionId))}
          >
            {t('actions.recheck')}
          </button>
        )}
        <HomeButton onHome={onHome} primary={phase === 'available'} />
      </div>
    </div>
  );
}
