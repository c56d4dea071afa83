import type { DatabaseRecord } from '../../../shared/flow/database';
import type { DbAuthMethod } from '../../../shared/flow/plan';
import type { AutomatedPrefill } from '../../../shared/steps/handoff';

export const dbKey = (db: DatabaseRecord) => `${db.kind}:${db.identifier}`;

export type DatabasePrefill = Pick<
  AutomatedPrefill,
  'rdsEndpoint' | 'connectionName' | 'authMethod' | 'dbUser'
>;

/** What the user has chosen and typed on 3-1's database screen. */
export interface DatabaseForm {
  /** The chosen database (`dbKey`), or '' for none yet. */
  readonly selected: string;
  readonly typedEndpoint: string;
  readonly name: string;
  /** Once the user typed a name, choosing a database no longer names the connection. */
  readonly nameEdited: boolean;
  readonly auth: DbAuthMethod;
  readonly dbUser: string;
  /** Databases found by a typed endpoint, newest first, listed before the region's. */
  readonly found: readonly DatabaseRecord[];
}

export type DatabaseFormAction =
  | { readonly type: 'choose'; readonly database: DatabaseRecord }
  | { readonly type: 'found'; readonly database: DatabaseRecord }
  | { readonly type: 'typeEndpoint'; readonly value: string }
  | { readonly type: 'typeName'; readonly value: string }
  | { readonly type: 'chooseAuth'; readonly value: DbAuthMethod }
  | { readonly type: 'typeUser'; readonly value: string };

export function initialDatabaseForm(prefill: DatabasePrefill | undefined): DatabaseForm {
  return {
    selected: '',
    typedEndpoint: prefill?.rdsEndpoint ?? '',
    name: prefill?.connectionName ?? '',
    nameEdited: prefill?.connectionName !== undefined,
    auth: prefill?.authMethod ?? 'password',
    dbUser: prefill?.dbUser ?? '',
    found: [],
  };
}

function choose(form: DatabaseForm, database: DatabaseRecord): DatabaseForm {
  return {
    ...form,
    selected: dbKey(database),
    name: form.nameEdited ? form.name : database.identifier,
  };
}

export function reduceDatabaseForm(form: DatabaseForm, action: DatabaseFormAction): DatabaseForm {
  switch (action.type) {
    case 'choose':
      return choose(form, action.database);
    case 'found':
      return choose(
        {
          ...form,
          found: [
            action.database,
            ...form.found.filter((db) => dbKey(db) !== dbKey(action.database)),
          ],
        },
        action.database,
      );
    case 'typeEndpoint':
      return { ...form, typedEndpoint: action.value };
    case 'typeName':
      return { ...form, name: action.value, nameEdited: true };
    case 'chooseAuth':
      return { ...form, auth: action.value };
    case 'typeUser':
      return { ...form, dbUser: action.value };
  }
}

/** The region's databases with those found by endpoint first, each once. */
export function shownDatabases(
  form: DatabaseForm,
  listed: readonly DatabaseRecord[],
): readonly DatabaseRecord[] {
  const found = new Set(form.found.map(dbKey));
  return [...form.found, ...listed.filter((db) => !found.has(dbKey(db)))];
}
