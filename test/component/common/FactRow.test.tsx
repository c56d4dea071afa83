import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FactRow } from '../../../renderer/src/common/FactRow';

describe('one labelled value of a facts list', () => {
  it('puts the label and its value on one row, and names the value for tests', () => {
    render(
      <dl className="facts">
        <FactRow label="理由" testId="reason">
          <span>Access Denied</span>
        </FactRow>
      </dl>,
    );
    const value = screen.getByTestId('reason');
    expect(value.tagName).toBe('DD');
    expect(value.textContent).toBe('Access Denied');
    const row = value.parentElement;
    expect(row?.className).toBe('facts-row');
    expect(row?.querySelector('dt')?.textContent).toBe('理由');
  });
});
