import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreflightCheck, PreflightFixKind } from '../../../shared/flow/preflight';
import type { StateAt } from '../../../shared/flow/state';
import { ErrorNotice } from '../common/ErrorNotice';
import { formatUsd } from './format';
import { NameClashFix } from './NameClashFix';
import { openWarnings } from './preflightWarnings';
import type { ApplyAnswer } from './useSetupFlow';
import { useFlowAction } from './useFlowAction';
import { useFlowCommands } from './useFlowCommands';

type Props = {
  readonly state: StateAt<'preflight'> | StateAt<'applyingFix'> | StateAt<'ready'>;
  readonly apply: ApplyAnswer;
  /** Given when every check passed but some warned: the user's "continue anyway". */
  readonly onContinue?: () => void;
  /** Opens another connection (the owner of a clashing name). */
  readonly onOpen?: ((connectionId: string) => void) | undefined;
};

/**
 * 3-1 checks before anything is created: each with pass / warn / fail, the reason in plain words,
 * and — where the engine can make the change — a one-click fix with what it costs.
 */
export function PreflightStep({ state, apply, onContinue, onOpen }: Props) {
  const { t } = useTranslation(['guided', 'setup']);
  const { busy, error, run } = useFlowAction<'checks' | PreflightFixKind>(apply);
  const started = useRef(false);
  const commands = useFlowCommands(state.plan.connectionId);
  const report = state.step === 'applyingFix' ? undefined : state.preflight;
  const warnings = openWarnings(report);

  const runChecks = () => run(commands.runPreflight, 'checks');

  // Checks run by themselves when the flow reaches them: running them is no decision.
  useEffect(() => {
    if (state.step === 'preflight' && report === undefined && !started.current) {
      started.current = true;
      void runChecks();
    }
  });

  if (state.step === 'applyingFix' || (busy !== undefined && busy !== 'checks')) {
    return (
      <p className="busy" role="status">
        {t('preflight.applyingFix')}
      </p>
    );
  }
  if (report === undefined) {
    return (
      <>
        <p className="busy" role="status">
          {t('preflight.running')}
        </p>
        {error !== undefined && <ErrorNotice error={error} />}
      </>
    );
  }
  return (
    <div className="preflight">
      <ul className="checks" data-testid="preflight-checks">
        {report.checks.map((check) => (
          <CheckRow
            key={check.id}
            check={check}
            busy={busy !== undefined}
            onFix={(fix) => void run(() => commands.applyFix(fix), fix)}
          >
            {check.id === 'nameClash' && check.status === 'fail' && (
              <NameClashFix
                check={check}
                state={state}
                busy={busy !== undefined}
                onOpen={onOpen}
                onRename={(patch) => void run(() => commands.renameAndRecheck(patch), 'checks')}
                onRecheck={() => void runChecks()}
              />
            )}
          </CheckRow>
        ))}
      </ul>
      {error !== undefined && <ErrorNotice error={error} />}
      {onContinue && (
        <p className="warning-notice" data-testid="preflight-warnings-open">
          {t('preflight.warningsOpen', { count: warnings.length })}
        </p>
      )}
      <div className="actions">
        {onContinue && (
          <button
            type="button"
            className="primary"
            onClick={onContinue}
            disabled={busy !== undefined}
          >
            {t('preflight.continueAnyway')}
          </button>
        )}
        <button type="button" onClick={() => void runChecks()} disabled={busy !== undefined}>
          {busy === 'checks' ? t('preflight.running') : t('preflight.rerun')}
        </button>
      </div>
    </div>
  );
}

function CheckRow({
  check,
  busy,
  onFix,
  children,
}: {
  check: PreflightCheck;
  busy: boolean;
  onFix: (fix: PreflightFixKind) => void;
  /** A fix the screen offers in place (e.g. new names for a clash). */
  children?: ReactNode;
}) {
  const { t } = useTranslation(['guided', 'setup']);
  const { fix } = check;
  return (
    <li
      className={`check check-${check.status}`}
      data-testid={`check-${check.id}`}
      data-status={check.status}
    >
      <span className="check-status">{t(`guided:preflight.status.${check.status}`)}</span>
      <div className="check-body">
        <strong>{t(`guided:preflight.checks.${check.id}`)}</strong>
        <p>{t(`setup:preflight.${check.explanation}`, { ...check.params })}</p>
        {fix?.kind === 'createInterfaceEndpoints' && check.status !== 'pass' && (
          <div className="fix">
            <p>{t('guided:preflight.fix.endpoints', { services: fix.serviceNames.join(', ') })}</p>
            <table className="cost-table">
              <tbody>
                <tr>
                  <th scope="row">{t('guided:preflight.fix.endpointsCost')}</th>
                  <td>
                    {t('guided:cost.monthlyPlusGb', {
                      monthly: formatUsd(fix.cost.interfaceEndpointsMonthlyUsd),
                      perGb: formatUsd(fix.cost.interfaceEndpointPerGbUsd),
                    })}
                  </td>
                </tr>
                <tr>
                  <th scope="row">{t('guided:preflight.fix.natCost')}</th>
                  <td>
                    {t('guided:cost.monthlyPlusGb', {
                      monthly: formatUsd(fix.cost.natGatewayMonthlyUsd),
                      perGb: formatUsd(fix.cost.natGatewayPerGbUsd),
                    })}
                  </td>
                </tr>
              </tbody>
            </table>
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => onFix(fix.kind)}
            >
              {t('guided:preflight.fix.apply')}
            </button>
          </div>
        )}
        {children}
      </div>
    </li>
  );
}
