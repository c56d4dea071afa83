import { useEffect, useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatabaseRecord } from '../../../shared/flow/database';
import type { SetupState } from '../../../shared/flow/state';
import { validateConnectionName, validateDbUser } from '../../../shared/validation/names';
import { parseRdsEndpoint, validateRdsEndpoint } from '../../../shared/validation/rds';
import { ColumnHeads } from '../common/ColumnHeads';
import { ErrorNotice } from '../common/ErrorNotice';
import { useAction } from '../data/useAction';
import { Sensitive } from '../support/Sensitive';
import {
  dbKey,
  initialDatabaseForm,
  reduceDatabaseForm,
  shownDatabases,
  type DatabasePrefill,
} from './databaseForm';
import type { Target } from './TargetStep';
import { useDatabases, useSetupCreation } from './useDatabases';
import type { SmoozDefaults } from './useSmoozStatus';
import { ValidatedField, problemOf, type FieldProblem } from './ValidatedField';

const COLUMNS = ['identifier', 'engine', 'endpoint', 'multiAz', 'zones'] as const;

interface Props {
  readonly target: Target;
  readonly smooz: SmoozDefaults;
  /** Names already used by this app's connections: a new one must differ. */
  readonly existingNames: readonly string[];
  readonly onCreated: (state: SetupState) => void;
  /** Values typed in the offline checklist: the database is picked by its endpoint. */
  readonly prefill?: DatabasePrefill;
}

/** The listed database a typed endpoint names: identifiers are unique per kind in a region. */
function databaseNamedBy(
  endpoint: string | undefined,
  region: string,
  databases: readonly DatabaseRecord[],
) {
  const parsed = endpoint === undefined ? undefined : parseRdsEndpoint(endpoint);
  if (parsed === undefined || parsed.region !== region) return undefined;
  const kind = parsed.kind === 'instance' ? 'instance' : 'cluster';
  return databases.find((db) => db.kind === kind && db.identifier === parsed.identifier);
}

/**
 * 3-1, the database: picked from the region's RDS instances and clusters (engine, endpoint,
 * Multi-AZ shown), or found by a typed endpoint; then the connection's name and how SMOOZ signs
 * in to the database. Everything else about the database is derived.
 */
