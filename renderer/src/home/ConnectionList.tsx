import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionSummary } from '../../../shared/connections';
import { ErrorNotice } from '../common/ErrorNotice';
import { useAction } from '../data/useAction';
import { Sensitive } from '../support/Sensitive';
import { unfinishedFlows } from '../setup/resumable';
import { useGuidedCommands } from '../setup/useGuidedCommands';
import { TemplateVersionBadge } from '../upgrade/TemplateVersionBadge';
import { UnfinishedSetups } from './UnfinishedSetups';
import { useConnections } from './useConnections';

interface Props {
  /** Opens the guided flow of a connection (its summary, re-check, teardown progress). */
  readonly onOpen?: (connectionId: string) => void;
  /** Opens the review of an in-place template update (a stack on an older template). */
  readonly onUpgrade?: (connectionId: string) => void;
}

export function ConnectionList({ onOpen, onUpgrade }: Props) {
  const { t, i18n } = useTranslation('home');
  const state = useConnections();
  const reload = state.refetch;

  const listed = state.status === 'ready' ? state.value.connections : [];
  const inProgress =
    state.status === 'ready'
      ? unfinishedFlows(state.value.flows).filter(
          (flow) => !listed.some((c) => c.id === flow.plan.connectionId),
        )
      : [];

  return (
    <section className="panel" aria-labelledby="connections-title">
      <h2 id="connections-title">{t('connections.title')}</h2>
      {state.status === 'loading' && <p>{t('common:loading')}</p>}
      {state.status === 'error' && <ErrorNotice error={state.error} />}
      {state.status === 'ready' && listed.length === 0 && inProgress.length === 0 && (
        <p className="empty-state" data-testid="connections-empty">
          {t('connections.empty')}
        </p>
      )}
      {listed.length > 0 && (
        <div className="table-scroll">
          <table className="connections" data-testid="connections-table">
            <thead>
              <tr>
                <th scope="col">{t('connections.columns.name')}</th>
                <th scope="col">{t('connections.columns.region')}</th>
                <th scope="col">{t('connections.columns.account')}</th>
                <th scope="col">{t('connections.columns.status')}</th>
                <th scope="col">{t('connections.columns.updated')}</th>
                {onOpen && <th scope="col">{t('guided:home.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {listed.map((connection) => (
                <tr key={connection.id} data-testid={`connection-${connection.name}`}>
                  <td>
                    {connection.name}
                    {onUpgrade && (
                      <TemplateVersionBadge
                        connectionId={connection.id}
                        name={connection.name}
                        onReview={onUpgrade}
                      />
                    )}
                  </td>
                  <td>{connection.region}</td>
                  <td>
                    <Sensitive kind="accountId" value={connection.awsAccountId} />
                  </td>
                  <td data-testid="connection-status">
                    {t(`connections.status.${connection.status}`)}
                  </td>
                  <td>{new Date(connection.updatedAt).toLocaleString(i18n.language)}</td>
                  {onOpen && (
                    <td>
                      <ConnectionActions connection={connection} onOpen={onOpen} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {onOpen && inProgress.length > 0 && (
        <UnfinishedSetups flows={inProgress} onOpen={onOpen} onChanged={reload} />
      )}
    </section>
  );
}

function ConnectionActions({
  connection,
  onOpen,
}: {
  connection: ConnectionSummary;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation('guided');
  const [confirming, setConfirming] = useState(false);
  const guided = useGuidedCommands();
  const { error, run } = useAction();
  // Re-check and teardown both go on in the connection's own screen.
  const act = async (command: (id: string) => Promise<unknown>) => {
    const done = await run(async () => {
      await command(connection.id);
      return true;
    }, true);
    if (done) onOpen(connection.id);
  };
  if (confirming) {
    return (
      <div
        className="row-actions"
        role="group"
        aria-label={t('home.actionsNamed', { name: connection.name })}
      >
        <p>{t('home.confirmTeardown', { name: connection.name })}</p>
        <button
          type="button"
          className="danger"
          aria-label={t('home.confirmYesNamed', { name: connection.name })}
          onClick={() => void act(guided.teardown)}
        >
          {t('home.confirmYes')}
        </button>
        <button
          type="button"
          aria-label={t('home.confirmNoNamed', { name: connection.name })}
          onClick={() => setConfirming(false)}
        >
          {t('home.confirmNo')}
        </button>
      </div>
    );
  }
  return (
    <div
      className="row-actions"
      role="group"
      aria-label={t('home.actionsNamed', { name: connection.name })}
    >
      <button
        type="button"
        aria-label={t('home.recheckNamed', { name: connection.name })}
        onClick={() => void act(guided.recheck)}
      >
        {t('home.recheck')}
      </button>
      {connection.status !== 'deleting' && (
        <button
          type="button"
          aria-label={t('home.teardownNamed', { name: connection.name })}
          onClick={() => setConfirming(true)}
        >
          {t('home.teardown')}
        </button>
      )}
      {error !== undefined && <ErrorNotice error={error} />}
    </div>
  );
}
