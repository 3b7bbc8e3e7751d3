import { TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { TableWrap } from './table-wrap.tsx';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  numeric?: boolean;
}

interface SimpleTableProps<T> {
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  caption: string;
  /** A class for a row, e.g. to mark a failure (never the only cue: say it in a cell too). */
  rowClassName?: (row: T) => string | undefined;
  /** On narrow screens each row becomes a card of label and value, so the table never scrolls sideways. */
  stacked?: boolean;
}

/** A plain data table in the NL Design System style. */
export function SimpleTable<T>({ columns, rows, rowKey, caption, rowClassName, stacked }: SimpleTableProps<T>) {
  return (
    <TableWrap caption={caption} className={stacked ? 'vs-table-stacked' : undefined}>
      <TableHeader>
        <TableRow>
          {columns.map((c) => (
            <TableHeaderCell key={c.header} scope="col" className={c.numeric ? 'vs-num' : undefined}>
              {c.header}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={rowKey(row)} className={rowClassName?.(row)}>
            {columns.map((c) => (
              <TableCell key={c.header} className={c.numeric ? 'vs-num' : undefined} data-label={stacked ? c.header : undefined}>
                {c.cell(row)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </TableWrap>
  );
}
