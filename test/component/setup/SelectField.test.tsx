import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SelectField } from '../../../renderer/src/setup/SelectField';

describe('a labelled drop-down', () => {
  it('is named by its label, shows each option’s words and reports the chosen value', async () => {
    const onChange = vi.fn();
    render(
      <SelectField
        id="pick-role"
        label="ロール"
        value="Admin"
        options={[
          { value: 'Admin', label: '管理者' },
          { value: 'ReadOnly', label: '読み取り専用' },
        ]}
        onChange={onChange}
      />,
    );
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: 'ロール' });
    expect(select.value).toBe('Admin');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      '管理者',
      '読み取り専用',
    ]);
    await userEvent.selectOptions(select, '読み取り専用');
    expect(onChange).toHaveBeenCalledWith('ReadOnly');
  });
});
