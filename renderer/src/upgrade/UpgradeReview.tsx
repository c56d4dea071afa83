import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpgradeState } from '../../../shared/lifecycle/upgrade';
import { ErrorNotice } from '../common/ErrorNotice';
import { Sensitive } from '../support/Sensitive';
import { useAction } from '../data/useAction';
import { useUpgrade, useUpgradeCommands } from './useUpgrade';
import './upgrade.css';
import { FactRow } from '../common/FactRow';

type UpgradeChange = Extract<UpgradeState, { step: 'reviewing' }>['changes'][number];

/** What a change does to one resource, in plain words; replacements stand out. */
function ChangeLine({ change }: { readonly change: UpgradeChange }) {
  const { t } = useTranslation('lifecycle');
  const resource = t(`upgrade.resources.${change.logicalResourceId}`, {
    defaultValue: `${change.logicalResourceId} (${change.resourceType})`,
  });
  const replaced =
    change.action === 'Modify' &&
    (change.replacement === 'True' || change.replacement === 'Conditional');
  return (
    <li className={replaced ? 'upgrade-change replaced' : 'upgrade-change'}>
      {t(`upgrade.actions.${change.action}`, { resource })}
      {replaced && (
        <strong className="replacement">
          {' '}
          {t(change.replacement === 'True' ? 'upgrade.replaced' : 'upgrade.maybeReplaced')}
        </strong>
      )}
      {change.properties.length > 0 && (
        <span className="muted"> ({change.properties.join(', ')})</span>
      )}
    </li>
  );
}

function Addresses({ cidrs }: { readonly cidrs: readonly string[] }) {
  return (
    <ul className="upgrade-addresses">
      {cidrs.map((cidr) => (
        <li key={cidr}>
          <Sensitive kind="ip" value={cidr} />
        </li>
      ))}
    </ul>
  );
}

/**
 * One thing the update changes, as it is now and as it will be, and what that means: template v3
 * lets SMOOZ's role alone connect (and starts acceptance), and admits the NLB's /32s instead of
 * its whole subnets.
 */
function BeforeAfter({
  aspect,
  before,
  after,
}: {
  readonly aspect: 'principal' | 'rules';
  readonly before: ReactNode;
  readonly after: ReactNode;
}) {
  const { t } = useTranslation('lifecycle');
  return (
    <div className={`upgrade-${aspect}`}>
      <p>{t(`upgrade.${aspect}Title`)}</p>
      <dl className="facts">
        <FactRow label={t(`upgrade.${aspect}From`)}>{before}</FactRow>
        <FactRow label={t(`upgrade.${aspect}To`)}>{after}</FactRow>
      </dl>
      <p>{t(`upgrade.${aspect}Note`)}</p>
    </div>
  );
}

/**
 * The in-place update of a connection's template: what the change set changes, Apply or Cancel;
 * a refusal says why and offers the side-by-side move; progress while CloudFormation updates.
 */
