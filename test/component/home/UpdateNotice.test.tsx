import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { UpdateNotice } from '../../../renderer/src/home/UpdateNotice';
import { t } from '../../support/catalogue';
import { refusal } from '../fakeIpc';
import { renderScreen } from '../render';

describe('home: the app update notice', () => {
  it('shows nothing while the app is up to date', async () => {
    const { ipc } = renderScreen(<UpdateNotice />, {
      'update:getStatus': () => ({ status: 'idle' }),
    });
    await Promise.resolve();
    expect(ipc.requests('update:getStatus')).toHaveLength(1);
    expect(screen.queryByTestId('update-notice')).toBeNull();
  });

  it('follows the push of a ready update from main, with the install button', async () => {
    const { ipc } = renderScreen(<UpdateNotice />, {
      'update:getStatus': () => ({ status: 'idle' }),
    });
    ipc.push('update:statusChanged', { status: 'ready', version: '9.9.9' });
    expect(await screen.findByText(t('update:ready', { version: '9.9.9' }))).toBeTruthy();
    expect(screen.getByRole('button', { name: t('update:installNow') })).toBeTruthy();
  });

  it('explains why the update could not be installed now', async () => {
    renderScreen(<UpdateNotice />, {
      'update:getStatus': () => ({ status: 'ready', version: '9.9.9' }),
      'update:installNow': () => {
        throw refusal('update.busy');
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: t('update:installNow') }));
    expect((await screen.findByRole('alert')).textContent).toBe(t('errors:update.busy'));
  });
});
