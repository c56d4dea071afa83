import { useTranslation } from 'react-i18next';
import type { AdoptionState } from '../../../shared/lifecycle/adopt';
import { canRollBack, MIGRATION_STEPS } from '../../../shared/lifecycle/migrate';
import type { ScannedSetup } from '../../../shared/lifecycle/scan';
import { ErrorNotice } from '../common/ErrorNotice';
import { useAction } from '../data/useAction';
import { useIpcClient } from '../data/IpcClientContext';
import { valueOf } from '../data/useIpcQuery';
import { IpcCallError } from '../ipc/api';
import { useMigrations } from './useMigrations';

type Command = 'start' | 'stop' | 'resume' | 'rollBack';

/**
 * An adopted setup's move to the current design, side by side: the steps, where it is, a stop
 * between steps, and the end. SMOOZ keeps one working path throughout (main/lifecycle/migrator.ts).
 */
export function MigrationPanel({
  found,
  adoption,
  smoozAccountId,
}: {
  found: ScannedSetup;
  adoption: AdoptionState | undefined;
  smoozAccountId: string;
}) {
  const { t } = useTranslation('lifecycle');
  const client = useIpcClient();
  const action = useAction<Command>();
  const migrations = useMigrations();
  const key = found.setup.key;
  const migration = valueOf(migrations)?.find((m) => m.key === key);
  const database = found.setup.database;

  if (!migration || migration.phase === 'rolledBack') {
    if (adoption?.step !== 'adopted' || !adoption.smoozConnectionId || !database) return null;
    return (
      <div className="migration">
        {migration?.phase === 'rolledBack' && <p role="status">{t('migration.rolledBack')}</p>}
        <p className="muted">{t('migration.intro')}</p>
        <button
          type="button"
          disabled={action.busy !== undefined}
          onClick={() =>
            void action.run(
              () =>
                client.call('migration:start', {
                  key,
                  request: {
                    connectionName: adoption.name,
                    database: { kind: database.kind, identifier: database.identifier },
                    authMethod: 'password',
                    smoozAccountId,
                  },
                }),
              'start',
            )
          }
        >
          {t('migration.start')}
        </button>
        {action.error !== undefined && <ErrorNotice error={action.error} />}
      </div>
    );
  }

  const command = (kind: Command, channel: `migration:${Command}`) =>
    void action.run(() => client.call(channel as 'migration:stop', { key }), kind);
  const done = new Set(migration.completed.map((c) => c.step));
  const current = 'step' in migration ? migration.step : undefined;
  return (
    <section className="migration" aria-label={t('migration.title')}>
      <h4>{t('migration.title')}</h4>
      <ol className="migration-steps">
        {MIGRATION_STEPS.map((step) => {
          const mark = done.has(step) ? 'done' : step === current ? 'current' : 'todo';
          return (
            <li key={step} className={`migration-step ${mark}`} aria-current={mark === 'current'}>
              <span className="badge">{t(`migration.mark.${mark}`)}</span>{' '}
              {t(`migration.steps.${step}`)}
            </li>
          );
        })}
      </ol>
      <p role="status" data-testid="migration-phase">
        {t(`migration.phase.${migration.phase}`)}
      </p>
      {migration.phase === 'failed' && <ErrorNotice error={new IpcCallError(migration.error)} />}
      {action.error !== undefined && <ErrorNotice error={action.error} />}
      <div className="migration-actions">
        {migration.phase === 'running' && (
          <button
            type="button"
            disabled={migration.stopRequested || action.busy !== undefined}
            onClick={() => command('stop', 'migration:stop')}
          >
            {migration.stopRequested ? t('migration.stopping') : t('migration.stop')}
          </button>
        )}
        {(migration.phase === 'stopped' || migration.phase === 'failed') && (
          <button
            type="button"
            disabled={action.busy !== undefined}
            onClick={() => command('resume', 'migration:resume')}
          >
            {t('migration.resume')}
          </button>
        )}
        {canRollBack(migration) && (
          <button
            type="button"
            disabled={action.busy !== undefined}
            onClick={() => command('rollBack', 'migration:rollBack')}
          >
            {t('migration.rollBack')}
          </button>
        )}
      </div>
    </section>
  );
}
