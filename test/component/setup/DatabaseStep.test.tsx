import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { SetupState } from '../../../shared/flow/state';
import { validateDbUser } from '../../../shared/validation/names';
import { DatabaseStep } from '../../../renderer/src/setup/DatabaseStep';
import { samplePlan } from '../../support/flowFixtures';
import { t } from '../../support/catalogue';
import { pending, refusal, type Handlers } from '../fakeIpc';
import { renderScreen } from '../render';
import { fieldMessage } from './fieldMessage';
import { database, smoozDefaults, target } from './fixtures';

const created: SetupState = { step: 'preflight', plan: samplePlan, created: [] };

function step(handlers: Handlers, existingNames: string[] = [], onCreated = vi.fn()) {
  return renderScreen(
    <DatabaseStep
      target={target}
      smooz={smoozDefaults}
      existingNames={existingNames}
      onCreated={onCreated}
    />,
    handlers,
  );
}

const submit = () => screen.getByRole('button', { name: t('guided:actions.checkAccount') });
const listed: Handlers = { 'setup:listDatabases': () => ({ databases: [database] }) };

describe('3-1: the database', () => {
  it('says it is loading until the region is listed', () => {
    step({ 'setup:listDatabases': () => pending() });
    expect(screen.getByText(t('common:loading'))).toBeTruthy();
  });

  it('explains why the region could not be listed', async () => {
    step({
      'setup:listDatabases': () => {
        throw refusal('aws.accessDenied', { action: 'rds:DescribeDBInstances', resource: '*' });
      },
    });
    expect((await screen.findByRole('alert')).textContent).toBe(
      t('aws:errors.accessDenied', { action: 'rds:DescribeDBInstances', resource: '*' }),
    );
  });

  it('says the region has no database and offers the typed endpoint', async () => {
    step({ 'setup:listDatabases': () => ({ databases: [] }) });
    expect(await screen.findByText(t('guided:database.none'))).toBeTruthy();
    expect(screen.getByText(t('guided:database.typeEndpoint'))).toBeTruthy();
    expect(submit().hasAttribute('disabled')).toBe(true);
  });

  it('names the connection after the database picked and enables the check', async () => {
    step(listed);
    await userEvent.click(await screen.findByLabelText(/prod-db/));
    expect(
      (screen.getByLabelText(t('guided:database.connectionName')) as HTMLInputElement).value,
    ).toBe('prod-db');
    expect(submit().hasAttribute('disabled')).toBe(false);
  });

  it('says under the name field that the name is taken, and blocks the check', async () => {
    step(listed, ['prod-db']);
    await userEvent.click(await screen.findByLabelText(/prod-db/));
    expect(screen.getByTestId('guided-connection-name-error').textContent).toBe(
      t('guided:fieldErrors.nameExists', { name: 'prod-db' }),
    );
    expect(submit().hasAttribute('disabled')).toBe(true);
  });

  it('asks for a valid database user with IAM authentication', async () => {
    step(listed);
    await userEvent.click(await screen.findByLabelText(/prod-db/));
    await userEvent.click(screen.getByLabelText(t('guided:database.authMethods.iam')));
    expect(submit().hasAttribute('disabled')).toBe(true);
    await userEvent.type(screen.getByLabelText(t('guided:database.dbUser')), 'bad user');
    expect(screen.getByTestId('guided-db-user-error').textContent).toBe(
      fieldMessage(validateDbUser('bad user')),
    );
    await userEvent.clear(screen.getByLabelText(t('guided:database.dbUser')));
    await userEvent.type(screen.getByLabelText(t('guided:database.dbUser')), 'smooz_reader');
    expect(submit().hasAttribute('disabled')).toBe(false);
  });

  it('creates the flow with the choices and SMOOZ defaults', async () => {
    const onCreated = vi.fn();
    const { ipc } = step({ ...listed, 'setup:create': () => created }, [], onCreated);
    await userEvent.click(await screen.findByLabelText(/prod-db/));
    await userEvent.click(submit());
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(created));
    expect(ipc.requests('setup:create')).toEqual([
      {
        profile: 'dev',
        region: 'ap-northeast-1',
        connectionName: 'prod-db',
        database: { kind: 'instance', identifier: 'prod-db' },
        authMethod: 'password',
        smoozAccountId: '210987654321',
        smoozRoleArn: 'arn:aws:iam::210987654321:role/smooz-privatelink',
        resourceNamePrefix: 'smooz',
      },
    ]);
  });

  it('explains a refused create on the form and lets the user try again', async () => {
    step({
      ...listed,
      'setup:create': () => {
        throw refusal('setup.databaseNotFound', { identifier: 'prod-db' });
      },
    });
    await userEvent.click(await screen.findByLabelText(/prod-db/));
    await userEvent.click(submit());
    expect((await screen.findByRole('alert')).textContent).toBe(
      t('setup:errors.databaseNotFound', { identifier: 'prod-db' }),
    );
    expect(submit().hasAttribute('disabled')).toBe(false);
  });
});
