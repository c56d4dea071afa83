import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionSummary } from '../../../shared/connections';
import { call, onEvent } from '../ipc/api';
import { ErrorNotice } from '../common/ErrorNotice';
import { useIpcQuery } from '../common/useIpcQuery';
import { Sensitive } from '../support/Sensitive';
import { unfinishedFlows } from '../setup/resumable';
import { UnfinishedSetups } from './UnfinishedSetups';

interface Props {
  /** Opens the guided flow of a connection (its summary, re-check, teardown progress). */
  readonly onOpen?: (connectionId: string) => void;
}

export function ConnectionList({ onOpen }: Props) {
  const { t, i18n } = useTranslation('home');
  const [state, reload] = useIpcQuery(async () => {
    const [connections, flows] = await Promise.all([call('connections:list'), call('setup:list')]);
    return { connections, flows };
  });
  useEffect(() => {
    const offGuided = onEvent('guided:changed', () => reload());
    const offSetup = onEvent('setup:stateChanged', () => reload());
    return () => {
      offGuided();
      offSetup();
    };
  }, [reload]);

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
                  <td>{connection.name}</td>
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
                      <ConnectionActions
                        connection={connection}
                        onOpen={onOpen}
                        onChanged={reload}
                      />
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
  onChanged,
}: {
  connection: ConnectionSummary;
  onOpen: (id: string) => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation('guided');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>();
  const act = (action: () => Promise<unknown>, open: boolean) => {
    setError(undefined);
    action().then(
      () => (open ? onOpen(connection.id) : onChanged()),
      (e: unknown) => setError(e),
    );
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
          onClick={() => act(() => call('guided:teardown', { connectionId: connection.id }), true)}
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
        onClick={() => act(() => call('guided:recheck', { connectionId: connection.id }), true)}
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
