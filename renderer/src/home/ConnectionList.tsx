import { useTranslation } from 'react-i18next';
import { call } from '../ipc/api';
import { ErrorNotice } from '../common/ErrorNotice';
import { useIpcQuery } from '../common/useIpcQuery';

export function ConnectionList() {
  const { t, i18n } = useTranslation('home');
  const [state] = useIpcQuery(() => call('connections:list'));
  return (
    <section className="panel" aria-labelledby="connections-title">
      <h2 id="connections-title">{t('connections.title')}</h2>
      {state.status === 'loading' && <p>{t('common:loading')}</p>}
      {state.status === 'error' && <ErrorNotice error={state.error} />}
      {state.status === 'ready' && state.value.length === 0 && (
        <p className="empty-state" data-testid="connections-empty">
          {t('connections.empty')}
        </p>
      )}
      {state.status === 'ready' && state.value.length > 0 && (
        <table className="connections" data-testid="connections-table">
          <thead>
            <tr>
              <th scope="col">{t('connections.columns.name')}</th>
              <th scope="col">{t('connections.columns.region')}</th>
              <th scope="col">{t('connections.columns.account')}</th>
              <th scope="col">{t('connections.columns.status')}</th>
              <th scope="col">{t('connections.columns.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {state.value.map((connection) => (
              <tr key={connection.id}>
                <td>{connection.name}</td>
                <td>{connection.region}</td>
                <td>{connection.awsAccountId}</td>
                <td>{t(`connections.status.${connection.status}`)}</td>
                <td>{new Date(connection.updatedAt).toLocaleString(i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
