import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { validateSubnetId } from '../../../shared/validation/awsIds';
import { ConfirmStep } from '../../../renderer/src/setup/ConfirmStep';
import { t } from '../../support/catalogue';
import { pending, refusal, type Handlers } from '../fakeIpc';
import { renderScreen } from '../render';
import { fieldMessage } from './fieldMessage';
import { ready, recordingApply } from './flowFixtures';

const permissions: Handlers = {
  'setup:requiredPermissions': () => [
    { action: 'cloudformation:CreateStack', purposes: ['stack'] },
    { action: 'ec2:CreateSecurityGroup', purposes: ['securityGroups'] },
  ],
};

function confirm(handlers: Handlers, existingNames: string[] = []) {
  const recorded = recordingApply();
  const view = renderScreen(
    <ConfirmStep state={ready} existingNames={existingNames} apply={recorded.apply} />,
    handlers,
  );
  return { ...view, ...recorded };
}

const createButton = () => screen.getByTestId('confirm-create');

describe('3-2 ⑥: the one confirmation', () => {
  it('says the permissions are loading, then counts them', async () => {
    let answer: (value: never) => void = () => undefined;
    confirm({
      'setup:requiredPermissions': () =>
        new Promise((resolve) => {
          answer = resolve as never;
        }),
    });
    expect(screen.getByText(t('common:loading'))).toBeTruthy();
    answer([{ action: 'ec2:CreateSecurityGroup', purposes: ['securityGroups'] }] as never);
    expect(await screen.findByText(t('guided:confirm.permissionsSummary', { n: 1 }))).toBeTruthy();
  });

  it('explains permissions that could not be listed', async () => {
    confirm({
      'setup:requiredPermissions': () => {
        throw refusal('internal');
      },
    });
    expect((await screen.findByRole('alert')).textContent).toBe(t('errors:internal'));
  });

  it('creates with the plan as it is', async () => {
    const { ipc } = confirm({
      ...permissions,
      'setup:start': () => ({ ...ready, step: 'creatingSecurityGroup' }),
    });
    expect(createButton().textContent).toBe(t('guided:actions.create'));
    await userEvent.click(createButton());
    await waitFor(() => expect(ipc.requests('setup:start')).toEqual([{ connectionId: 'c-0001' }]));
  });

  it('turns the button into "apply changes" once a value changed, and sends only the change', async () => {
    const { ipc } = confirm({ ...permissions, 'setup:updatePlan': () => ready });
    const name = screen.getByLabelText(t('guided:database.connectionName'));
    await userEvent.clear(name);
    await userEvent.type(name, 'prod-db-2');
    expect(createButton().textContent).toBe(t('guided:actions.applyChanges'));
    await userEvent.click(createButton());
    await waitFor(() => expect(ipc.requests('setup:updatePlan')).toHaveLength(1));
    expect(ipc.requests('setup:updatePlan')[0]?.patch.connectionName).toBe('prod-db-2');
    expect(ipc.requests('setup:start')).toEqual([]);
  });

  it('re-derives ① from the connection name as it is typed, until the user types over ①', async () => {
    const { ipc } = confirm({ ...permissions, 'setup:updatePlan': () => ready });
    const name = screen.getByLabelText(t('guided:database.connectionName'));
    const lambda = screen.getByLabelText<HTMLInputElement>(t('guided:confirm.lambdaName'));
    const derived = lambda.value;
    await userEvent.clear(name);
    await userEvent.type(name, 'prod-db-2');
    expect(lambda.value).not.toBe(derived);
    await userEvent.clear(lambda);
    await userEvent.type(lambda, 'my-updater');
    await userEvent.type(name, '3');
    expect(lambda.value).toBe('my-updater');
    await userEvent.click(createButton());
    await waitFor(() => expect(ipc.requests('setup:updatePlan')).toHaveLength(1));
    expect(ipc.requests('setup:updatePlan')[0]?.patch).toMatchObject({
      connectionName: 'prod-db-23',
      lambdaFunctionName: 'my-updater',
    });
  });

  it('says under the name field that the name is taken, and blocks the button', async () => {
    confirm({ ...permissions, 'setup:requiredPermissions': () => pending() }, ['stage-db']);
    const name = screen.getByLabelText(t('guided:database.connectionName'));
    await userEvent.clear(name);
    await userEvent.type(name, 'stage-db');
    expect(screen.getByTestId('confirm-connection-name-error').textContent).toBe(
      t('guided:fieldErrors.nameExists', { name: 'stage-db' }),
    );
    expect(createButton().hasAttribute('disabled')).toBe(true);
  });

  it('refuses a subnet list without a valid subnet id, at the field', async () => {
    confirm(permissions);
    const subnets = screen.getByLabelText(t('guided:confirm.subnets'));
    await userEvent.clear(subnets);
    await userEvent.type(subnets, 'not-a-subnet');
    expect(screen.getByTestId('confirm-subnets-error').textContent).toBe(
      fieldMessage(validateSubnetId('not-a-subnet')),
    );
    expect(subnets.getAttribute('aria-invalid')).toBe('true');
    expect(createButton().hasAttribute('disabled')).toBe(true);
  });
});
