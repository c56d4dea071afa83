import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SetupState } from '../../../shared/flow/state';
import type { AutomatedPrefill } from '../../../shared/steps/handoff';
import { HandoffNotice } from '../checklist/HandoffNotice';
import { ErrorNotice } from '../common/ErrorNotice';
import { useAnnounceScreen } from '../common/currentScreen';
import { AttentionStep } from './AttentionStep';
import { ConfirmStep } from './ConfirmStep';
import { DatabaseStep } from './DatabaseStep';
import { EndpointStep } from './EndpointStep';
import { PreflightStep } from './PreflightStep';
import { ProgressStep } from './ProgressStep';
import { SideChecklist } from './SideChecklist';
import { SmoozAccess } from './SmoozAccess';
import { SsoSessionBanner } from './SsoSessionBanner';
import { StepHeader } from './StepHeader';
import { TargetStep, type Target } from './TargetStep';
import { TeardownView } from './TeardownView';
import { checklistItems, type GuidedPhase } from './checklistModel';
import { awaitsContinue } from './preflightWarnings';
import { pictureValues, screenFor } from './screenFor';
import { teardownStage } from './teardownStage';
import { useExistingNames } from './useExistingNames';
import { useSetupFlow, type ApplyAnswer } from './useSetupFlow';
import { useSmoozStatus, type SmoozDefaults, type SmoozStatus } from './useSmoozStatus';
import './guided.css';

/**
 * The automated setup: the manual's checklist down the side, the current step in the main area.
 * Started from the home screen (no connection yet), from the offline checklist (with the values
 * typed there as `prefill`), or reopened on a flow that was under way.
 */
export function GuidedSetup({
  connectionId: initialId,
  prefill,
  onHome,
  onOpen,
}: {
  connectionId?: string;
  prefill?: AutomatedPrefill;
  onHome: () => void;
  /** Opens another connection's flow (e.g. the owner of a clashing name). */
  onOpen?: (connectionId: string) => void;
}) {
  const { t } = useTranslation('guided');
  const [target, setTarget] = useState<Target>();
  const [connectionId, setConnectionId] = useState(initialId);
  const [flow, setFlowState, applyAnswer] = useSetupFlow(connectionId);
  const [guidedOverride, setGuided] = useState<typeof flow.guided>();
  const [warningsAcceptedAt, acceptWarnings] = useState<string>();
  const smooz = useSmoozStatus();
  const existingNames = useExistingNames(connectionId);

  const guided = pickNewer(flow.guided, guidedOverride);
  const phase: GuidedPhase | undefined =
    connectionId === undefined
      ? target === undefined
        ? { kind: 'target' }
        : { kind: 'database' }
      : flow.state === undefined
        ? undefined
        : {
            kind: 'flow',
            state: flow.state,
            ...(guided ? { guided } : {}),
            ...(warningsAcceptedAt === undefined ? {} : { warningsAcceptedAt }),
          };

  const screen = phase === undefined ? undefined : screenFor(phase);
  useFocusOnScreenChange(screen?.name);
  useAnnounceScreen(`guided:${connectionId ?? 'new'}:${screen?.name ?? 'loading'}`);

  const onCreated = (state: SetupState) => {
    setConnectionId(state.plan.connectionId);
    setFlowState(state);
  };

  return (
    <div className="guided" data-testid="guided-setup" data-screen={screen?.name ?? 'loading'}>
      <SideChecklist items={checklistItems(phase ?? { kind: 'target' })} />
      <section className="panel guided-main" aria-labelledby="guided-step-title">
        {flow.error !== undefined && <ErrorNotice error={flow.error} />}
        {/* The profile in use, once chosen: its SSO session is watched while this screen is open. */}
        {(flow.state?.plan.profile ?? target?.profile) !== undefined && (
          <SsoSessionBanner profile={flow.state?.plan.profile ?? target?.profile ?? ''} />
        )}
        {phase === undefined || screen === undefined ? (
          <p>{t('common:loading')}</p>
        ) : (
          <>
            <StepHeader
              screen={screen.name}
              step={screen.step}
              stepRef={screen.ref}
              what={screen.what}
              values={pictureValues(flow.state)}
            />
            {prefill && phase.kind !== 'flow' && (
              <HandoffNotice
                prefill={prefill}
                {...(target ? { profileAccountId: target.accountId } : {})}
              />
            )}
            {phase.kind === 'target' && (
              <>
                {smooz.status === 'needsToken' && <SmoozAccess onStored={smooz.reload} />}
                <TargetStep
                  onDone={setTarget}
                  {...(prefill?.region ? { preferredRegion: prefill.region } : {})}
                />
              </>
            )}
            {phase.kind === 'database' && target !== undefined && (
              <SmoozGate smooz={smooz}>
                {(defaults) => (
                  <DatabaseStep
                    target={target}
                    smooz={defaults}
                    existingNames={existingNames}
                    onCreated={onCreated}
                    {...(prefill ? { prefill } : {})}
                  />
                )}
              </SmoozGate>
            )}
            {phase.kind === 'flow' && (
              <FlowScreen
                phase={phase}
                flow={flow}
                existingNames={existingNames}
                apply={applyAnswer}
                onGuided={setGuided}
                onAcceptWarnings={acceptWarnings}
                onHome={onHome}
                onOpen={onOpen}
              />
            )}
          </>
        )}
      </section>
    </div>
  );
}

