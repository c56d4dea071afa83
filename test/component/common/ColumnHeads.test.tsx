import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ColumnHeads } from '../../../renderer/src/common/ColumnHeads';

describe('a table header row', () => {
  it('gives every label its own column heading, in order, each scoped to its column', () => {
    render(
      <table>
        <ColumnHeads labels={['名前', 'リージョン', <span key="copy">コピー</span>]} />
        <tbody>
          <tr>
            <td>a</td>
            <td>b</td>
            <td>c</td>
          </tr>
        </tbody>
      </table>,
    );
    const heads = screen.getAllByRole('columnheader');
    expect(heads.map((h) => h.textContent)).toEqual(['名前', 'リージョン', 'コピー']);
    expect(heads.every((h) => h.getAttribute('scope') === 'col')).toBe(true);
    expect(heads.every((h) => h.closest('thead') !== null)).toBe(true);
  });
});
