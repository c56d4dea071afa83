import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { RowAction } from '../../../renderer/src/common/RowAction';
import { t } from '../../support/catalogue';

describe('a button acting on one row of a list', () => {
  it('is named for its row, shows the short label and acts once when pressed', async () => {
    const onClick = vi.fn();
    render(
      <>
        <RowAction named={t('guided:home.resumeNamed', { name: '本番DB' })} onClick={onClick}>
          {t('guided:home.resume')}
        </RowAction>
        <RowAction named={t('guided:home.resumeNamed', { name: '検証DB' })} onClick={vi.fn()}>
          {t('guided:home.resume')}
        </RowAction>
      </>,
    );
    const button = screen.getByRole('button', {
      name: t('guided:home.resumeNamed', { name: '本番DB' }),
    });
    expect(button.textContent).toBe(t('guided:home.resume'));
    expect(button.getAttribute('type')).toBe('button');
    await userEvent.click(button);
    expect(onClick).toHaveBeenCalledOnce();
  });

  it('does nothing while disabled', async () => {
    const onClick = vi.fn();
    render(
      <RowAction named="x" onClick={onClick} disabled>
        y
      </RowAction>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'x' }));
    expect(onClick).not.toHaveBeenCalled();
  });
});
