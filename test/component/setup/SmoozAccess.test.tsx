import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SmoozAccess } from '../../../renderer/src/setup/SmoozAccess';
import { t } from '../../support/catalogue';
import { refusal } from '../fakeIpc';
import { renderScreen } from '../render';

const save = () => screen.getByRole('button', { name: t('guided:smooz.save') });
const field = () => screen.getByLabelText(t('guided:smooz.token'));

describe('SMOOZ admin token', () => {
  it('cannot be saved empty, and says so under the field once touched', async () => {
    renderScreen(<SmoozAccess onStored={vi.fn()} />);
    expect(save().hasAttribute('disabled')).toBe(true);
    await userEvent.click(field());
    await userEvent.tab();
    expect(screen.getByTestId('guided-smooz-token-error').textContent).toBe(
      t('guided:fieldErrors.tokenRequired'),
    );
  });

  it('says a too short token has the wrong length', async () => {
    renderScreen(<SmoozAccess onStored={vi.fn()} />);
    await userEvent.type(field(), 'short');
    expect(screen.getByTestId('guided-smooz-token-error').textContent).toBe(
      t('guided:fieldErrors.tokenLength'),
    );
    expect(save().hasAttribute('disabled')).toBe(true);
  });

  it('stores a token SMOOZ accepts and moves on', async () => {
    const onStored = vi.fn();
    const { ipc } = renderScreen(<SmoozAccess onStored={onStored} />, {
      'smooz:setToken': () => ({ isSet: true, last4: '6789', canEncrypt: true }),
    });
    await userEvent.type(field(), 'token-0123456789');
    await userEvent.click(save());
    await waitFor(() => expect(onStored).toHaveBeenCalled());
    expect(ipc.requests('smooz:setToken')).toEqual([{ token: 'token-0123456789' }]);
  });

  it('explains a token SMOOZ refused and stays on the form', async () => {
    const onStored = vi.fn();
    renderScreen(<SmoozAccess onStored={onStored} />, {
      'smooz:setToken': () => {
        throw refusal('ipc.forbiddenSender');
      },
    });
    await userEvent.type(field(), 'token-0123456789');
    await userEvent.click(save());
    expect((await screen.findByRole('alert')).textContent).toBe(t('errors:ipc.forbiddenSender'));
    expect(onStored).not.toHaveBeenCalled();
    expect(save().hasAttribute('disabled')).toBe(false);
  });
});
