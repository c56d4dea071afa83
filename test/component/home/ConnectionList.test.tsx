import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ConnectionSummary } from '../../../shared/connections';
import type { SetupState } from '../../../shared/flow/state';
import { ConnectionList } from '../../../renderer/src/home/ConnectionList';
import { samplePlan, stack } from '../../support/flowFixtures';
import { t } from '../../support/catalogue';
import { pending, refusal } from '../fakeIpc';
import { renderScreen } from '../render';

const connection: ConnectionSummary = {
  id: 'c-0001',
  name: 'prod-db',
  region: 'ap-northeast-1',
  awsAccountId: '123456789012',
  status: 'available',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const unfinished: SetupState = {
  step: 'preflight',
  plan: { ...samplePlan, connectionId: 'c-0002', connectionName: 'stage-db' },
  created: [stack],
};

describe('home: the connection list', () => {
  it('says it is loading while the list has not answered', () => {
    renderScreen(<ConnectionList />, {
      'connections:list': () => pending(),
      'setup:list': () => [],
    });
    expect(screen.getByText(t('common:loading'))).toBeTruthy();
  });

  it('explains a failed read in words', async () => {
    renderScreen(<ConnectionList />, {
      'connections:list': () => {
        throw refusal('ipc.transport', { status: 503 });
      },
      'setup:list': () => [],
    });
    expect((await screen.findByRole('alert')).textContent).toBe(
      t('errors:ipc.transport', { status: 503 }),
    );
  });

  it('shows the empty state when there is nothing yet', async () => {
    renderScreen(<ConnectionList />, { 'connections:list': () => [], 'setup:list': () => [] });
    expect((await screen.findByTestId('connections-empty')).textContent).toBe(
      t('home:connections.empty'),
    );
  });

  it('lists a connection with its status in words', async () => {
    renderScreen(<ConnectionList onOpen={() => undefined} />, {
      'connections:list': () => [connection],
      'setup:list': () => [],
    });
    const row = await screen.findByTestId('connection-prod-db');
    expect(within(row).getByTestId('connection-status').textContent).toBe(
      t('home:connections.status.available'),
    );
    expect(screen.queryByTestId('connections-empty')).toBeNull();
  });

  it('lists an unfinished setup with what it created and the ways on', async () => {
    renderScreen(<ConnectionList onOpen={() => undefined} />, {
      'connections:list': () => [],
      'setup:list': () => [unfinished],
    });
    const item = await screen.findByTestId('unfinished-stage-db');
    expect(within(item).getByText(t('guided:home.created'))).toBeTruthy();
    expect(
      within(item).getByRole('button', {
        name: t('guided:home.resumeNamed', { name: 'stage-db' }),
      }),
    ).toBeTruthy();
    expect(
      within(item).getByRole('button', {
        name: t('guided:home.discardNamed', { name: 'stage-db' }),
      }),
    ).toBeTruthy();
  });

  it('asks before a teardown and opens the connection once it started', async () => {
    const onOpen = vi.fn();
    const { ipc } = renderScreen(<ConnectionList onOpen={onOpen} />, {
      'connections:list': () => [connection],
      'setup:list': () => [],
      'guided:teardown': () => null,
    });
    await userEvent.click(
      await screen.findByRole('button', {
        name: t('guided:home.teardownNamed', { name: 'prod-db' }),
      }),
    );
    expect(screen.getByText(t('guided:home.confirmTeardown', { name: 'prod-db' }))).toBeTruthy();
    expect(ipc.requests('guided:teardown')).toEqual([]);
    await userEvent.click(
      screen.getByRole('button', { name: t('guided:home.confirmYesNamed', { name: 'prod-db' }) }),
    );
    await waitFor(() => expect(onOpen).toHaveBeenCalledWith('c-0001'));
    expect(ipc.requests('guided:teardown')).toEqual([{ connectionId: 'c-0001' }]);
  });

  it('shows why a re-check could not start, in the row', async () => {
    const onOpen = vi.fn();
    renderScreen(<ConnectionList onOpen={onOpen} />, {
      'connections:list': () => [connection],
      'setup:list': () => [],
      'guided:recheck': () => {
        throw refusal('internal');
      },
    });
    await userEvent.click(
      await screen.findByRole('button', {
        name: t('guided:home.recheckNamed', { name: 'prod-db' }),
      }),
    );
    expect((await screen.findByRole('alert')).textContent).toBe(t('errors:internal'));
    expect(onOpen).not.toHaveBeenCalled();
  });

  it('reads the list again when a flow changes, without a reload', async () => {
    let listed: ConnectionSummary[] = [];
    const { ipc } = renderScreen(<ConnectionList />, {
      'connections:list': () => listed,
      'setup:list': () => [],
    });
    await screen.findByTestId('connections-empty');
    listed = [connection];
    ipc.push('setup:stateChanged', unfinished);
    expect(await screen.findByTestId('connection-prod-db')).toBeTruthy();
  });
});
