import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatabaseRecord } from '../../../shared/flow/database';
import type { DbAuthMethod } from '../../../shared/flow/plan';
import type { SetupState } from '../../../shared/flow/state';
import type { AutomatedPrefill } from '../../../shared/steps/handoff';
import { validateConnectionName, validateDbUser } from '../../../shared/validation/names';
import { parseRdsEndpoint, validateRdsEndpoint } from '../../../shared/validation/rds';
import { ErrorNotice } from '../common/ErrorNotice';
import { call } from '../ipc/api';
import { Sensitive } from '../support/Sensitive';
import type { Target } from './TargetStep';
import { ValidatedField, problemOf, type FieldProblem } from './ValidatedField';

export interface SmoozDefaults {
  readonly smoozAccountId: string;
  readonly smoozRoleArn: string;
  /** SMOOZ's start of every AWS name; the app derives the rest per connection. */
  readonly resourceNamePrefix: string;
}

interface Props {
  readonly target: Target;
  readonly smooz: SmoozDefaults;
  /** Names already used by this app's connections: a new one must differ. */
  readonly existingNames: readonly string[];
  readonly onCreated: (state: SetupState) => void;
  /** Values typed in the offline checklist: the database is picked by its endpoint. */
  readonly prefill?: Pick<
    AutomatedPrefill,
    'rdsEndpoint' | 'connectionName' | 'authMethod' | 'dbUser'
  >;
}

const dbKey = (db: DatabaseRecord) => `${db.kind}:${db.identifier}`;

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
  const [databases, setDatabases] = useState<DatabaseRecord[]>();
  const [loadError, setLoadError] = useState<unknown>();
  const [selected, setSelected] = useState<string>('');
  const [typedEndpoint, setTypedEndpoint] = useState(prefill?.rdsEndpoint ?? '');
  const [resolveError, setResolveError] = useState<unknown>();
  const [name, setName] = useState(prefill?.connectionName ?? '');
  const [nameEdited, setNameEdited] = useState(prefill?.connectionName !== undefined);
  const [auth, setAuth] = useState<DbAuthMethod>(prefill?.authMethod ?? 'password');
  const [dbUser, setDbUser] = useState(prefill?.dbUser ?? '');
  const carriedEndpoint = prefill?.rdsEndpoint;
  const carriedName = prefill?.connectionName;
  const [submitError, setSubmitError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    call('setup:listDatabases', { profile: target.profile, region: target.region }).then(
      (value) => {
        if (!live) return;
        setDatabases(value.databases);
        const carried = databaseNamedBy(carriedEndpoint, target.region, value.databases);
        if (carried === undefined) return;
        setSelected(dbKey(carried));
        if (carriedName === undefined) setName(carried.identifier);
      },
      (error: unknown) => live && setLoadError(error),
    );
    return () => {
      live = false;
    };
  }, [target.profile, target.region, carriedEndpoint, carriedName]);

  const chosen = databases?.find((db) => dbKey(db) === selected);
  const choose = (db: DatabaseRecord) => {
    setSelected(dbKey(db));
    if (!nameEdited) setName(db.identifier);
  };

  const nameCheck = validateConnectionName(name);
  const nameTaken = nameCheck.ok && existingNames.includes(nameCheck.value);
  const nameProblem: FieldProblem | undefined = nameTaken
    ? {
        source: 'guided',
        key: 'fieldErrors.nameExists',
        params: { name: nameCheck.ok ? nameCheck.value : '' },
      }
    : problemOf(nameCheck);
  const userCheck = validateDbUser(dbUser);
  const endpointCheck = validateRdsEndpoint(typedEndpoint);
  const ready =
    chosen !== undefined && nameProblem === undefined && (auth === 'password' || userCheck.ok);

  const resolveTyped = async () => {
    if (!endpointCheck.ok) return;
    setResolveError(undefined);
    try {
      const record = await call('setup:resolveEndpoint', {
        profile: target.profile,
        region: target.region,
        endpoint: endpointCheck.value,
      });
      setDatabases((list) => [record, ...(list ?? []).filter((db) => dbKey(db) !== dbKey(record))]);
      choose(record);
    } catch (error) {
      setResolveError(error);
    }
  };

  const create = async () => {
    if (!ready || !nameCheck.ok) return;
    setBusy(true);
    setSubmitError(undefined);
    try {
      const state = await call('setup:create', {
        profile: target.profile,
        region: target.region,
        connectionName: nameCheck.value,
        database: { kind: chosen.kind, identifier: chosen.identifier },
        authMethod: auth,
        ...(auth === 'iam' && userCheck.ok ? { dbUser: userCheck.value } : {}),
        smoozAccountId: smooz.smoozAccountId,
        smoozRoleArn: smooz.smoozRoleArn,
        resourceNamePrefix: smooz.resourceNamePrefix,
      });
      onCreated(state);
    } catch (error) {
      setSubmitError(error);
    } finally {
      setBusy(false);
    }
  };

  if (loadError !== undefined) return <ErrorNotice error={loadError} />;
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
            <thead>
              <tr>
                <th scope="col">{t('database.columns.identifier')}</th>
                <th scope="col">{t('database.columns.engine')}</th>
                <th scope="col">{t('database.columns.endpoint')}</th>
                <th scope="col">{t('database.columns.multiAz')}</th>
                <th scope="col">{t('database.columns.zones')}</th>
              </tr>
            </thead>
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
          value={typedEndpoint}
          onChange={setTypedEndpoint}
          problem={problemOf(endpointCheck)}
        />
        <button type="button" disabled={!endpointCheck.ok} onClick={() => void resolveTyped()}>
          {t('database.find')}
        </button>
        {resolveError !== undefined && <ErrorNotice error={resolveError} />}
      </details>
      <ValidatedField
        id="guided-connection-name"
        label={t('database.connectionName')}
        value={name}
        onChange={(value) => {
          setNameEdited(true);
          setName(value);
        }}
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
              onChange={() => setAuth(method)}
            />
            <label htmlFor={`guided-auth-${method}`}>{t(`database.authMethods.${method}`)}</label>
          </div>
        ))}
      </fieldset>
      {auth === 'iam' && (
        <ValidatedField
          id="guided-db-user"
          label={t('database.dbUser')}
          value={dbUser}
          onChange={setDbUser}
          problem={problemOf(userCheck)}
        />
      )}
      {submitError !== undefined && <ErrorNotice error={submitError} />}
      <div className="actions">
        <button type="submit" className="primary" disabled={!ready || busy}>
          {t('actions.checkAccount')}
        </button>
      </div>
    </form>
  );
}