function FlowScreen({
  phase,
  flow,
  existingNames,
  apply,
  onGuided,
  onAcceptWarnings,
  onHome,
  onOpen,
}: {
  phase: Extract<GuidedPhase, { kind: 'flow' }>;
  flow: ReturnType<typeof useSetupFlow>[0];
  existingNames: readonly string[];
  apply: ApplyAnswer;
  onGuided: (record: NonNullable<typeof flow.guided>) => void;
  onAcceptWarnings: (checkedAt: string) => void;
  onHome: () => void;
  onOpen: ((connectionId: string) => void) | undefined;
}) {
  const { state, guided } = phase;
  const teardown = teardownStage(state, guided);
  if (teardown !== undefined) {
    return <TeardownView state={state} stage={teardown} onHome={onHome} />;
  }
  switch (state.step) {
    case 'preflight':
    case 'applyingFix':
      return <PreflightStep state={state} apply={apply} onOpen={onOpen} />;
    case 'ready':
      return awaitsContinue(phase) ? (
        <PreflightStep
          state={state}
          apply={apply}
          onContinue={() => onAcceptWarnings(state.preflight.checkedAt)}
          onOpen={onOpen}
        />
      ) : (
        <ConfirmStep state={state} existingNames={existingNames} apply={apply} />
      );
    case 'creatingSecurityGroup':
    case 'authorizingRules':
    case 'creatingStack':
    case 'authorizingLoadBalancer':
      return (
        <ProgressStep state={state} events={flow.stackEvents} startedAt={flow.stackStartedAt} />
      );
    case 'acceptingEndpoint':
    case 'complete':
      return (
        <EndpointStep state={state} guided={phase.guided} onGuided={onGuided} onHome={onHome} />
      );
    case 'failed':
    case 'waitingForLogin':
    case 'cancelled':
      return <AttentionStep state={state} apply={apply} onHome={onHome} />;
    case 'tearingDown':
    case 'tornDown':
      // Always a teardown stage (above); listed so every step has its screen.
      return null;
  }
}

function SmoozGate({
  smooz,
  children,
}: {
  smooz: SmoozStatus;
  children: (defaults: SmoozDefaults) => ReactNode;
}) {
  const { t } = useTranslation('guided');
  if (smooz.status === 'ready') return <>{children(smooz.defaults)}</>;
  if (smooz.status === 'needsToken') return <SmoozAccess onStored={smooz.reload} />;
  if (smooz.status === 'error') {
    return (
      <>
        <ErrorNotice error={smooz.error} />
        <button type="button" onClick={smooz.reload}>
          {t('actions.retry')}
        </button>
      </>
    );
  }
  return <p>{t('common:loading')}</p>;
}

/** The later of two copies of the same record (an event and a call's answer may cross). */
function pickNewer<T extends { updatedAt: string }>(
  a: T | undefined,
  b: T | undefined,
): T | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return b.updatedAt > a.updatedAt ? b : a;
}

/** Keyboard and screen-reader users land on the new step's title when the screen changes. */
function useFocusOnScreenChange(screen: string | undefined) {
  const previous = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (screen === undefined || previous.current === screen) return;
    const first = previous.current === undefined;
    previous.current = screen;
    if (!first) document.getElementById('guided-step-title')?.focus();
  }, [screen]);
}
