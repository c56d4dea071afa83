import type { ReactNode } from 'react';

/**
 * A table's header row, one heading a column, each scoped to its column so that a screen reader
 * names the column as it reads every cell below.
 */
export function ColumnHeads({ labels }: { labels: readonly ReactNode[] }) {
  return (
    <thead>
      <tr>
        {labels.map((label, column) => (
          // The columns of a table are fixed in number and order: the position is their identity.
          <th key={column} scope="col">
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