export function UpgradeReview({
  connectionId,
  onHome,
  onOpenConnection,
}: {
  readonly connectionId: string;
  readonly onHome: () => void;
  /** The connection's own screen, where it can be moved side by side. */
  readonly onOpenConnection: (connectionId: string) => void;
}) {
  const { t } = useTranslation('lifecycle');
  const upgrade = useUpgrade(connectionId);
  const commands = useUpgradeCommands();
  const { busy, error, run } = useAction<'apply' | 'cancel'>();

  if (upgrade.status === 'loading') {
    return (
      <section className="panel" aria-labelledby="upgrade-title">
        <h2 id="upgrade-title">{t('upgrade.title')}</h2>
        <p role="status">{t('upgrade.preparing')}</p>
      </section>
    );
  }
  if (upgrade.status === 'error') {
    return (
      <section className="panel" aria-labelledby="upgrade-title">
        <h2 id="upgrade-title">{t('upgrade.title')}</h2>
        <ErrorNotice error={upgrade.error} />
        <button type="button" onClick={upgrade.refetch}>
          {t('upgrade.retry')}
        </button>
      </section>
    );
  }
  const state: UpgradeState = upgrade.value;
  const apply = () => void run(() => commands.apply(connectionId), 'apply');
  const cancel = () => void run(() => commands.cancel(connectionId), 'cancel');
  const changes = 'changes' in state ? (state.changes ?? []) : [];

  return (
    <section className="panel upgrade" aria-labelledby="upgrade-title">
      <h2 id="upgrade-title">{t('upgrade.title')}</h2>
      <p>
        {t('upgrade.versions', {
          name: state.connectionName,
          version: state.fromVersion,
          current: state.toVersion,
        })}
      </p>
      {state.step === 'preparing' && <p role="status">{t('upgrade.preparing')}</p>}
      {state.step === 'reviewing' && (
        <>
          <p>{t('upgrade.reviewIntro')}</p>
          {state.principalChange && (
            <BeforeAfter
              aspect="principal"
              before={<Sensitive kind="accountId" value={state.principalChange.fromAccountId} />}
              after={<Sensitive kind="arn" value={state.principalChange.toRoleArn} />}
            />
          )}
          {state.ruleChange && (
            <BeforeAfter
              aspect="rules"
              before={<Addresses cidrs={state.ruleChange.fromCidrs} />}
              after={<Addresses cidrs={state.ruleChange.toCidrs} />}
            />
          )}
          <ul className="upgrade-changes">
            {changes.map((c) => (
              <ChangeLine key={c.logicalResourceId} change={c} />
            ))}
          </ul>
          <p className="muted">{t('upgrade.rollbackNote')}</p>
          <div className="row-actions">
            <button type="button" className="primary" disabled={busy !== undefined} onClick={apply}>
              {t('upgrade.apply')}
            </button>
            <button type="button" disabled={busy !== undefined} onClick={cancel}>
              {t('upgrade.cancel')}
            </button>
          </div>
        </>
      )}
      {state.step === 'applying' && (
        <p role="status">
          {t('upgrade.applying', { done: state.progress.done, total: state.progress.total })}
        </p>
      )}
      {state.step === 'tighteningRules' && <p role="status">{t('upgrade.tighteningRules')}</p>}
      {state.step === 'done' && (
        <p role="status" className="upgrade-result ok">
          {state.alreadyCurrent
            ? t('upgrade.alreadyCurrent')
            : t('upgrade.done', { current: state.toVersion })}
        </p>
      )}
      {state.step === 'cancelled' && <p role="status">{t('upgrade.cancelled')}</p>}
      {state.step === 'refused' && (
        <div className="upgrade-refused" role="alert">
          <p>{t('upgrade.refused')}</p>
          <ul className="upgrade-changes">
            {state.blocking.map((c) => (
              <ChangeLine key={c.logicalResourceId} change={c} />
            ))}
          </ul>
          <p>{t('upgrade.sideBySide')}</p>
          <button type="button" className="primary" onClick={() => onOpenConnection(connectionId)}>
            {t('upgrade.openConnection')}
          </button>
        </div>
      )}
      {state.step === 'rolledBack' && (
        <div className="upgrade-refused" role="alert">
          <p>
            {t('upgrade.rolledBack', {
              resource: t(`upgrade.resources.${state.failure.logicalResourceId}`, {
                defaultValue: state.failure.logicalResourceId,
              }),
              reason: state.failure.reason,
            })}
          </p>
          <p>{t('upgrade.rolledBackNext')}</p>
        </div>
      )}
      {state.step === 'failed' && (
        <>
          <ErrorNotice error={state.error} />
          <button
            type="button"
            disabled={busy !== undefined}
            onClick={
              state.failedIn === 'applying' || state.failedIn === 'tighteningRules'
                ? apply
                : upgrade.refetch
            }
          >
            {t('upgrade.retry')}
          </button>
        </>
      )}
      {error !== undefined && <ErrorNotice error={error} />}
      {state.step !== 'applying' && state.step !== 'tighteningRules' && (
        <button type="button" onClick={onHome}>
          {t('upgrade.home')}
        </button>
      )}
    </section>
  );
}
