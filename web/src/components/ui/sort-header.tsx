import { TableHeaderCell } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

export type SortDirection = 'asc' | 'desc';

interface SortHeaderProps<K extends string> {
  column: K;
  sort: K;
  direction: SortDirection;
  onSort: (column: K, direction: SortDirection) => void;
  children: ReactNode;
  numeric?: boolean;
}

/** A column header that sorts by its column; aria-sort tells screen readers the order. */
export function SortHeader<K extends string>({ column, sort, direction, onSort, children, numeric }: SortHeaderProps<K>) {
  const active = column === sort;
  const next: SortDirection = active && direction === 'asc' ? 'desc' : active ? 'asc' : numeric ? 'desc' : 'asc';
  return (
    <TableHeaderCell scope="col" aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'} className={numeric ? 'vs-num' : undefined}>
      <button type="button" className="vs-sort-button" onClick={() => onSort(column, next)}>
        {children}
        <span aria-hidden="true" className="vs-sort-icon">
          {active ? (direction === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </TableHeaderCell>
  );
}
