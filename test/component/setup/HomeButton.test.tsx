import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { HomeButton } from '../../../renderer/src/setup/HomeButton';
import { t } from '../../support/catalogue';

describe('the way back home from a setup screen', () => {
  it('goes home when pressed, as a secondary action unless told otherwise', async () => {
    const onHome = vi.fn();
    render(<HomeButton onHome={onHome} />);
    const button = screen.getByRole('button', { name: t('guided:actions.home') });
    expect(button.className).toBe('');
    await userEvent.click(button);
    expect(onHome).toHaveBeenCalledOnce();
  });

  it('is the main action where nothing is left to do on the screen', () => {
    render(<HomeButton onHome={vi.fn()} primary />);
    expect(screen.getByRole('button', { name: t('guided:actions.home') }).className).toBe(
      'primary',
    );
  });
});
