import { Table } from '@utrecht/component-library-react';
import { type ReactNode, useId } from 'react';

interface TableWrapProps {
  /** Read by screen readers and names the scrollable region. */
  caption: string;
  busy?: boolean;
  /** An extra class on the region, e.g. `vs-table-stacked`. */
  className?: string;
  children: ReactNode;
}

/**
 * A table in a horizontally scrollable box. The box is a named, focusable region (a section with a name) so a
 * keyboard user can scroll a table that is wider than the screen (WCAG 2.1.1, 1.4.10).
 */
export function TableWrap({ caption, busy, className, children }: TableWrapProps) {
  const captionId = useId();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be keyboard reachable
    <section className={className ? `vs-table-wrap ${className}` : 'vs-table-wrap'} tabIndex={0} aria-labelledby={captionId} aria-busy={busy}>
      <Table busy={busy}>
        <caption id={captionId} className="vs-visually-hidden">
          {caption}
        </caption>
        {children}
      </Table>
    </section>
  );
}