export function DatabaseStep({ target, smooz, existingNames, onCreated, prefill }: Props) {
  const { t } = useTranslation('guided');
  const listing = useDatabases(target);
  const commands = useSetupCreation();
  const [form, dispatch] = useReducer(reduceDatabaseForm, prefill, initialDatabaseForm);
  const resolving = useAction();
  const submitting = useAction();
  const listed = listing.status === 'ready' ? listing.value : undefined;

  // The database the offline checklist named is chosen once the region's list arrives.
  const carriedEndpoint = prefill?.rdsEndpoint;
  useEffect(() => {
    const carried =
      listed === undefined ? undefined : databaseNamedBy(carriedEndpoint, target.region, listed);
    if (carried !== undefined) dispatch({ type: 'choose', database: carried });
  }, [listed, carriedEndpoint, target.region]);

  const databases = listed === undefined ? undefined : shownDatabases(form, listed);
  const { selected, auth } = form;
  const chosen = databases?.find((db) => dbKey(db) === selected);
  const choose = (database: DatabaseRecord) => dispatch({ type: 'choose', database });

  const nameCheck = validateConnectionName(form.name);
  const nameTaken = nameCheck.ok && existingNames.includes(nameCheck.value);
  const nameProblem: FieldProblem | undefined = nameTaken
    ? {
        source: 'guided',
        key: 'fieldErrors.nameExists',
        params: { name: nameCheck.ok ? nameCheck.value : '' },
      }
    : problemOf(nameCheck);
  const userCheck = validateDbUser(form.dbUser);
  const endpointCheck = validateRdsEndpoint(form.typedEndpoint);
  const ready =
    chosen !== undefined && nameProblem === undefined && (auth === 'password' || userCheck.ok);

  const resolveTyped = async () => {
    if (!endpointCheck.ok) return;
    const database = await resolving.run(
      () =>
        commands.resolveEndpoint({
          profile: target.profile,
          region: target.region,
          endpoint: endpointCheck.value,
        }),
      true,
    );
    if (database !== undefined) dispatch({ type: 'found', database });
  };

  const create = async () => {
    if (!ready || !nameCheck.ok) return;
    const state = await submitting.run(
      () =>
        commands.create({
          profile: target.profile,
          region: target.region,
          connectionName: nameCheck.value,
          database: { kind: chosen.kind, identifier: chosen.identifier },
          authMethod: auth,
          ...(auth === 'iam' && userCheck.ok ? { dbUser: userCheck.value } : {}),
          smoozAccountId: smooz.smoozAccountId,
          smoozRoleArn: smooz.smoozRoleArn,
          resourceNamePrefix: smooz.resourceNamePrefix,
        }),
      true,
    );
    if (state !== undefined) onCreated(state);
  };

  if (listing.status === 'error') return <ErrorNotice error={listing.error} />;
  if (databases === undefined) return <p>{t('common:loading')}</p>;

  return (
    <form
      className="guided-form"
      onSubmit={(event) => {
        event.preventDefault();
        void create();
      }}
    >
      <fieldset className="database-list">
        <legend>{t('database.pick')}</legend>
        {databases.length === 0 && <p className="empty-state">{t('database.none')}</p>}
        <div className="table-scroll">
          <table className="databases">
            <ColumnHeads labels={COLUMNS.map((column) => t(`database.columns.${column}`))} />
            <tbody>
              {databases.map((db) => {
                const id = `db-${db.kind}-${db.identifier}`;
                return (
                  <tr key={dbKey(db)} className={selected === dbKey(db) ? 'selected' : undefined}>
                    <td>
                      <input
                        type="radio"
                        id={id}
                        name="database"
                        checked={selected === dbKey(db)}
                        onChange={() => choose(db)}
                      />{' '}
                      <label htmlFor={id}>
                        {db.identifier}{' '}
                        <span className="muted">({t(`database.kinds.${db.kind}`)})</span>
                      </label>
                    </td>
                    <td>
                      {db.engine}
                      {db.engineVersion ? ` ${db.engineVersion}` : ''}
                    </td>
                    <td className="wrap">
                      <Sensitive kind="hostname" value={db.endpoint} />:{db.port}
                    </td>
                    <td>{db.multiAz ? t('database.yes') : t('database.no')}</td>
                    <td>{db.availabilityZones.join(', ')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </fieldset>
      <details className="typed-endpoint">
        <summary>{t('database.typeEndpoint')}</summary>
        <ValidatedField
          id="guided-endpoint"
          label={t('database.endpoint')}
          sensitive="hostname"
          value={form.typedEndpoint}
          onChange={(value) => dispatch({ type: 'typeEndpoint', value })}
          problem={problemOf(endpointCheck)}
        />
        <button type="button" disabled={!endpointCheck.ok} onClick={() => void resolveTyped()}>
          {t('database.find')}
        </button>
        {resolving.error !== undefined && <ErrorNotice error={resolving.error} />}
      </details>
      <ValidatedField
        id="guided-connection-name"
        label={t('database.connectionName')}
        value={form.name}
        onChange={(value) => dispatch({ type: 'typeName', value })}
        problem={nameProblem}
        hint={t('database.connectionNameHint')}
      />
      <fieldset className="auth-method">
        <legend>{t('database.auth')}</legend>
        {(['password', 'iam'] as const).map((method) => (
          <div key={method} className="radio-row">
            <input
              type="radio"
              id={`guided-auth-${method}`}
              name="auth"
              checked={auth === method}
              onChange={() => dispatch({ type: 'chooseAuth', value: method })}
            />
            <label htmlFor={`guided-auth-${method}`}>{t(`database.authMethods.${method}`)}</label>
          </div>
        ))}
      </fieldset>
      {auth === 'iam' && (
        <ValidatedField
          id="guided-db-user"
          label={t('database.dbUser')}
          value={form.dbUser}
          onChange={(value) => dispatch({ type: 'typeUser', value })}
          problem={problemOf(userCheck)}
        />
      )}
      {submitting.error !== undefined && <ErrorNotice error={submitting.error} />}
      <div className="actions">
        <button
          type="submit"
          className="primary"
          disabled={!ready || submitting.busy !== undefined}
        >
          {t('actions.checkAccount')}
        </button>
      </div>
    </form>
  );
}
